import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/fake-bot-api.js';
import { startBotProcess, type BotProcess } from './support/bot-process.js';
import { eventually, nextMessage, visibleText } from './support/chat.js';
import { freePort } from './support/free-port.js';

/**
 * Webhook mode (WEBHOOK_URL set): the real bot process registers its webhook with the fake Bot API,
 * serves GET /healthz, and answers updates the fake POSTs to it.
 */

describe('the bot process in webhook mode', () => {
  const secret = 'e2e-webhook-secret';
  let fake: FakeBotApi;
  let bot: BotProcess | undefined;
  let dataDir: string;
  let port: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'bot-e2e-webhook-'));
    fake = createFakeBotApi({ bot: { username: 'archive_test_bot' } });
    await fake.start();
    port = await freePort();
    bot = await startBotProcess(fake, {
      dataDir,
      env: { WEBHOOK_URL: `http://127.0.0.1:${port}/telegram-hook`, WEBHOOK_SECRET: secret, PORT: String(port) },
      readyWhen: (c) => c.method === 'setWebhook' && c.ok,
    });
  });

  afterAll(async () => {
    await bot?.kill();
    await fake?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('registers its webhook URL with the secret token instead of polling', () => {
    const registration = fake.calls.find((c) => c.method === 'setWebhook');
    expect(registration?.payload).toMatchObject({ url: `http://127.0.0.1:${port}/telegram-hook`, secret_token: secret });
    expect(fake.count('getUpdates')).toBe(0);
  });

  it('reports healthy on GET /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
  });

  it('answers a command delivered through the webhook', async () => {
    const since = fake.mark();
    fake.sendText(2001, '/latest');
    const reply = await nextMessage(fake, 2001, since, 'the answer to /latest via the webhook');
    expect(visibleText(reply).length).toBeGreaterThan(0);
    // The update leaves the queue when the webhook answers 2xx, just after the bot's reply.
    await eventually(() => fake.pendingUpdates().length === 0, 'the webhook to acknowledge the update');
    expect(fake.violations).toEqual([]);
  });

  it('stops on SIGTERM with exit code 0', async () => {
    const exit = await bot?.stop();
    expect(exit, bot?.output()).toEqual({ code: 0, signal: null });
  });
});
