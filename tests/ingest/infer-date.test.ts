import { describe, expect, it } from 'vitest';
import { inferIssueDate } from '../../src/ingest/infer-date.js';

describe('inferIssueDate', () => {
  it('takes the day after the latest event, in the year the text reports', () => {
    const r = inferIssueDate([['2024年10月，全县开展培训。', '11月4日，培训班在福州开班。', '培训时间为11月2日至3日。']]);
    expect(r).toMatchObject({ date: '2024-11-05', year: 2024, latestEvent: '2024-11-04' });
  });

  it('reads the end of a date range', () => {
    expect(inferIssueDate([['2024年，会议11月5日至6日在京召开。']])?.latestEvent).toBe('2024-11-06');
  });

  it('moves to the next year when the latest year is only reported as a finished year', () => {
    const r = inferIssueDate([['2024年，全县粮食产量同比增长5%。', '3月6日，项目正式启动。']]);
    expect(r).toMatchObject({ year: 2025, date: '2025-03-07' });
  });

  it('keeps the year when a month of it is mentioned, even with finished-year figures', () => {
    const r = inferIssueDate([['2024年，报名人数达188.9万，同比增长12%。', '截至2024年10月，全国注册志愿者2.37亿。', '11月4日电。']]);
    expect(r).toMatchObject({ year: 2024, date: '2024-11-05' });
  });

  it('reads 去年 in an article about one year as that year being last year', () => {
    const r = inferIssueDate([['去年大气约束性指标任务全面完成', '3月4日，记者获悉：2022年全州空气优良率达到75.3%。', '2022年全州累计拨付奖补资金2.99亿元。', '3月23日，会议召开。']]);
    expect(r).toMatchObject({ year: 2023, date: '2023-03-24' });
  });

  it('ignores dates in clauses about the future and years that are targets', () => {
    const r = inferIssueDate([['截至2025年8月27日，累计服务3281件。', '我们从8月13日开始采摘，预计持续到9月中旬。', '预计11月底采收。', '力争2026年实现全覆盖。', '截至9月初，新能源已并网483万千瓦。']]);
    expect(r).toMatchObject({ year: 2025, latestEvent: '2025-09-01', date: '2025-09-02' });
  });

  it('dates a bare month-day by a year stated earlier in the same sentence', () => {
    const r = inferIssueDate([['2024年，市人大打造改革试点，3月中旬，在全疆率先建成实践基地。', '2024年，全市粮食产量同比增长3%。', '3月7日，工人正在作业。']]);
    expect(r).toMatchObject({ year: 2025, latestEvent: '2025-03-07' });
  });

  it('puts late-year dates in the previous year when the issue also reports January', () => {
    const r = inferIssueDate([['2025年1月3日，新年第一场招聘会举行。', '12月30日，项目完工。', '1月5日，市场开市。']]);
    expect(r?.latestEvent).toBe('2025-01-05');
  });

  it('gives only the year when no event is dated', () => {
    expect(inferIssueDate([['2024年全县新建大棚三百座。']])).toMatchObject({ year: 2024, date: '2024-01-01' });
    expect(inferIssueDate([['2024年全县新建大棚三百座。']])?.latestEvent).toBeUndefined();
  });

  it('gives nothing when the text mentions no year', () => {
    expect(inferIssueDate([['5月10日，文化节开幕。']])).toBeUndefined();
    expect(inferIssueDate([])).toBeUndefined();
  });
});
