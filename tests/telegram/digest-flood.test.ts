import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/digest/compose-digest.js';
import { openStore, type DigestStore } from '../../src/digest/open-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { MAX_DIGEST_PARTS, renderDigest } from '../../src/telegram/deliver-digest.js';
import { createSubscriptionsFeature, DIGEST_PREVIEWS_PER_DAY } from '../../src/telegram/features/subscriptions.js';
import { checkTelegramLimits } from '../support/fake-bot-api/check-telegram-limits.js';
import { makeArchive, makeArticle, makeIssue } from '../digest/support/fixtures.js';
import { createHarness, GROUP_CHAT } from './support/harness.js';

/**
 * An absurd issue (a 2 MB seed file of thousands of "articles") must not turn a digest into fifty messages, and
 * /digest — which any group member may send — must not flood a chat: a bounded number of messages per chat a day.
 */

/** An issue with `n` articles, as a huge seed file would make. */
function hugeIssue(n: number) {
  const issue = makeIssue('huge', '2024-11-07', 1);
  issue.articles = Array.from({ length: n }, (_, i) => makeArticle('huge', i + 1, `第${i + 1}篇农业报道`, `本报讯 农业部门第${i + 1}次报告，小麦长势良好。`.repeat(4)));
  return issue;
}

let dir: string;
let store: DigestStore;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'digest-flood-'));
  store = openStore(dir, createSilentLogger());
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('digest size and previews per chat', () => {
  it('renders even a 2,000-article issue as at most MAX_DIGEST_PARTS messages, naming what was left out', () => {
    const messages = renderDigest(composeDigest(hugeIssue(2000))!);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.length).toBeLessThanOrEqual(MAX_DIGEST_PARTS);
    const shown = messages.reduce((n, m) => n + (m.reply_markup?.inline_keyboard.flat().length ?? 0), 0);
    expect(messages[messages.length - 1]!.text).toContain(`另有 ${2000 - shown} 篇文章未列出`);
    for (const m of messages) expect(checkTelegramLimits('sendMessage', { chat_id: 1, parse_mode: 'HTML', ...m })).toEqual([]);
  });

  it('caps /digest previews per chat and day, and says so instead of sending more', async () => {
    const archive = makeArchive([hugeIssue(2000)]);
    const h = createHarness({ archive, extraFeatures: [createSubscriptionsFeature({ store, archive, timeZone: 'Asia/Shanghai' })] });
    for (let i = 0; i < DIGEST_PREVIEWS_PER_DAY + 2; i++) await h.send('/digest', { chat: GROUP_CHAT });
    const texts = h.sentSince(0).map((m) => m.text);
    expect(texts.filter((t) => t.includes('每日摘要 ·'))).toHaveLength(DIGEST_PREVIEWS_PER_DAY * MAX_DIGEST_PARTS);
    expect(texts.filter((t) => t.includes('今天已预览'))).toHaveLength(2);
    expect(texts.length).toBeLessThanOrEqual(DIGEST_PREVIEWS_PER_DAY * MAX_DIGEST_PARTS + 2);
  });
});
