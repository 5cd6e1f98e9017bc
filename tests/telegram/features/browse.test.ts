import { describe, expect, it } from 'vitest';
import { makeFixtureArchive, makeManyIssues } from '../support/archive-fixture.js';
import { buttonsOf, createHarness, lastWithButtons } from '../support/harness.js';
import { validateCallsAfterEachTest } from '../support/validate-calls.js';

validateCallsAfterEachTest();

/** "Today" in the harness is 2024-11-12 (Asia/Shanghai). */
describe('/latest', () => {
  it('shows the newest issue with its headlines as buttons', async () => {
    const h = createHarness();
    await h.send('/latest');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('约2024年11月11日');
    expect(reply.text).toContain('天山天池景区冬季旅游升温');
    const buttons = buttonsOf(reply);
    expect(buttons).toContainEqual({ text: '1. 天山天池景区冬季旅游升温', data: 'a:a1111t:0', url: undefined });
    expect(buttons.map((b) => b.data)).toContain('i:i1108');
    expect(buttons.some((b) => b.text.includes('下一期'))).toBe(false);
  });
});

describe('/date', () => {
  const accepted: [string, string][] = [
    ['2024-11-07', '2024年11月7日 星期四'],
    ['2024/11/7', '2024年11月7日 星期四'],
    ['20241107', '2024年11月7日 星期四'],
    ['2024年11月7日', '2024年11月7日 星期四'],
    ['11月7日', '2024年11月7日 星期四'],
    ['昨天', '约2024年11月11日'],
    ['第12124期', '2024年11月7日 星期四'],
  ];
  for (const [input, shown] of accepted) {
    it(`shows the issue for ${input}`, async () => {
      const h = createHarness();
      await h.send(`/date ${input}`);
      const text = h.sentSince(0)[0]!.text;
      expect(text).toContain(`《昌吉日报》${shown}`);
    });
  }

  it('shows the issue of today for 今天', async () => {
    const h = createHarness({ now: () => new Date('2024-11-08T01:00:00Z') });
    await h.send('/date 今天');
    expect(h.sentSince(0)[0]!.text).toContain('《昌吉日报》2024年11月8日 星期五');
  });

  it('finds a month and day written without a year in an earlier year of the archive', async () => {
    const h = createHarness({ now: () => new Date('2026-11-22T04:00:00Z') });
    await h.send('/date 11月7日');
    expect(h.sentSince(0)[0]!.text).toContain('《昌吉日报》2024年11月7日 星期四');
  });

  it('answers /issue like /date', async () => {
    const h = createHarness();
    await h.send('/issue 2024-11-08');
    expect(h.sentSince(0)[0]!.text).toContain('《昌吉日报》2024年11月8日 星期五');
    expect(h.sentSince(0)[0]!.text).toContain('总第12125期');
  });

  it('says an impossible date is not a date', async () => {
    const h = createHarness();
    await h.send('/date 2024-02-30');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('「2024-02-30」不是一个有效的日期');
    expect(text).not.toContain('《昌吉日报》2024年');
  });

  it('offers the nearest issues for a day without one', async () => {
    const h = createHarness();
    await h.send('/date 2024-11-09');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('2024年11月9日没有找到《昌吉日报》');
    expect(buttonsOf(reply).map((b) => b.data)).toEqual(['i:i1108', 'i:i1111']);
  });

  it('explains the formats when the date cannot be read', async () => {
    const h = createHarness();
    await h.send('/date 下个星期');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('没有看懂「下个星期」这个日期');
    expect(text).toContain('/date 2024-11-11');
  });

  it('explains the formats when no date is given', async () => {
    const h = createHarness();
    await h.send('/date');
    expect(h.sentSince(0)[0]!.text).toContain('请在 /date（或 /issue）后面写上日期或期号');
  });

  it('offers the issues with the nearest numbers for an unknown number', async () => {
    const h = createHarness();
    await h.send('/date 第12000期');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('资料库中没有第12000期');
    expect(buttonsOf(reply).map((b) => b.data)).toEqual(['i:i1107']);
  });

  it('lists the issues of a month', async () => {
    const h = createHarness();
    await h.send('/date 2024年11月');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('2024年11月共收录 3 期');
    expect(buttonsOf(reply).map((b) => b.data)).toEqual(['i:i1107', 'i:i1108', 'i:i1111']);
  });
});

describe('/date for months and weeks', () => {
  for (const input of ['2024-11', '2024/11', '２０２４－１１', '2024.11']) {
    it(`lists the issues of the month for ${input}`, async () => {
      const h = createHarness();
      await h.send(`/date ${input}`);
      const reply = h.sentSince(0)[0]!;
      expect(reply.text).toContain('2024年11月共收录 3 期');
      expect(buttonsOf(reply).map((b) => b.data)).toEqual(['i:i1107', 'i:i1108', 'i:i1111']);
    });
  }

  it('finds a month written without a year in an earlier year of the archive', async () => {
    const h = createHarness({ now: () => new Date('2026-12-22T04:00:00Z') });
    for (const input of ['11月', '十一月份']) await h.send(`/date ${input}`);
    for (const reply of h.sentSince(0)) {
      expect(reply.text).toContain('2024年11月共收录 3 期');
      expect(buttonsOf(reply).map((b) => b.data)).toEqual(['i:i1107', 'i:i1108', 'i:i1111']);
    }
  });

  it('takes a yearless month the archive lacks as the most recent such calendar month', async () => {
    const h = createHarness({ now: () => new Date('2026-03-22T04:00:00Z') });
    await h.send('/date 5月');
    await h.send('/date 2月');
    const [may, february] = h.sentSince(0);
    expect(may!.text).toContain('2025年5月');
    expect(february!.text).toContain('2026年2月');
  });

  it('quotes only the beginning of an enormous date argument, in one message', async () => {
    const h = createHarness();
    await h.send(`/date ${'9'.repeat(5000)}`);
    const sent = h.sentSince(0);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(`「${'9'.repeat(29)}…」`);
    expect(sent[0]!.text.length).toBeLessThan(400);
  });

  it('says a month that does not exist is not a date', async () => {
    const h = createHarness();
    await h.send('/date 2024-13');
    expect(h.sentSince(0)[0]!.text).toContain('不是一个有效的日期');
  });

  it('refuses an absurd issue number politely instead of echoing it rounded', async () => {
    const h = createHarness();
    await h.send('/issue 第99999999999999999999期');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('不是一个有效的期号');
    expect(text).toContain('期号最多7位数');
    expect(text).not.toContain('100000000000000000000');
  });

  it('lists last week’s issues for 上周, Monday to Sunday', async () => {
    // Today is Tuesday 2024-11-12: last week is 4–10 November.
    const h = createHarness();
    await h.send('/date 上周');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('上周（2024年11月4日至2024年11月10日）共收录 2 期');
    expect(buttonsOf(reply).map((b) => b.data)).toEqual(['i:i1107', 'i:i1108']);
  });

  it('lists this week’s issues for 本周的报纸', async () => {
    const h = createHarness();
    await h.send('/date 本周的报纸');
    expect(buttonsOf(h.sentSince(0)[0]!).map((b) => b.data)).toEqual(['i:i1111']);
  });

  it('lists the issues of this month for 本月 and of last year for 去年', async () => {
    const h = createHarness();
    await h.send('/date 本月');
    expect(h.sentSince(0)[0]!.text).toContain('2024年11月共收录 3 期');
    await h.send('/date 去年');
    expect(h.sentSince(0)[1]!.text).toContain('2023年没有收录');
    await h.send('/date 前年');
    expect(h.sentSince(0)[2]!.text).toContain('2022年没有收录');
  });

  it('still explains the formats, with a month among them, for text it cannot read', async () => {
    const h = createHarness();
    await h.send('/date 很久以前');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('没有看懂「很久以前」');
    expect(text).toContain('/date 2024-11（整月）');
  });
});

describe('issue navigation buttons', () => {
  it('edits the message to the previous and the next issue', async () => {
    const h = createHarness();
    await h.send('/date 2024-11-08');
    const message = lastWithButtons(h);
    const previous = buttonsOf(message).find((b) => b.text.startsWith('◀ 上一期'))!;
    expect(previous.data).toBe('i:i1107');
    await h.press(message, previous.data!);
    const edits = h.callsOf('editMessageText');
    expect(edits).toHaveLength(1);
    expect(edits[0]!.payload.message_id).toBe(message.messageId);
    const now = h.api.messages().find((m) => m.messageId === message.messageId)!;
    expect(now.text).toContain('《昌吉日报》2024年11月7日 星期四');
    const next = buttonsOf(now).find((b) => b.text.startsWith('下一期'))!;
    await h.press(now, next.data!);
    expect(h.api.messages().find((m) => m.messageId === message.messageId)!.text).toContain('2024年11月8日 星期五');
    expect(h.callsOf('answerCallbackQuery')).toHaveLength(2);
  });

  it('marks an inferred neighbour date with 约 on the button, like everywhere else', async () => {
    const h = createHarness();
    await h.send('/date 2024-11-08');
    const texts = buttonsOf(lastWithButtons(h)).map((b) => b.text);
    expect(texts).toContain('◀ 上一期 11月7日');
    expect(texts).toContain('下一期 约11月11日 ▶');
    await h.send('/latest');
    expect(buttonsOf(lastWithButtons(h)).map((b) => b.text)).toContain('◀ 上一期 11月8日');
  });

  it('marks 约 on the range of the issue list when an end of it is inferred', async () => {
    const h = createHarness();
    await h.send('/issues');
    expect(h.sentSince(0)[0]!.text).toContain('2024年11月7日至约2024年11月11日');
  });

  it('skips an edit that would change nothing and still answers the button', async () => {
    const h = createHarness();
    await h.send('/date 2024-11-08');
    const message = lastWithButtons(h);
    const mark = h.mark();
    await h.press(message, 'i:i1108');
    expect(h.callsSince(mark).map((c) => c.method)).toEqual(['answerCallbackQuery']);
  });

  it('treats Telegram\'s "message is not modified" as harmless', async () => {
    const h = createHarness();
    await h.send('/date 2024-11-08');
    const message = lastWithButtons(h);
    // The message on screen differs from the stand-in's copy, so the bot edits and Telegram refuses.
    const stale = { ...message, text: '旧的内容' };
    const copy = h.api.messages().find((m) => m.messageId === message.messageId)!;
    await h.press(stale, 'i:i1108');
    expect(h.callsOf('editMessageText')).toHaveLength(1);
    expect(copy.text).toBe(message.text);
    expect(h.callsOf('answerCallbackQuery')).toHaveLength(1);
    expect(h.logs.some((l) => l.level === 50)).toBe(false);
  });

  it('answers a button for an issue that is gone', async () => {
    const h = createHarness();
    await h.send('/latest');
    const mark = h.mark();
    await h.press(lastWithButtons(h), 'i:nosuchissue');
    const calls = h.callsSince(mark);
    expect(calls.map((c) => c.method)).toEqual(['answerCallbackQuery']);
    expect(calls[0]!.payload.text).toContain('这一期已不在资料库中');
  });

  it('opens an issue as a new message from an article', async () => {
    const h = createHarness();
    await h.send('/latest');
    const mark = h.mark();
    await h.press(lastWithButtons(h), 'o:i1107');
    expect(h.callsSince(mark).map((c) => c.method)).toEqual(['sendMessage', 'answerCallbackQuery']);
    expect(h.sentSince(mark)[0]!.text).toContain('2024年11月7日 星期四');
  });
});

describe('/issues', () => {
  it('lists the issues newest first in pages of eight', async () => {
    const h = createHarness({ archive: makeFixtureArchive(makeManyIssues(12)) });
    await h.send('/issues');
    const first = h.sentSince(0)[0]!;
    expect(first.text).toContain('共 12 期');
    expect(first.text).toContain('第 1/2 页');
    const buttons = buttonsOf(first);
    expect(buttons.filter((b) => b.data?.startsWith('i:'))).toHaveLength(8);
    expect(buttons[0]!.text).toContain('2024年10月12日');
    const older = buttons.find((b) => b.text.includes('较早'))!;
    expect(older.data).toBe('il:1');
    await h.press(first, older.data!);
    const page2 = h.api.messages().find((m) => m.messageId === first.messageId)!;
    expect(page2.text).toContain('第 2/2 页');
    const issueButtons = buttonsOf(page2).filter((b) => b.data?.startsWith('i:'));
    expect(issueButtons).toHaveLength(4);
    expect(issueButtons[3]!.text).toContain('2024年10月1日');
    expect(buttonsOf(page2).some((b) => b.text.includes('较早'))).toBe(false);
  });

  it('shows an issue picked from the list in place of the list', async () => {
    const h = createHarness();
    await h.send('/issues');
    const list = lastWithButtons(h);
    await h.press(list, buttonsOf(list).find((b) => b.data === 'i:i1107')!.data!);
    expect(h.api.messages().find((m) => m.messageId === list.messageId)!.text).toContain('2024年11月7日 星期四');
  });
});
