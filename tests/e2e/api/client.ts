import http from 'node:http';
import { e2eStack } from '../support/stack';

/**
 * Raw HTTP to the app under test. Node cannot resolve `<slug>.localhost`, so
 * every request goes to 127.0.0.1:<port> with the tenant's name in the Host
 * header (node:http sends exactly the Host it is given: `echoHost` checks it).
 */
export interface ApiRequest {
  /** Tenant slug, or null for the apex. */
  slug: string | null;
  method: string;
  path: string;
  query?: Record<string, string>;
  token?: string;
  /** A JSON-serialised body; `raw` sends bytes as-is. */
  body?: unknown;
  raw?: string | Buffer;
  headers?: Record<string, string>;
  /** Sends `Origin: http://<host>` (the request's own origin) unless set in headers. */
  sameOrigin?: boolean;
  /** Sends the body chunked, without Content-Length (the server cannot size it up front). */
  chunked?: boolean;
  /**
   * Local address to connect from. The e2e server trusts 127.0.0.1 as a proxy (the
   * default); from 127.0.0.2 a request is an untrusted client, as every one is
   * under TRUSTED_PROXIES=none.
   */
  from?: string;
}

export interface ApiResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export function hostOf(slug: string | null): string {
  const { rootDomain } = e2eStack();
  return slug ? `${slug}.${rootDomain}` : rootDomain;
}

export function originOf(slug: string | null): string {
  return `http://${hostOf(slug)}`;
}

function port(): number {
  return Number(new URL(e2eStack().appUrl).port);
}

export function send(request: ApiRequest): Promise<ApiResponse> {
  const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
  const payload = request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
  const headers: Record<string, string> = { host: hostOf(request.slug), 'user-agent': 'api-e2e' };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (payload !== undefined) {
    if (request.chunked) headers['transfer-encoding'] = 'chunked';
    else headers['content-length'] = String(Buffer.byteLength(payload));
  }
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.sameOrigin) headers.origin = originOf(request.slug);
  Object.assign(headers, request.headers);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: port(), localAddress: request.from, method: request.method, path: `${request.path}${query}`, headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${request.method} ${request.path}`)));
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** The Host header a node:http request really carries, seen by a throwaway local server. */
export async function echoHost(host: string): Promise<string | undefined> {
  const server = http.createServer((req, res) => res.end(req.headers.host ?? ''));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const echoPort = typeof address === 'object' && address ? address.port : 0;
  try {
    return await new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: echoPort, path: '/', headers: { host } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
