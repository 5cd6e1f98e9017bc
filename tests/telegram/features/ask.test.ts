import { describe, expect, it } from 'vitest';
import type { SearchEngine } from '../../../src/search/types.js';
import { makeFixtureArchive } from '../support/archive-fixture.js';
import { createFakeSearchEngine, type FakeSearchEngine } from '../support/fake-search-engine.js';
import { buttonsOf, createHarness, GROUP_CHAT, lastWithButtons } from '../support/harness.js';
import { validateCallsAfterEachTest } from '../support/validate-calls.js';

validateCallsAfterEachTest();

describe('asking in a private chat', () => {
  it('answers a question with the headline, paper, issue date and the excerpt of the first result', async () => {
    const h = createHarness();
    await h.send('冬小麦');
    const first = h.search.search('冬小麦', { limit: 1 }).results[0]!;
    const [reply] = h.sentSince(0);
    expect(reply).toBeDefined();
    expect(reply!.text).toContain(first.title);
    expect(reply!.text).toContain(first.excerpt);
    expect(reply!.text).toContain('《昌吉日报》');
    expect(first.date).toBe('2024-11-08');
    expect(reply!.text).toContain('2024年11月8日 星期五 · 第12125期');
  });

  it('shows the first result excerpt before any other result', async () => {
    const h = createHarness();
    await h.send('冬小麦');
    const results = h.search.search('冬小麦', { limit: 3 }).results;
    const text = h.sentSince(0)[0]!.text;
    expect(results.length).toBeGreaterThan(1);
    expect(text.indexOf(results[0]!.excerpt)).toBeLessThan(text.indexOf(results[1]!.excerpt));
  });

  it('puts the matched terms of the excerpt in bold', async () => {
    const h = createHarness();
    await h.send('冬小麦');
    const html = h.sentSince(0)[0]!.html;
    expect(html).toContain('<b>冬小麦</b>');
  });

  it('marks an inferred issue date with 约', async () => {
    const h = createHarness();
    await h.send('天池');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('约2024年11月11日');
    expect(text).not.toContain('2024年11月11日 星期一');
  });

  it('offers a read button for every result shown', async () => {
    const h = createHarness();
    await h.send('冬小麦');
    const results = h.search.search('冬小麦', { limit: 3 }).results;
    const data = buttonsOf(lastWithButtons(h)).map((b) => b.data);
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(data).toContain(`a:${r.articleId}:0`);
  });

  it('echoes a question containing <b> and & as typed', async () => {
    const h = createHarness();
    await h.send('<b>A&B</b> 冬小麦');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('「<b>A&B</b> 冬小麦」');
    expect(reply.html).toContain('&lt;b&gt;A&amp;B&lt;/b&gt;');
  });

  it('answers a question that matches nothing with what the archive covers and examples', async () => {
    const h = createHarness();
    await h.send('火星探测');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('没有找到与「火星探测」相关的报道');
    expect(text).toContain('2024年11月7日至约2024年11月11日共 3 期');
    expect(text).toContain('/issues');
    expect(text).toContain('• 木垒县');
    expect(text).toContain('• /topic 农业农村');
  });

  it('pages to more results with a button and back', async () => {
    const h = createHarness();
    await h.send('木垒县 冬小麦 天池 社区 公司');
    const all = h.search.search('木垒县 冬小麦 天池 社区 公司', { limit: 10 }).results;
    expect(all.length).toBeGreaterThan(3);
    const message = lastWithButtons(h);
    const more = buttonsOf(message).find((b) => b.text.includes('更多结果'))!;
    expect(more.data).toMatch(/^m:[0-9a-z]+:1:r$/);
    await h.press(message, more.data!);
    const edited = h.api.messages().find((m) => m.messageId === message.messageId)!;
    expect(edited.text).toContain(all[3]!.title);
    expect(edited.text).not.toContain(`1. ${all[0]!.title}`);
    const back = buttonsOf(edited).find((b) => b.text.includes('上一页'))!;
    await h.press(edited, back.data!);
    expect(h.api.messages().find((m) => m.messageId === message.messageId)!.text).toContain(`1. ${all[0]!.title}`);
  });

  it('answers a "more" button whose question was forgotten politely', async () => {
    const h = createHarness();
    await h.send('冬小麦');
    const message = h.api.messages()[0]!;
    const mark = h.mark();
    await h.press(message, 'm:zz9:1');
    const calls = h.callsSince(mark);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery']);
    expect(calls[0]!.payload.text).toContain('已过期');
  });
});

describe('asking in a group', () => {
  it('answers /ask with the question after the command', async () => {
    const h = createHarness();
    await h.send('/ask 冬小麦', { chat: GROUP_CHAT });
    const reply = h.sentSince(0)[0]!;
    expect(reply.chatId).toBe(GROUP_CHAT.id);
    expect(reply.text).toContain('关于「冬小麦」');
  });

  it('answers /ask@botname too', async () => {
    const h = createHarness();
    await h.send('/ask@changji_test_bot 冬小麦', { chat: GROUP_CHAT });
    expect(h.sentSince(0)[0]!.text).toContain('关于「冬小麦」');
  });

  it('asks for a question in private-chat words when the message has no visible text', async () => {
    const h = createHarness();
    await h.send('\u200b \u200b');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('请直接发送您想问的问题');
    expect(text).not.toContain('/ask');
  });

  it('asks for a question after a bare /ask', async () => {
    const h = createHarness();
    await h.send('/ask', { chat: GROUP_CHAT });
    expect(h.sentSince(0)[0]!.text).toContain('请在 /ask 后面写上您的问题');
  });

  it('answers a message that mentions the bot, without the mention', async () => {
    const h = createHarness();
    await h.send('@changji_test_bot 冬小麦', { chat: GROUP_CHAT });
    expect(h.sentSince(0)[0]!.text).toContain('关于「冬小麦」');
  });

  it('answers a reply to one of its own messages', async () => {
    const h = createHarness();
    await h.send('/latest', { chat: GROUP_CHAT });
    const own = h.api.messages(GROUP_CHAT.id)[0]!;
    const mark = h.mark();
    await h.send('冬小麦', { chat: GROUP_CHAT, replyTo: own });
    expect(h.sentSince(mark)[0]!.text).toContain('关于「冬小麦」');
  });

  it('ignores plain group talk', async () => {
    const h = createHarness();
    await h.send('冬小麦长得真好', { chat: GROUP_CHAT });
    await h.send('@someone_else 冬小麦', { chat: GROUP_CHAT });
    expect(h.api.calls).toEqual([]);
  });

  it('quotes the asking message in a group', async () => {
    const h = createHarness();
    await h.send('/ask 冬小麦', { chat: GROUP_CHAT });
    expect(h.callsOf('sendMessage')[0]!.payload.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
  });
});

describe('messages that are not questions', () => {
  it.each(['你好', '您好！', 'Hello 👋', '在吗？'])('greets %s back with what the bot can do, without searching', async (text) => {
    const h = createHarness();
    await h.send(text);
    const reply = h.sentSince(0)[0]!.text;
    expect(reply).toContain('您好');
    expect(reply).toContain('/latest');
    expect(reply).not.toContain('没有找到');
    expect((h.search as FakeSearchEngine).queries).toEqual([]);
  });

  it.each(['谢谢', '多谢！', 'thanks'])('answers %s kindly', async (text) => {
    const h = createHarness();
    await h.send(text);
    expect(h.sentSince(0)[0]!.text).toContain('不客气');
  });

  it.each(['帮助', '怎么用？', '?'])('answers %s with the help text', async (text) => {
    const h = createHarness();
    await h.send(text);
    expect(h.sentSince(0)[0]!.text).toContain('使用说明');
  });

  it.each(['最新一期', '最新的报纸', '今天的报纸', '今天有什么新闻'])('shows the newest issue for %s', async (text) => {
    const h = createHarness();
    await h.send(text);
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('《昌吉日报》约2024年11月11日');
    expect(buttonsOf(reply).map((b) => b.data)).toContain('i:i1108');
  });

  it.each([
    ['昨天的报纸', '约2024年11月11日'],
    ['2024年11月7日的报纸', '2024年11月7日 星期四'],
    ['11月8日', '2024年11月8日 星期五'],
  ])('shows the issue of the day for %s', async (text, shown) => {
    const h = createHarness();
    await h.send(text);
    expect(h.sentSince(0)[0]!.text).toContain(`《昌吉日报》${shown}`);
  });

  it('shows a month for a message that is only a month', async () => {
    const h = createHarness();
    await h.send('2024-11');
    expect(h.sentSince(0)[0]!.text).toContain('2024年11月共收录 3 期');
  });

  it('still searches a question that merely contains such words', async () => {
    const h = createHarness();
    await h.send('你好 冬小麦');
    await h.send('11月8日的冬小麦');
    expect((h.search as FakeSearchEngine).queries.map((q) => q.query)).toEqual(['你好 冬小麦', '11月8日的冬小麦']);
  });

  it('reads a bare number as an issue number when that issue exists', async () => {
    const h = createHarness();
    await h.send('12125');
    expect(h.sentSince(0)[0]!.text).toContain('《昌吉日报》2024年11月8日 星期五');
    expect((h.search as FakeSearchEngine).queries).toHaveLength(0);
  });

  it('answers a bare number that is no issue number with a short hint, not a search', async () => {
    const h = createHarness();
    await h.send('5');
    const reply = h.sentSince(0)[0]!.text;
    expect(reply).toContain('没有第5期');
    expect(reply).toContain('/date ');
    expect((h.search as FakeSearchEngine).queries).toHaveLength(0);
  });

  it('explains how to ask when the bot is only mentioned in a group', async () => {
    const h = createHarness();
    await h.send('@changji_test_bot', { chat: GROUP_CHAT });
    const reply = h.sentSince(0)[0]!.text;
    expect(reply).toContain('请在 @changji_test_bot 后面');
    expect(reply).not.toContain('请在 /ask 后面');
  });

  it('understands a greeting after a mention in a group too', async () => {
    const h = createHarness();
    await h.send('@changji_test_bot 谢谢', { chat: GROUP_CHAT });
    expect(h.sentSince(0)[0]!.text).toContain('不客气');
  });
});

describe('echoing the question', () => {
  it.each(['<b>冬小麦</b>', '冬小麦 &amp;', '冬小麦 ＆ 播种'])('shows %s exactly as typed, even when the engine normalises its copy', async (typed) => {
    const archive = makeFixtureArchive();
    const fake = createFakeSearchEngine(archive);
    // A real engine may hand back a cleaned-up query (NFKC, tags stripped): the header must not show that.
    const search: SearchEngine = { ...fake, search: (q, o) => fake.search(q.normalize('NFKC').replace(/<[^>]*>|&amp;/g, ' '), o) };
    const h = createHarness({ archive, search });
    await h.send(typed);
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain(`关于「${typed}」的报道`);
    expect(reply.html).toContain(`关于「${typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}」`);
  });
});

describe('a long message', () => {
  it('tells the reader that only its beginning was searched', async () => {
    const h = createHarness();
    await h.send(`冬小麦${'这是一段很长的文字。'.repeat(400)}`);
    const text = h.sentSince(0)[0]!.text;
    expect(text).toMatch(/只按开头的 \d+ 个字查找/);
  });

  it('says nothing of the kind for a short question', async () => {
    const h = createHarness();
    await h.send('冬小麦');
    expect(h.sentSince(0)[0]!.text).not.toContain('只按开头');
  });
});

describe('questions about the archive itself (QA A9)', () => {
  it('shows the oldest issue for 最早的一期是哪天, without searching', async () => {
    const h = createHarness();
    await h.send('最早的一期是哪天？');
    const oldest = h.archive.issues()[0]!;
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('资料库中最早的一期');
    expect(text).toContain(oldest.articles[0]!.title);
    expect((h.search as FakeSearchEngine).queries).toHaveLength(0);
  });

  it('answers 资料库有多少期报纸 with the count and range, pointing to /issues', async () => {
    const h = createHarness();
    await h.send('资料库有多少期报纸');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain(`共 ${h.archive.issues().length} 期报纸`);
    expect(text).toContain('/issues');
    expect((h.search as FakeSearchEngine).queries).toHaveLength(0);
  });
});

describe('search syntax and order in answers', () => {
  it('passes a quoted phrase and -exclusions to the search as conditions, the rest as the question', async () => {
    const h = createHarness();
    await h.send('"冬小麦" 播种 -广告');
    const q = (h.search as FakeSearchEngine).queries.at(-1)!;
    expect(q.query).toBe('冬小麦 播种');
    expect(q.options).toMatchObject({ phrases: ['冬小麦'], exclude: ['广告'], order: 'relevance' });
  });

  it('says when the reader’s own -exclusion removed every report, and how to see them (not that the archive has none)', async () => {
    const h = createHarness();
    await h.send('"冬小麦" -小麦');
    const found = h.search.search('冬小麦', { phrases: ['冬小麦'], limit: 20 }).results.length;
    expect(found).toBeGreaterThan(0);
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain(`找到 ${found} 篇与「冬小麦」相关的报道`);
    expect(text).toContain('“小麦”，已按你的要求排除');
    expect(text).toContain('去掉“-小麦”再问');
    // A question that finds nothing even without its exclusion gets the usual no-match reply.
    await h.send('量子计算机 -广告');
    expect(h.sentSince(1)[0]!.text).not.toContain('已按你的要求排除');
  });

  it('searches a question with a quote mark left open, reading the mark as punctuation', async () => {
    const h = createHarness();
    await h.send('他说“冬小麦');
    const [reply] = h.sentSince(0);
    expect(reply!.text).toContain('冬小麦');
    expect(reply!.text).not.toContain('/help');
  });

  it.each([
    ['-广告', '只有要排除的词'],
    ['"" 冬小麦', '空的'],
  ])('answers malformed syntax %s with a short hint, not an error', async (question, hint) => {
    const h = createHarness();
    await h.send(question);
    const [reply] = h.sentSince(0);
    expect(reply!.text).toContain(hint);
    expect(reply!.text).toContain('/help');
    expect(h.logs.some((l) => l.level === 50)).toBe(false);
  });

  it('starts a question asking for the latest in date order', async () => {
    const h = createHarness();
    await h.send('最近 冬小麦');
    expect((h.search as FakeSearchEngine).queries.at(-1)!.options).toMatchObject({ order: 'date' });
    expect(h.sentSince(0)[0]!.text).toContain('最新的在前');
  });

  it('switches between relevance and date order with one button, back to the first page', async () => {
    const h = createHarness();
    const question = '木垒县 冬小麦 天池 社区 公司';
    await h.send(question);
    const message = lastWithButtons(h);
    const toDate = buttonsOf(message).find((b) => b.text.includes('最新在前'))!;
    expect(toDate.data).toMatch(/^m:[0-9a-z]+:0:d$/);
    await h.press(message, toDate.data!);
    const byDate = h.search.search(question, { limit: 10, order: 'date' }).results;
    const edited = h.api.messages().find((m) => m.messageId === message.messageId)!;
    expect(edited.text).toContain(`1. ${byDate[0]!.title}`);
    expect(edited.text).toContain('最新的在前');
    const toRelevance = buttonsOf(edited).find((b) => b.text.includes('按相关度'))!;
    expect(toRelevance.data).toMatch(/:0:r$/);
    const next = buttonsOf(edited).find((b) => b.text.includes('更多结果'))!;
    expect(next.data).toMatch(/:1:d$/);
  });
});

describe('replies in the reader’s script', () => {
  it('answers a question written in traditional characters wholly in traditional characters, bold kept', async () => {
    const h = createHarness();
    await h.send('冬小麥');
    const [reply] = h.sentSince(0);
    expect(reply!.text).toContain('關於「冬小麥」的報道');
    expect(reply!.text).toContain('《昌吉日報》');
    expect(reply!.html).toContain('<b>冬小麥</b>');
    expect(reply!.text).not.toMatch(/[关报这条击读]/u);
    const labels = buttonsOf(reply!).map((b) => b.text).join(' ');
    expect(labels).toContain('最新在前');
  });

  it('keeps a simplified question’s answer in simplified characters', async () => {
    const h = createHarness();
    await h.send('冬小麦');
    expect(h.sentSince(0)[0]!.text).toContain('关于「冬小麦」的报道');
  });

  it('keeps traditional characters when a button on a traditional answer is pressed', async () => {
    const h = createHarness();
    await h.send('木壘縣 冬小麥 天池 社區 公司');
    const message = lastWithButtons(h);
    const more = buttonsOf(message).find((b) => b.text.includes('更多結果'))!;
    await h.press(message, more.data!);
    expect(h.api.messages().find((m) => m.messageId === message.messageId)!.text).toContain('報道');
  });
});
