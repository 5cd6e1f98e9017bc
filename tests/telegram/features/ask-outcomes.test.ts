import type { InlineQueryResultArticle } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import type { Answer, SearchEngine } from '../../../src/search/types.js';
import { buttonsOf, createHarness } from '../support/harness.js';
import { validateCallsAfterEachTest } from '../support/validate-calls.js';

validateCallsAfterEachTest();

/** The fixture search, with the outcome and analysis a real engine would give (ranking stays the fake's). */
function withOutcome(base: SearchEngine, outcome: Answer['outcome'], asks?: Answer['asks']): SearchEngine {
  return {
    ...base,
    search: (query, options) => ({ ...base.search(query, options), outcome, ...(asks !== undefined ? { asks } : {}) }),
    searchTitles: () => [],
    passageCount: base.passageCount,
  };
}

function harnessWith(outcome: Answer['outcome'], asks?: Answer['asks']) {
  const base = createHarness();
  return createHarness({ search: withOutcome(base.search, outcome, asks) });
}

describe('a related outcome', () => {
  it('says plainly that the paper reported on the subject but not the fact, then shows the reports to open', async () => {
    const h = harnessWith('related', { kind: 'quantity', attribute: ['价格'], fact: '价格' });
    await h.send('冬小麦 价格');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('报纸上有关于「冬小麦」的报道，但没有一篇写明「价格」是多少。');
    expect(reply.text).toContain('下面是这些报道');
    expect(reply.text).toContain('1. 木垒县');
    expect(buttonsOf(reply).map((b) => b.text)).toContain('📖 1');
  });

  it('never quotes a one-character or generic word of the question', async () => {
    for (const attribute of ['做', '报道']) {
      const h = harnessWith('related', { kind: 'other', attribute: [attribute] });
      await h.send('冬小麦 做');
      const text = h.sentSince(0)[0]!.text;
      expect(text).toContain('报纸上有关于「冬小麦」的报道，但没有一篇写明你问的这一点。');
      expect(text).not.toContain(`「${attribute}」`);
    }
  });

  it('says it in traditional characters to a reader who writes them', async () => {
    const h = harnessWith('related', { kind: 'date', attribute: ['播种'], fact: '播种' });
    await h.send('冬小麥 播種');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('報紙上有關於「冬小麥」的報道，但沒有一篇寫明「播種」的時間。');
  });
});

describe('a none outcome', () => {
  it('says the archive does not hold it and what to try, showing no near misses as reports', async () => {
    const h = harnessWith('none');
    await h.send('冬小麦 价格');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('抱歉，资料库里没有找到与「冬小麦 价格」相关的报道。');
    expect(reply.text).toContain('可以换个说法，或只留下关键的名称');
    expect(reply.text).not.toContain('1. 木垒县');
    expect(buttonsOf(reply).map((b) => b.text)).not.toContain('📖 1');
  });

  it('does not quote a question with no content back', async () => {
    const h = createHarness();
    await h.send('做');
    expect(h.sentSince(0)[0]!.text).toContain('抱歉，资料库里没有找到与这个问题相关的报道。');
  });
});

describe('outcomes in inline mode', () => {
  it('marks related cards and says why above them', async () => {
    const h = harnessWith('related', { kind: 'quantity', attribute: ['价格'], fact: '价格' });
    await h.inline('冬小麦 价格是多少啊');
    const call = h.callsOf('answerInlineQuery')[0]!;
    const results = call.payload.results as InlineQueryResultArticle[];
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.description).toContain('相关报道，未写明所问内容');
    expect(call.payload.button).toEqual({ text: '报纸上有关于「冬小麦」的报道，但没有一篇写明「价格」是多少。', start_parameter: 'inline' });
  });

  it('offers a way on when nothing matches', async () => {
    const h = createHarness();
    await h.inline('火星探测器的发射时间');
    const call = h.callsOf('answerInlineQuery')[0]!;
    expect(call.payload.results).toEqual([]);
    expect(call.payload.button).toMatchObject({ text: '资料库里没有找到相关报道，点此看看可以怎么问', start_parameter: 'inline' });
  });

  it('puts no button over plain answers', async () => {
    const h = createHarness();
    await h.inline('木垒县 冬小麦 播种面积');
    expect(h.callsOf('answerInlineQuery')[0]!.payload.button).toBeUndefined();
  });
});

describe('inline card descriptions', () => {
  it('shorten the excerpt at a clause, never inside a figure', async () => {
    const base = createHarness();
    const found = base.search.search('冬小麦').results[0]!;
    const excerpt = `${'木垒县冬小麦播种工作全面展开，'.repeat(5)}全县冬小麦播种面积达到12,000亩，比去年增加两成。`;
    const search: SearchEngine = { ...base.search, search: (query) => ({ query, filters: {}, outcome: 'answer', results: [{ ...found, excerpt, highlights: [] }] }), searchTitles: () => [], passageCount: base.search.passageCount };
    const h = createHarness({ search });
    await h.inline('木垒县冬小麦播种面积有多大');
    const [card] = h.callsOf('answerInlineQuery')[0]!.payload.results as InlineQueryResultArticle[];
    expect(card!.description!.length).toBeLessThanOrEqual(120);
    expect(card!.description).toMatch(/全面展开…$/u);
    expect(card!.description).not.toMatch(/12…|12,0/u);
  });
});
