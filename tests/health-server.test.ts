import { describe, expect, it } from 'vitest';
import { startHealthServer } from '../src/health-server.js';
import { createSilentLogger } from '../src/logger.js';

describe('startHealthServer', () => {
  it('answers 200 while the check is fine and 503 when it reports ok: false (a damaged subscription database)', async () => {
    let impaired = false;
    const server = await startHealthServer({ port: 0, logger: createSilentLogger(), check: () => ({ ok: !impaired, store: impaired ? 'impaired' : 'ok' }) });
    try {
      const url = `http://127.0.0.1:${server.port}/healthz`;
      expect((await fetch(url)).status).toBe(200);
      impaired = true;
      const res = await fetch(url);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ ok: false, store: 'impaired' });
      expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
