import http from 'node:http';

export interface HttpAnswer {
  status: number;
  text: string;
}

/**
 * GETs to one loopback port over keep-alive connections (at most `sockets` open),
 * with any Host header: Node cannot resolve `<slug>.localhost`, so tenant requests
 * go to 127.0.0.1 with the tenant's host name in the header.
 */
export function loopbackClient(port: number, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const get = (host: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<HttpAnswer>((resolve, reject) => {
      const request = http.request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers: { ...headers, host } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      request.on('error', reject);
      request.setTimeout(30_000, () => request.destroy(new Error(`timeout: GET ${path}`)));
      request.end();
    });
  return { get, close: () => agent.destroy() };
}
