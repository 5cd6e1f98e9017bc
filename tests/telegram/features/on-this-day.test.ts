import { describe, expect, it } from 'vitest';
import { makeArchive, makeIssue } from '../../digest/support/fixtures.js';
import { buttonsOf, createHarness } from '../support/harness.js';
import { validateCallsAfterEachTest } from '../support/validate-calls.js';

validateCallsAfterEachTest();

const archive = () =>
  makeArchive([makeIssue('y22', '2022-11-07', 1), makeIssue('y23', '2023-11-07', 2), makeIssue('y24', '2024-11-07', 3), makeIssue('other', '2024-11-08', 4)]);

describe('/onthisday', () => {
  it('lists earlier years’ issues of today’s calendar day, newest year first, with buttons to open them', async () => {
    const h = createHarness({ archive: archive(), now: () => new Date('2025-11-07T04:00:00Z') });
    await h.send('/onthisday');
    const [reply] = h.sentSince(0);
    expect(reply!.text).toContain('历史上的今天 · 11月7日');
    expect(reply!.text.indexOf('1年前')).toBeLessThan(reply!.text.indexOf('2年前'));
    expect(reply!.text.indexOf('2年前')).toBeLessThan(reply!.text.indexOf('3年前'));
    expect(reply!.text).toContain('木垒县冬小麦播种完成');
    expect(reply!.text).not.toContain('2024年11月8日');
    expect(buttonsOf(reply!).map((b) => b.data)).toEqual(['o:y24', 'o:y23', 'o:y22']);
  });

  it('takes a day written without a year as this year’s', async () => {
    const h = createHarness({ archive: archive(), now: () => new Date('2024-11-12T04:00:00Z') });
    await h.send('/onthisday 11月7日');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('1年前');
    expect(text).not.toContain('0年前');
  });

  it('says plainly when no earlier year has an issue on that day', async () => {
    const h = createHarness({ archive: archive(), now: () => new Date('2025-03-01T04:00:00Z') });
    await h.send('/onthisday');
    expect(h.sentSince(0)[0]!.text).toContain('资料库中没有2025年以前3月1日的《测试日报》');
  });

  it('names an earlier issue whose date is only inferred instead of saying there is none, and lets it be opened', async () => {
    const guessed = { ...makeIssue('g23', '2023-03-24', 5), dateSource: 'inferred' as const };
    const h = createHarness({ archive: makeArchive([guessed, makeIssue('y24', '2024-11-07', 3)]), now: () => new Date('2025-03-24T04:00:00Z') });
    await h.send('/onthisday');
    const [reply] = h.sentSince(0);
    expect(reply!.text).toContain('资料库中没有确知出版于2025年以前3月24日的《测试日报》');
    expect(reply!.text).toContain('约2023年3月24日');
    expect(reply!.text).toContain('日期是从内容推断的');
    expect(buttonsOf(reply!).map((b) => b.data)).toEqual(['o:g23']);
  });

  it('answers the words 历史上的今天 too, and an unreadable date with an example', async () => {
    const h = createHarness({ archive: archive(), now: () => new Date('2025-11-07T04:00:00Z') });
    await h.send('历史上的今天');
    expect(h.sentSince(0)[0]!.text).toContain('1年前');
    await h.send('/onthisday 明年春天');
    expect(h.sentSince(0)[1]!.text).toContain('例如 /onthisday 11月7日');
  });

  it('explains an impossible day as /date does, instead of saying it was not understood', async () => {
    const h = createHarness({ archive: archive(), now: () => new Date('2025-11-07T04:00:00Z') });
    await h.send('/onthisday 2月30日');
    await h.send('/date 2月30日');
    const [onThisDay, date] = h.sentSince(0).map((m) => m.text);
    expect(onThisDay).toContain('「2月30日」不是一个有效的日期：2月没有30日');
    expect(onThisDay).not.toContain('没有看懂');
    expect(onThisDay).toContain('例如 /onthisday 11月7日');
    expect(date).toContain('「2月30日」不是一个有效的日期：2月没有30日');
  });
});
