import { createServer } from 'node:net';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { commandMenus } from '../../src/telegram/commands.js';
import { createBot } from '../../src/telegram/create-bot.js';
import { ConfigError } from '../../src/errors.js';
import { initWithRetry, runBot, type RunningBot } from '../../src/telegram/run-bot.js';
import { createFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/fake-bot-api.js';
import { makeFixtureArchive } from './support/archive-fixture.js';
import { createFakeSearchEngine } from './support/fake-search-engine.js';

const TOKEN = '123456:TEST-abcdefghijklmnopqrstuvwxyz';
const silent = pino({ level: 'silent' });

let fake: FakeBotApi | undefined;
let running: RunningBot | undefined;
afterEach(async () => {
  // Stop the bot before the fake server, as a real deployment would lose Telegram last.
  await running?.stop();
  await fake?.stop();
  running = undefined;
  fake = undefined;
});

function makeBot(apiRoot: string) {
  const archive = makeFixtureArchive();
  return createBot({ botToken: TOKEN, apiRoot, timeZone: 'Asia/Shanghai' }, { archive, search: createFakeSearchEngine(archive), logger: silent, rateLimit: false });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe('runBot', () => {
  it('long-polls, sets the Chinese command menu, answers, and confirms handled updates when stopped', async () => {
    fake = createFakeBotApi({ token: TOKEN, bot: { username: 'changji_test_bot' } });
    await fake.start();
    running = await runBot(makeBot(fake.url), { port: 0 }, { logger: silent, profile: { description: 'd', shortDescription: 's', menus: commandMenus() } });
    expect((fake.commands() as { command: string }[]).map((c) => c.command)).toContain('latest');
    const since = fake.mark();
    fake.sendText(42, '冬小麦');
    const reply = await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === 42, 20_000, { since });
    expect(String(reply.payload?.text)).toContain('冬小麦');
    await running.stop();
    running = undefined;
    expect(fake.pendingUpdates()).toEqual([]);
    expect(fake.violations).toEqual([]);
  });

  it('serves a webhook with a health endpoint when WEBHOOK_URL is set', async () => {
    fake = createFakeBotApi({ token: TOKEN, bot: { username: 'changji_test_bot' } });
    await fake.start();
    const port = await freePort();
    const webhookUrl = `http://127.0.0.1:${port}/telegram`;
    running = await runBot(makeBot(fake.url), { webhookUrl, webhookSecret: 'sekret', port }, { logger: silent, profile: { description: 'd', shortDescription: 's', menus: commandMenus() } });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    const forged = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' }, body: '{}' });
    expect(forged.status).toBe(401);
    const since = fake.mark();
    fake.sendText(42, '/latest');
    const reply = await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === 42, 20_000, { since });
    expect(String(reply.payload?.text)).toContain('2024年11月11日');
    expect(fake.violations).toEqual([]);
  });
});

describe('the webhook endpoint', () => {
  async function startWebhook() {
    fake = createFakeBotApi({ token: TOKEN, bot: { username: 'changji_test_bot' } });
    await fake.start();
    const port = await freePort();
    const webhookUrl = `http://127.0.0.1:${port}/telegram`;
    const lines: { level: number; msg: string; status?: number }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
    running = await runBot(makeBot(fake.url), { webhookUrl, webhookSecret: 'sekret', port }, { logger, profile: { description: 'd', shortDescription: 's', menus: commandMenus() } });
    const post = (body: string | Buffer) =>
      fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'sekret' }, body });
    return { post, lines };
  }

  it('refuses a body far larger than any update with 413, even with the right secret', async () => {
    const { post, lines } = await startWebhook();
    const huge = JSON.stringify({ update_id: 1, message: { text: 'x'.repeat(10 * 1024 * 1024) } });
    const res = await post(huge);
    expect(res.status).toBe(413);
    expect(lines.find((l) => l.msg === 'webhook body refused')).toMatchObject({ level: 40, status: 413 });
  });

  it('answers malformed JSON with 400 and a warning, not 500 and an error', async () => {
    const { post, lines } = await startWebhook();
    const res = await post('{"update_id": 1, "message": ');
    expect(res.status).toBe(400);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.find((l) => l.msg === 'webhook body refused')).toMatchObject({ level: 40, status: 400 });
    // It still serves real updates afterwards.
    const since = fake!.mark();
    fake!.sendText(42, '/latest');
    await fake!.waitFor((c) => c.method === 'sendMessage' && c.chatId === 42, 20_000, { since });
  });
});

describe('initWithRetry', () => {
  it('stops with a message naming TELEGRAM_API_ROOT when Telegram never answers', async () => {
    const port = await freePort(); // nothing listens there any more
    const err = await initWithRetry(makeBot(`http://127.0.0.1:${port}`), silent, 2, 10).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).variable).toBe('TELEGRAM_API_ROOT');
    expect((err as ConfigError).message).toContain('after 2 tries');
  });

  it('stops with a message naming BOT_TOKEN when Telegram rejects the token', async () => {
    fake = createFakeBotApi({ token: TOKEN });
    await fake.start();
    fake.failNext('getMe', { error_code: 401, description: 'Unauthorized' });
    const err = await initWithRetry(makeBot(fake.url), silent, 3, 10).catch((e: unknown) => e);
    expect((err as ConfigError).variable).toBe('BOT_TOKEN');
  });
});
