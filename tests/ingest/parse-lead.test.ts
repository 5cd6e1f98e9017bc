import { describe, expect, it } from 'vitest';
import { parseLead, parseSignoff } from '../../src/ingest/parse-lead.js';

describe('parseLead', () => {
  it('reads 本报讯 with the reporters before 报道：', () => {
    expect(parseLead('本报讯 通讯员余再兴、王富建、王安军报道：近日，笔者了解到。')).toEqual({
      lead: '本报讯 通讯员余再兴、王富建、王安军报道：',
      dateline: '本报讯',
      byline: '通讯员余再兴、王富建、王安军',
      rest: '近日，笔者了解到。',
    });
  });

  it('reads a bracketed byline and a wire dateline', () => {
    expect(parseLead('本报讯（记者 张三）近日，会议召开。')).toMatchObject({ byline: '记者 张三', rest: '近日，会议召开。' });
    expect(parseLead('新华社北京11月6日电 中共中央总书记习近平近日作出重要指示。')).toEqual({
      lead: '新华社北京11月6日电',
      dateline: '新华社北京11月6日电',
      rest: '中共中央总书记习近平近日作出重要指示。',
    });
    expect(parseLead('新华社北京11月6日电（记者李四）会议召开。')).toMatchObject({ byline: '记者李四', rest: '会议召开。' });
  });

  it('reads 本报讯 with no byline', () => {
    expect(parseLead('本报讯 近日，全县开展培训。')).toMatchObject({ dateline: '本报讯', rest: '近日，全县开展培训。' });
    expect(parseLead('本报讯 近日，全县开展培训。')?.byline).toBeUndefined();
  });

  it('finds no lead in an ordinary paragraph', () => {
    expect(parseLead('近日，喜讯传来。')).toBeUndefined();
    expect(parseLead('昌吉州11月6日电视台播出。')).toBeUndefined();
  });
});

describe('parseSignoff', () => {
  it('reads a closing wire dateline', () => {
    expect(parseSignoff('（新华社北京11月4日电）')).toEqual({ signoff: '（新华社北京11月4日电）', dateline: '新华社北京11月4日电' });
    expect(parseSignoff('（完）')).toEqual({ signoff: '（完）' });
    expect(parseSignoff('（这是一句括号里的话。）')).toBeUndefined();
  });
});
