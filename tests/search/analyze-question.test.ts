import { describe, expect, it } from 'vitest';
import { analyzeQuestion, nameableFact } from '../../src/search/analyze-question.js';
import { profileTokenizer } from '../support/test-profile.js';

const tokenizer = profileTokenizer();
const analyze = (q: string) => analyzeQuestion(q, tokenizer.tag);

describe('analyzeQuestion', () => {
  it('reads the kind of answer asked for', () => {
    expect(analyze('石城子水库是哪一年始建的').kind).toBe('date');
    expect(analyze('培训一共持续了多少天').kind).toBe('duration');
    expect(analyze('谁主持了这次会议').kind).toBe('person');
    expect(analyze('这项工程由哪个单位施工').kind).toBe('organisation');
    expect(analyze('这次农民运动会是谁主办的').kind).toBe('organisation');
    expect(analyze('电商培训班是谁办的').kind).toBe('organisation');
    expect(analyze('演出在什么地方举行').kind).toBe('place');
    expect(analyze('为什么要加固大坝').kind).toBe('reason');
    expect(analyze('农户怎样保存种薯').kind).toBe('method');
    expect(analyze('水库能灌溉下游农田吗').kind).toBe('yesno');
    expect(analyze('这次活动的主题是什么').kind).toBe('other');
  });

  it('reads the unit of a quantity, named or implied', () => {
    expect(analyze('污水处理厂能处理多少吨污水')).toMatchObject({ kind: 'quantity', unit: '吨' });
    expect(analyze('门票卖多少钱')).toMatchObject({ kind: 'quantity', unit: '元' });
    expect(analyze('大坝有多高')).toMatchObject({ kind: 'quantity', unit: '米' });
    expect(analyze('果园今年种了多大面积的苹果')).toMatchObject({ kind: 'quantity', unit: '亩' });
  });

  it('takes no attribute from a verb that stands for any action (做, 干, 搞)', () => {
    expect(analyze('志愿者给老人做了哪些事').attribute).not.toContain('做');
    expect(analyze('这座新楼是干什么用的').attribute).not.toContain('干');
    expect(analyze('社区办不了的事怎么处理').attribute).not.toContain('不了');
  });

  it('takes a piece of a name jieba does not know (带厂 of 滴灌带厂) for the subject, and the noun after a cut verb for the attribute', () => {
    const attribute = analyze('青石滴灌带厂哪年换的新设备').attribute;
    expect(attribute).not.toContain('带厂');
    expect(attribute).toContain('设备');
  });

  it('takes the verb after 怎么 for the attribute, not a measure word glued to the question word (怎么处理 is not 怎么处)', () => {
    expect(analyze('社区解决不了的事怎么处理').attribute).toContain('处理');
  });

  it('takes no rate word (每天, 一年) for the attribute', () => {
    expect(analyze('哪家工厂每天生产500吨面粉').attribute).not.toContain('每天');
  });

  it('reads the question, not a question word a verb of finding out takes as its object', () => {
    expect(analyze('果农靠什么设备看清楚哪里有病虫').kind).toBe('method');
    expect(analyze('这条新路修到了哪个村').kind).toBe('place');
  });

  it('reads 哪条街 as a place of the street kind, and 哪里人 as an origin', () => {
    expect(analyze('县图书馆在哪条街')).toMatchObject({ kind: 'place', placeType: '街' });
    expect(analyze('王老师是哪里人')).toMatchObject({ kind: 'place', origin: true });
    expect(analyze('王老师在哪里上班').origin).toBeUndefined();
  });

  it('says what a purpose, stage or list question expects of the answer', () => {
    expect(analyze('这座新楼是干什么用的').expects).toBe('purpose');
    expect(analyze('村里都种了哪些作物').expects).toBe('list');
    expect(analyze('新楼是哪一年建的').expects).toBeUndefined();
  });

  it('takes the words beside the question word as the attribute, not the subject name or the question noun', () => {
    expect(analyze('石城子水库是哪一年始建的').attribute).toEqual(['始建']);
    expect(analyze('奇台县有多少亩马铃薯').attribute).toEqual(['马铃薯']);
    expect(analyze('社区服务中心的电话是多少').attribute).toContain('电话');
    expect(analyze('演出在什么地方举行').attribute).toEqual(['举行']);
  });

  it('keeps the reader\'s time words as context, not content', () => {
    const a = analyze('现在奇台县马铃薯亩产多少');
    expect(a.context).toEqual(['现在']);
    expect(a.ignored).toContain('现在');
    expect(a.attribute).not.toContain('现在');
  });

  it('takes a noun right after 哪些/什么 for the kind of answer, not an attribute the answer repeats', () => {
    expect(analyze('县里有哪些企业建了光伏电站').attribute).not.toContain('企业');
    expect(analyze('会上有哪些省市的代表发言')).toMatchObject({ kind: 'place', placeType: '省市' });
  });

  it('takes the last noun after the unit for what a quantity question counts', () => {
    expect(analyze('街道一共收到了多少条居民意见建议').attribute).toContain('意见建议');
  });

  it('takes the verb, not its directional complement, as the attribute', () => {
    expect(analyze('水库今年放出去多少水').attribute).toContain('放');
    expect(analyze('水库今年放出去多少水').attribute).not.toContain('出去');
  });

  it('reads 啥时候 as a question for a date, and 多高 as asking a height', () => {
    expect(analyze('大桥啥时候通车的').kind).toBe('date');
    expect(analyze('电视塔有多高').dimension).toContain('高');
    expect(analyze('电视塔有多少米高').dimension).toBeUndefined();
  });

  it('reads how precise a date question is', () => {
    expect(analyze('图书馆是哪一年开馆的').dateScale).toBe('year');
    expect(analyze('展览几月几号开幕').dateScale).toBe('day');
    expect(analyze('展览什么时候开幕').dateScale).toBeUndefined();
  });

  it('reads a figure asked inside a name as a template for the answer', () => {
    const a = analyze('这批公交车符合国几排放标准');
    expect(a.kind).toBe('quantity');
    expect(new RegExp(a.template!, 'u').test('符合国五排放标准')).toBe(true);
    expect(analyze('仓库里有几吨粮食').template).toBeUndefined();
  });

  it('marks questions asking for several answers', () => {
    expect(analyze('有哪些学校参加了比赛').plural).toBe(true);
    expect(analyze('哪个学校获得了第一名').plural).toBeUndefined();
  });

  it('does not take a place word (路上, 山上) for the attribute', () => {
    expect(analyze('博物馆的地址在哪条路上').attribute).toEqual(['地址']);
  });
});


describe('nameableFact', () => {
  const tagOf = (w: string) => tokenizer.tag(w)[0]?.tag ?? '';

  it('names a noun for any kind, a verb only where the phrase takes one', () => {
    expect(nameableFact({ kind: 'quantity', attribute: ['价格'] }, tagOf)).toBe('价格');
    expect(nameableFact({ kind: 'quantity', attribute: ['淘汰'] }, tagOf)).toBeUndefined();
    expect(nameableFact({ kind: 'date', attribute: ['成立'] }, tagOf)).toBe('成立');
  });

  it('never names a person or a one-character word', () => {
    expect(nameableFact({ kind: 'quantity', attribute: ['王小明'] }, tagOf)).toBeUndefined();
    expect(nameableFact({ kind: 'other', attribute: ['干'] }, tagOf)).toBeUndefined();
  });
});
