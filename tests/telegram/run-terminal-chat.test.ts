import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/digest/open-store.js';
import { botCommands } from '../../src/telegram/commands.js';
import { createSubscriptionsFeature, SUBSCRIPTION_COMMANDS } from '../../src/telegram/features/subscriptions.js';
import { runTerminalChatWithDigests } from '../../src/telegram/run-terminal-chat.js';
import { createTerminalChat } from '../../src/telegram/terminal-chat.js';
import { makeFixtureArchive } from './support/archive-fixture.js';
import { createFakeSearchEngine } from './support/fake-search-engine.js';

/** The last line of every digest. */
const DIGEST_FOOTER = '点击下方按钮阅读全文';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The terminal chat as main.ts runs it without a token, over a clock the test moves. */
async function terminal(input: Readable & { isTTY?: boolean }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'terminal-digest-'));
  dirs.push(dir);
  const logger = pino({ level: 'silent' });
  const store = openStore(dir, logger);
  const archive = makeFixtureArchive();
  const clock = { now: new Date('2024-11-12T04:00:00Z') }; // 12:00 in Shanghai, the day after the newest issue
  const now = () => clock.now;
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const subscriptions = createSubscriptionsFeature({ store, archive, timeZone: 'Asia/Shanghai', now });
  const chat = await createTerminalChat(
    { timeZone: 'Asia/Shanghai', apiRoot: undefined },
    { archive, search: createFakeSearchEngine(archive), logger, now, extraFeatures: [subscriptions], extraCommands: SUBSCRIPTION_COMMANDS },
    { input, output, commands: botCommands(SUBSCRIPTION_COMMANDS) },
  );
  const stderr = new PassThrough();
  let errors = '';
  stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const done = runTerminalChatWithDigests(chat, { store, archive, logger, now, timeZone: 'Asia/Shanghai', tickMs: 10 }, { stderr }).finally(() => store.close());
  return { clock, done, printed: () => printed, errors: () => errors, store };
}

describe('runTerminalChatWithDigests', () => {
  it('delivers a /subscribe digest into the terminal when its time comes, while a person chats', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true });
    const t = await terminal(input);
    input.write('/subscribe 12:30\n');
    await vi.waitFor(() => expect(t.printed()).toContain('12:30'));
    expect(t.printed()).not.toContain(DIGEST_FOOTER);
    t.clock.now = new Date('2024-11-12T04:31:00Z');
    await vi.waitFor(() => expect(t.printed()).toContain(DIGEST_FOOTER), { timeout: 5000 });
    // After the digest the prompt is shown again, for the person typing.
    expect(t.printed().trimEnd().endsWith('你：')).toBe(true);
    input.end();
    expect(await t.done).toBe(0);
  });

  it('gives a piped script no digests, only what it asked for', async () => {
    const t = await terminal(Readable.from(['/subscribe 12:30\n/help\n']));
    expect(await t.done).toBe(0);
    expect(t.printed()).not.toContain(DIGEST_FOOTER);
    expect(t.errors()).toContain('No BOT_TOKEN: this is the terminal chat');
  });

  it('says what mode this is and exits 2 when there is no token, no terminal and no input', async () => {
    const t = await terminal(Readable.from([]));
    expect(await t.done).toBe(2);
    expect(t.errors()).toMatch(/No BOT_TOKEN.*set BOT_TOKEN to the token from @BotFather/s);
    expect(t.errors()).toContain('Nothing to do: standard input was empty');
  });
});
