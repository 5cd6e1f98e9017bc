import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Digest, OnThisDayItem } from '../../src/digest/compose-digest.js';
import { Api, type RawApi, type Transformer } from 'grammy';
import { createDigestDeliverer, renderDigest } from '../../src/telegram/deliver-digest.js';
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

describe('createDigestDeliverer: a chat’s chosen script', () => {
  it('writes the digest, its section and its buttons in 繁體 for a chat that chose it, and leaves others alone', async () => {
    const sent: Record<number, Record<string, unknown>> = {};
    const api = new Api('1:T');
    api.config.use((async (_prev, _method, payload) => {
      const p = payload as Record<string, unknown>;
      sent[p.chat_id as number] = p;
      return { ok: true, result: { message_id: 1, date: 0, chat: { id: p.chat_id, type: 'private' } } } as never;
    }) as Transformer<RawApi>);
    const deliver = createDigestDeliverer(api, { scriptOf: (chatId) => (chatId === 1 ? 'traditional' : undefined) });
    const [message] = deliver.render(digest([{ articleId: 'a1', title: '木垒县冬小麦播种', lead: '导语。', tags: [] }], earlier));
    await deliver.send(1, message!);
    await deliver.send(2, message!);
    expect(String(sent[1]!.text)).toContain('木壘縣冬小麥播種');
    expect(String(sent[1]!.text)).toContain('歷史上的今天');
    expect(JSON.stringify(sent[1]!.reply_markup)).toContain('木壘縣');
    expect(JSON.stringify(sent[1]!.reply_markup)).toContain('a:a1:0');
    expect(String(sent[2]!.text)).toContain('木垒县冬小麦播种');
    expect(checkTelegramLimits('sendMessage', sent[1]!)).toEqual([]);
  });
});
