import { createServer, type Server } from 'node:http';
import type { Logger } from './logger.js';

export interface HealthServer {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * `GET /healthz` for container health checks while the bot long-polls (webhook mode serves its own).
 * `check` reports whether the process can still do its work; anything else answers 404.
 */
export async function startHealthServer(options: { port: number; logger: Logger; check: () => Record<string, unknown> }): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/healthz') {
      // `ok: false` from the check (e.g. a damaged subscription database) makes the container unhealthy: 503.
      const state = { ok: true, ...options.check() };
      res.writeHead(state.ok === false ? 503 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(state));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  options.logger.info({ port }, 'health endpoint listening');
  return {
    port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
