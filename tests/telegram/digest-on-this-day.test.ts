import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Digest, OnThisDayItem } from '../../src/digest/compose-digest.js';
import { renderDigest } from '../../src/telegram/deliver-digest.js';
import { checkTelegramLimits, visibleText } from '../support/fake-bot-api/check-telegram-limits.js';

const digest = (items: Digest['items'], onThisDay?: OnThisDayItem[]): Digest => ({
  paper: '昌吉日报',
  issueId: 'i1',
  date: '2024-11-07',
  dateSource: 'masthead',
  items,
  issueArticles: items.length,
  ...(onThisDay ? { onThisDay } : {}),
});
const earlier: OnThisDayItem[] = [
  { issueId: 'e1', date: '2023-11-07', yearsAgo: 1, titles: [{ articleId: 'x1', title: '去年今日<要闻>' }] },
  { issueId: 'e2', date: '2021-11-07', yearsAgo: 3, titles: [{ articleId: 'x2', title: '三年前的要闻' }] },
];

describe('renderDigest: the "N年前的今天" section', () => {
  it('ends the digest with each earlier year, newest first, escaped', () => {
    const messages = renderDigest(digest([{ articleId: 'a1', title: '标题', lead: '导语。', tags: [] }], earlier));
    const text = messages.at(-1)!.text;
    expect(text).toContain('历史上的今天');
    expect(text.indexOf('1年前的今天')).toBeLessThan(text.indexOf('3年前的今天'));
    expect(text).toContain('去年今日&lt;要闻&gt;');
    expect(text).toContain('2023年11月7日');
  });

  it('is absent when not asked for', () => {
    expect(renderDigest(digest([{ articleId: 'a1', title: '标题', lead: '', tags: [] }]))[0]!.text).not.toContain('历史上的今天');
  });

  it('keeps every message within Telegram’s limits however full the digest is (property)', () => {
    const title = fc.string({ minLength: 1, maxLength: 150 });
    fc.assert(
      fc.property(fc.array(fc.record({ title, lead: fc.string({ maxLength: 60 }) }), { minLength: 1, maxLength: 60 }), fc.array(title, { minLength: 1, maxLength: 3 }), (raw, olds) => {
        const items = raw.map((r, i) => ({ articleId: `id${i}`, tags: [], ...r }));
        const years = olds.map((t, i) => ({ issueId: `e${i}`, date: `${2020 - i}-11-07`, yearsAgo: 4 + i, titles: [{ articleId: `o${i}`, title: t }] }));
        const messages = renderDigest(digest(items, years));
        for (const m of messages) {
          expect(checkTelegramLimits('sendMessage', { chat_id: 1, parse_mode: 'HTML', ...m })).toEqual([]);
          expect(visibleText(m.text, 'HTML').length).toBeLessThanOrEqual(4096);
        }
        expect(messages.some((m) => m.text.includes('历史上的今天'))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
