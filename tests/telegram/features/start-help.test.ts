import { describe, expect, it } from 'vitest';
import { SUBSCRIPTION_COMMANDS } from '../../../src/telegram/features/subscriptions.js';
import { makeFixtureArchive, makeFixtureIssues } from '../support/archive-fixture.js';
import { createHarness } from '../support/harness.js';
import { validateCallsAfterEachTest } from '../support/validate-calls.js';

validateCallsAfterEachTest();

/** The fixture archive's issues moved a year back: the archive ended long before "today" (2024-11-12). */
function oldArchive() {
  return makeFixtureArchive(makeFixtureIssues().map((issue) => ({ ...issue, date: issue.date.replace(/^2024/, '2023') })));
}

const DIGEST_COMMANDS = ['/subscribe', '/settings', '/digest'];

describe('/start and /help', () => {
  it.each(['/start', '/help'])('%s mentions the daily digest when the bot offers it', async (command) => {
    const h = createHarness({ extraCommands: SUBSCRIPTION_COMMANDS });
    await h.send(command);
    const text = h.sentSince(0)[0]!.text;
    for (const c of DIGEST_COMMANDS) expect(text).toContain(c);
    expect(text).toContain('每日摘要');
  });

  it.each(['/start', '/help'])('%s does not offer a digest the bot does not have', async (command) => {
    const h = createHarness();
    await h.send(command);
    expect(h.sentSince(0)[0]!.text).not.toContain('/subscribe');
  });

  it('draws its examples from the archive: its newest date and topics, never a relative day', async () => {
    const archive = oldArchive();
    const latest = archive.latest()!;
    expect(latest.date.startsWith('2023-')).toBe(true);
    const [, m, d] = latest.date.split('-').map(Number);
    const h = createHarness({ archive, extraCommands: SUBSCRIPTION_COMMANDS });
    for (const text of ['/help', '/start', '你好', '/date']) await h.send(text);
    const replies = h.sentSince(0).map((message) => message.text);
    expect(replies).toHaveLength(4);
    for (const reply of replies) {
      expect(reply).not.toContain('昨天');
      expect(reply).not.toContain('上周');
    }
    expect(replies[0]).toContain(`/date ${latest.date}`);
    expect(replies[2]).toContain(`/date ${m}月${d}日`);
    const topic = archive.topics().filter((t) => t.kind === 'topic' && t.count > 0).sort((a, b) => b.count - a.count)[0]!;
    expect(replies[0]).toContain(`/subscribe 07:30 ${topic.name}`);
  });
});

describe('a yearless date', () => {
  it('resolves to the archive\'s years first: 11月8日 is the archive\'s 8 November, a year before "today"', async () => {
    const archive = oldArchive();
    const day = archive.issues().find((i) => i.date.endsWith('-11-08'));
    expect(day?.date).toBe('2023-11-08');
    const h = createHarness({ archive });
    await h.send('/date 11月8日');
    expect(h.sentSince(0)[0]!.text).toContain('2023年11月8日');
  });
});
