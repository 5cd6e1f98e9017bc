import type { InlineQueryResultArticle } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import type { SearchEngine, SearchResult } from '../../../src/search/types.js';
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

  it('answers a question about the archive itself with its counts on the button, not "nothing found"', async () => {
    const base = createHarness();
    const facts = { issues: 3, earliest: { date: '2024-11-07', dateSource: 'masthead' }, latest: { date: '2024-11-11', dateSource: 'inferred' } };
    const search: SearchEngine = { ...base.search, search: (query, options) => ({ ...base.search.search(query, options), outcome: 'answer', results: [], archive: facts }), searchTitles: () => [], passageCount: 0 };
    const h = createHarness({ search });
    await h.inline('资料库有多少期报纸');
    const payload = h.callsOf('answerInlineQuery')[0]!.payload as { results: unknown[]; button?: { text: string } };
    expect(payload.results).toEqual([]);
    expect(payload.button?.text).toBe('资料库收录 3 期报纸：2024-11-07 至 2024-11-11');
  });

  it('applies -词 and quoted phrases as the chat does, also to a short query', async () => {
    const h = createHarness();
    await h.inline('冬小麦 -田间');
    const titles = (h.callsOf('answerInlineQuery')[0]!.payload.results as InlineQueryResultArticle[]).map((r) => r.title);
    expect(titles).toContain('木垒县冬小麦播种面积达12万亩');
    expect(titles).not.toContain('木垒县冬小麦田间管理纪实');
    await h.inline('-冬小麦');
    const payload = h.callsOf('answerInlineQuery')[1]!.payload as { results: unknown[]; button?: { text: string } };
    expect(payload.results).toEqual([]);
    expect(payload.button?.text).toContain('只有要排除的词');
  });

  it('answers an empty list for a query nothing matches', async () => {
    const h = createHarness();
    await h.inline('火星');
    expect(h.callsOf('answerInlineQuery')[0]!.payload.results).toEqual([]);
  });
});

describe('inline mode as you type', () => {
  /** A search whose headline index and full search give different articles, to see which one answered. */
  function routedSearch(base: SearchEngine, titles: SearchResult[]): SearchEngine {
    return { ...base, search: base.search.bind(base), searchTitles: (_query, limit) => titles.slice(0, limit), passageCount: base.passageCount };
  }

  it('looks a word being typed up in the headline index', async () => {
    const base = createHarness();
    const full = base.search.search('冬小麦').results;
    expect(full.length).toBeGreaterThan(0);
    const headline = { ...full[0]!, articleId: 'headline-hit', title: '标题索引找到的报道' };
    const h = createHarness({ search: routedSearch(base.search, [headline]) });
    await h.inline('冬小');
    const results = h.callsOf('answerInlineQuery')[0]!.payload.results as InlineQueryResultArticle[];
    expect(results.map((r) => r.title)).toEqual(['标题索引找到的报道']);
  });

  it('searches a long query, or a word no headline holds, like a question', async () => {
    const base = createHarness();
    const expected = base.search.search('冬小麦').results.map((r) => r.title);
    expect(expected.length).toBeGreaterThan(0);
    const headline = { ...base.search.search('冬小麦').results[0]!, articleId: 'headline-hit', title: '标题索引找到的报道' };
    const h = createHarness({ search: routedSearch(base.search, [headline]) });
    const question = '木垒县 冬小麦 播种面积';
    const answered = base.search.search(question).results.map((r) => r.title);
    expect(answered.length).toBeGreaterThan(0);
    await h.inline(question);
    const long = h.callsOf('answerInlineQuery')[0]!.payload.results as InlineQueryResultArticle[];
    expect(long.map((r) => r.title)).toEqual(answered);

    const none = createHarness({ search: routedSearch(base.search, []) });
    await none.inline('冬小麦');
    const fallback = none.callsOf('answerInlineQuery')[0]!.payload.results as InlineQueryResultArticle[];
    expect(fallback.map((r) => r.title)).toEqual(expected);
  });
});
