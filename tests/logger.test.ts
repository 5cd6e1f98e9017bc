import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const TOKEN = '123456:SECRET-abcdefghijklmnopqrstuvwxyz';

describe('createLogger', () => {
  it('writes structured logs to stderr and redacts the bot token everywhere', () => {
    const script = `
      import { createLogger } from './src/logger.ts';
      const log = createLogger({ token: ${JSON.stringify(TOKEN)} });
      log.error({ err: new Error('GET /bot${TOKEN}/getMe failed', { cause: new Error('socket hang up') }), botToken: ${JSON.stringify(TOKEN)} }, 'call to bot${TOKEN} failed');
      createLogger().info({ n: 1 }, 'plain');
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain('SECRET');
    const lines = run.stderr.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ level: 50, msg: 'call to bot[redacted] failed' });
    expect(JSON.stringify(lines[0])).toContain('[redacted]');
    // the cause chain survives the scrubbing
    expect(JSON.stringify(lines[0])).toContain('socket hang up');
    expect(lines[1]).toMatchObject({ level: 30, n: 1, msg: 'plain' });
  });

  it('writes readable lines instead of JSON for a person at a terminal, still without the token', () => {
    const script = `
      import { createLogger } from './src/logger.ts';
      createLogger({ token: ${JSON.stringify(TOKEN)}, pretty: true }).warn({ url: 'http://x/bot${TOKEN}/getMe' }, 'telegram not reachable yet');
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('WARN');
    expect(run.stderr).toContain('telegram not reachable yet');
    expect(() => JSON.parse(run.stderr.trim())).toThrow();
    expect(run.stderr).not.toContain('SECRET');
  });
});
