import type { InlineQueryResultArticle } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createHarness } from '../support/harness.js';
import { validateCallsAfterEachTest } from '../support/validate-calls.js';

validateCallsAfterEachTest();

describe('inline mode', () => {
  it('offers matching articles as cards with headline, date, excerpt and deep link', async () => {
    const h = createHarness();
    await h.inline('冬小麦');
    const [call] = h.callsOf('answerInlineQuery');
    const results = call!.payload.results as InlineQueryResultArticle[];
    expect(results.map((r) => r.title)).toEqual(['木垒县冬小麦田间管理纪实', '木垒县冬小麦播种面积达12万亩']);
    const card = results[1]!;
    const content = card.input_message_content as { message_text: string; parse_mode: string };
    expect(content.parse_mode).toBe('HTML');
    expect(content.message_text).toContain('<b>木垒县冬小麦播种面积达12万亩</b>');
    expect(content.message_text).toContain('2024年11月7日 星期四');
    expect(content.message_text).toContain('木垒县今年<b>冬小麦</b>播种面积达12万亩');
    expect(content.message_text).toContain('https://t.me/changji_test_bot?start=a_a1107w');
    expect(card.reply_markup?.inline_keyboard[0]![0]).toMatchObject({ url: 'https://t.me/changji_test_bot?start=a_a1107w' });
  });

  it('offers the newest issue for an empty query', async () => {
    const h = createHarness();
    await h.inline('');
    const results = h.callsOf('answerInlineQuery')[0]!.payload.results as InlineQueryResultArticle[];
    expect(results.map((r) => r.title)).toEqual(['天山天池景区冬季旅游升温']);
  });

  it('answers an empty list for a query nothing matches', async () => {
    const h = createHarness();
    await h.inline('火星');
    expect(h.callsOf('answerInlineQuery')[0]!.payload.results).toEqual([]);
  });
});
