import * as net from 'node:net';

/** Those belong to a system PostgreSQL; sharing them leads to connecting to the wrong server. */
export function isSystemPostgresPort(port: number): boolean {
  return port === 5432 || port === 5433;
}

/** A free TCP port on 127.0.0.1, never 5432 or 5433. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        if (port === 0 || isSystemPostgresPort(port)) {
          findFreePort().then(resolve, reject);
        } else {
          resolve(port);
        }
      });
    });
  });
}
