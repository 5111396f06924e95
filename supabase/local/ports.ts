import net from 'node:net';

/** Resolves when nothing listens on host:port; rejects with a clear message otherwise. */
export async function assertPortFree(port: number, service: string, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new PortInUseError(port, service));
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

export class PortInUseError extends Error {
  constructor(port: number, service: string) {
    super(
      `Port ${port} (${service}) is already in use. Stop whatever listens there ` +
        `(\`ss -ltnp 'sport = :${port}'\` shows it) or choose another port in .env.local.`,
    );
    this.name = 'PortInUseError';
  }
}

/** Asks the OS for a free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
