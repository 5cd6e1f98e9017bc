import { describe, expect, it } from 'vitest';
import { PARTS_PER_PRESS } from '../../../src/telegram/features/read.js';
import { createArchive } from '../../../src/archive/archive.js';
import { makeArticle, makeFixtureArchive, makeFixtureIssues, makeIssue, longParagraphs, TOPICS } from '../support/archive-fixture.js';
import { buttonsOf, createHarness, lastWithButtons } from '../support/harness.js';
import { validateCallsAfterEachTest } from '../support/validate-calls.js';

validateCallsAfterEachTest();

const stripSpace = (s: string) => s.replace(/\s+/g, '');

describe('reading an article', () => {
  it('sends a long article whole, in messages of at most 4096 characters that end at sentence ends', async () => {
    const h = createHarness();
    const ref = h.archive.article('a1108long')!;
    const body = ref.article.paragraphs.join('');
    expect(body.length).toBeGreaterThan(8192);
    await h.send('/latest');
    const mark = h.mark();
    await h.press(lastWithButtons(h), 'a:a1108long:0');
    const parts = h.sentSince(mark);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(4096);
    for (const p of parts.slice(0, -1)) expect(p.text).toMatch(/[。！？]$/);
    const all = stripSpace(parts.map((p) => p.text).join(''));
    for (const paragraph of ref.article.paragraphs) expect(all).toContain(stripSpace(paragraph));
    expect(h.callsOf('answerCallbackQuery')).toHaveLength(1);
  });

  it('puts share and issue buttons under the last message only', async () => {
    const h = createHarness();
    await h.send('/latest');
    const mark = h.mark();
    await h.press(lastWithButtons(h), 'a:a1108long:0');
    const parts = h.sentSince(mark);
    for (const p of parts.slice(0, -1)) expect(p.replyMarkup).toBeUndefined();
    const buttons = buttonsOf(parts[parts.length - 1]!);
    const share = buttons.find((b) => b.text.includes('分享'))!;
    expect(decodeURIComponent(share.url!)).toContain('https://t.me/changji_test_bot?start=a_a1108long');
    expect(buttons.map((b) => b.data)).toContain('o:i1108');
    expect(parts[parts.length - 1]!.text).toContain('https://t.me/changji_test_bot?start=a_a1108long');
  });

  it('escapes a headline and body containing < and &', async () => {
    const h = createHarness();
    await h.send('/latest');
    const mark = h.mark();
    await h.press(lastWithButtons(h), 'a:a1108amp:0');
    const [message] = h.sentSince(mark);
    expect(message!.text).toContain('“A&B<公司>”落户准东');
    expect(message!.html).toContain('A&amp;B&lt;公司&gt;');
  });

  it('continues a very long article with a button instead of flooding the chat', async () => {
    const issues = [...makeFixtureIssues(), makeIssue('i1112', '2024-11-12', [makeArticle('i1112', 'huge', '超长报道', longParagraphs(40, 20))], { number: 12126 })];
    const h = createHarness({ archive: makeFixtureArchive(issues) });
    await h.send('/start a_huge');
    const first = h.sentSince(0);
    expect(first).toHaveLength(PARTS_PER_PRESS);
    const more = buttonsOf(first[first.length - 1]!).find((b) => b.text.startsWith('继续阅读'))!;
    expect(more.data).toBe(`a:huge:${PARTS_PER_PRESS}`);
    const mark = h.mark();
    await h.press(first[first.length - 1]!, more.data!);
    const rest = h.sentSince(mark);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest[rest.length - 1]!.text).toContain('第40段第20句');
  });

  it('answers a button for an article that is gone', async () => {
    const h = createHarness();
    await h.send('/latest');
    const mark = h.mark();
    await h.press(lastWithButtons(h), 'a:gone:0');
    const calls = h.callsSince(mark);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery']);
    expect(calls[0]!.payload.text).toContain('这篇文章已不在资料库中');
  });
});

describe('deep links', () => {
  it('opens an article from /start a_<id>', async () => {
    const h = createHarness();
    await h.send('/start a_a1107w');
    const [message] = h.sentSince(0);
    expect(message!.text).toContain('木垒县冬小麦播种面积达12万亩');
    expect(message!.text).toContain('抢抓农时');
    expect(message!.text).toContain('《昌吉日报》2024年11月7日 星期四 · 第12124期');
    expect(message!.text).toContain('本报记者 杨鹤');
  });

  it('apologises for a link to an unknown article', async () => {
    const h = createHarness();
    await h.send('/start a_nosuch');
    expect(h.sentSince(0)[0]!.text).toContain('没有找到这篇文章');
  });

  it('greets a /start whose payload is no article link like a plain /start', async () => {
    const h = createHarness();
    await h.send('/start foo');
    const reply = h.sentSince(0)[0]!.text;
    expect(reply).not.toContain('没有找到这篇文章');
    expect(reply).toContain('资料库助手');
  });

  it('shows the paper’s example questions in /start and /help', async () => {
    const base = makeFixtureArchive();
    const archive = createArchive(base.issues().flatMap((i) => base.readIssue(i.id) ?? []), { paper: { ...base.paper, exampleQuestions: ['冬小麦长势如何？'] }, topics: TOPICS });
    const h = createHarness({ archive });
    await h.send('/start');
    await h.send('/help');
    for (const reply of h.sentSince(0)) expect(reply.text).toContain('冬小麦长势如何？');
  });

  it('greets a plain /start with what the archive covers', async () => {
    const h = createHarness();
    await h.send('/start');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('资料库收录《昌吉日报》2024年11月7日至约2024年11月11日共 3 期报纸');
    expect(text).toContain('@changji_test_bot');
  });
});
