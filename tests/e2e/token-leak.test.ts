import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBotApi, fakeDrops, type FakeBotApi } from '../support/fake-bot-api/fake-bot-api.js';
import { REPO_ROOT, startBotProcess, TEST_TOKEN } from './support/bot-process.js';

/**
 * No byte of the bot token on stdout or stderr, at any LOG_LEVEL (silent included), while the Bot API drops
 * connections: at startup (getMe, setMyCommands), while polling (getUpdates — the runner used to print these
 * with console.error, URL and token included) and when sending a reply. The token's secret half is what must
 * never appear; the real process runs against the fake Bot API.
 */

const SECRET = TEST_TOKEN.slice(TEST_TOKEN.indexOf(':') + 1);
// pino filters by level only, so what debug, info, error and fatal print is a part of what trace prints; what
// libraries print on their own (console.error) is the same at every level. trace (everything), warn (the default
// for a quiet operator) and silent (nothing of ours) cover every level.
const LEVELS = ['trace', 'warn', 'silent'] as const;

describe('the bot token in the process output', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'token-leak-'));
  });
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  // The levels run side by side, each with its own fake and data directory: sequential starts would be slow.
  async function runWithDrops(level: (typeof LEVELS)[number]): Promise<{ stdout: string; stderr: string }> {
    const fake = createFakeBotApi({ bot: { username: 'archive_test_bot' } });
    await fake.start();
    try {
      fake.failNext('getMe', fakeDrops.beforeAccept());
      fake.failNext('setMyCommands', fakeDrops.beforeAccept());
      fake.failNext('getUpdates', fakeDrops.beforeAccept(), { times: 3 });
      const bot = await startBotProcess(fake, { dataDir: join(dataDir, level), env: { LOG_LEVEL: level }, readyWhen: (c) => c.method === 'getUpdates' && c.ok === true });
      try {
        expect(fake.drops.beforeAccept).toBe(5);
        // A reply whose connection drops after Telegram took it: the error boundary logs the failed call.
        fake.failNext('sendMessage', fakeDrops.afterAccept(), { chatId: 77 });
        const since = fake.mark();
        fake.sendText(77, '/latest');
        await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === 77, 45_000, { since });
        await fake.waitFor(() => fake.drops.afterAccept === 1, 5_000);
        // Let the error boundary log and apologise before stopping.
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        const exit = await bot.stop();
        expect(exit.code, bot.output()).toBe(0);
      }
      return bot.streams();
    } finally {
      await fake.stop();
    }
  }

  it.concurrent.each(LEVELS)('never appears at LOG_LEVEL=%s while connections drop', { timeout: 120_000 }, async (level) => {
    const { stdout, stderr } = await runWithDrops(level);
    expect(stdout).not.toContain(SECRET);
    expect(stderr).not.toContain(SECRET);
    // The failures were reported (where the level lets them through), with the token scrubbed, not dropped.
    if (level === 'trace' || level === 'warn') {
      expect(stderr).toContain('getUpdates failed; retrying');
      expect(stderr).toContain('[redacted]');
    }
    if (level === 'silent') expect(stdout + stderr).toBe('');
  });

  it('never appears in the startup error a terminal gets when Telegram quotes the token', { timeout: 120_000 }, async () => {
    const fake = createFakeBotApi({ bot: { username: 'archive_test_bot' } });
    await fake.start();
    try {
      fake.failNext('getMe', { error_code: 401, description: `Unauthorized: invalid token ${TEST_TOKEN}` });
      // `script` gives the process a real terminal, so it takes the human-readable path.
      const command = `${JSON.stringify(process.execPath)} --import tsx src/main.ts`;
      const child = spawn('script', ['-qec', command, '/dev/null'], {
        cwd: REPO_ROOT,
        env: { ...process.env, BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.url, DATA_DIR: join(dataDir, 'tty'), LOG_LEVEL: 'info', WEBHOOK_URL: '', WEBHOOK_SECRET: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code, output).toBe(1);
      expect(output).toContain('启动失败');
      expect(output).toContain('BOT_TOKEN');
      expect(output).not.toContain(SECRET);
    } finally {
      await fake.stop();
    }
  });
});
