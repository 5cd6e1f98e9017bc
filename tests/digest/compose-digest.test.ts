import { describe, expect, it } from 'vitest';
import { composeDigest, leadOf } from '../../src/digest/compose-digest.js';
import { makeArchive, makeArticle, makeIssue } from './support/fixtures.js';

const archive = makeArchive([makeIssue('i1', '2024-11-07', 12124)]);
const issue = archive.readIssue(archive.latest()!.id)!;

describe('composeDigest', () => {
  it('lists every article with its headline, lead and tags', () => {
    const digest = composeDigest(issue)!;
    expect(digest).toMatchObject({ issueId: 'i1', date: '2024-11-07', number: 12124, issueArticles: 3 });
    expect(digest.items.map((i) => i.title)).toEqual(issue.articles.map((a) => a.title));
    expect(digest.items[0]!.tags).toEqual(expect.arrayContaining(['农业农村', '木垒县']));
  });

  it('keeps only articles tagged with the filter topic', () => {
    const digest = composeDigest(issue, { filter: '农业' })!;
    expect(digest.filter).toBe('农业');
    expect(digest.items.map((i) => i.articleId)).toEqual(['i1-1']);
  });

  it('falls back to the article text for a keyword that is no tag', () => {
    expect(composeDigest(issue, { filter: '读书' })!.items.map((i) => i.articleId)).toEqual(['i1-3']);
  });

  it('matches a keyword typed in traditional characters or full width', () => {
    expect(composeDigest(issue, { filter: '農業' })!.items.map((i) => i.articleId)).toEqual(['i1-1']);
    expect(composeDigest(issue, { filter: '讀書' })!.items.map((i) => i.articleId)).toEqual(['i1-3']);
  });

  it('gives nothing when no article matches, so nothing is sent', () => {
    expect(composeDigest(issue, { filter: '航天' })).toBeUndefined();
  });
});

describe('leadOf', () => {
  it('takes the first sentence after the dateline', () => {
    const article = { ...makeArticle('x', 1, '标题', '新华社北京11月6日电 第一句话。第二句话。'), dateline: '新华社北京11月6日电' };
    expect(leadOf(article)).toBe('第一句话。');
  });

  it('shortens a very long sentence', () => {
    const lead = leadOf(makeArticle('x', 1, '标题', '长'.repeat(200)));
    expect(lead.length).toBe(60);
    expect(lead.endsWith('…')).toBe(true);
  });

  it('cuts a long sentence at a clause boundary, never inside a number', () => {
    const body = `3月4日，记者从州环境局获悉：2022年全州考核城市的PM2.5平均浓度为50微克/立方米，空气优良率达到75.3%，同比上升2个百分点，重污染天数明显减少。`;
    const lead = leadOf(makeArticle('x', 1, '环境质量持续改善', body));
    expect(lead).toBe('3月4日，记者从州环境局获悉：2022年全州考核城市的PM2.5平均浓度为50微克/立方米，空气优良率达到75.3%…');
    expect(lead).not.toMatch(/\d…$/);
  });

  it('runs a little past 60 characters rather than cut without a clause boundary', () => {
    const body = `${'甲'.repeat(64)}，${'乙'.repeat(30)}。`;
    expect(leadOf(makeArticle('x', 1, '标题', body))).toBe(`${'甲'.repeat(64)}…`);
  });

  it('never cuts at the comma of a figure, inside a quotation, or a figure from its unit', () => {
    const figure = leadOf(makeArticle('x', 1, '标题', `${'规模空前的清淤工程共清理淤泥'.repeat(3)}12,000立方米，${'工程进展顺利'.repeat(4)}。`));
    expect(figure).not.toMatch(/12…$|12,…/u);
    const quoted = leadOf(makeArticle('x', 1, '标题', `他说：“这次活动${'很有意义'.repeat(8)}，大家都很满意。”随后${'参观了展览'.repeat(6)}。`));
    expect((quoted.match(/“/gu) ?? []).length).toBe((quoted.match(/”/gu) ?? []).length);
    const unit = leadOf(makeArticle('x', 1, '标题', `${'水'.repeat(55)}2.35亿立方米${'库'.repeat(40)}。`));
    expect(unit).not.toMatch(/亿…$|2\.35…$/u);
  });

  it('never cuts inside a number or a Latin word when no clause boundary is near', () => {
    const lead = leadOf(makeArticle('x', 1, '标题', `${'长'.repeat(55)}ABCDEFGH12345${'长'.repeat(40)}。`));
    expect(lead).toBe(`${'长'.repeat(55)}…`);
  });

  it('skips a short scene-setting opening for the first sentence that carries a fact', () => {
    const article = makeArticle('x', 1, '全力保障春耕农资', '一年之计在于春。进入早春，各地陆续进入农资储备的关键阶段。');
    expect(leadOf(article)).toBe('进入早春，各地陆续进入农资储备的关键阶段。');
  });

  it('takes a sentence with a number or a place of the article as carrying a fact', () => {
    const scenic = '水面开阔，碧波荡漾，青山环抱。';
    expect(leadOf(makeArticle('x', 1, '引一库水润泽一方人', `${scenic}大坝向南60多公里处横亘于群山之中。`))).toBe('大坝向南60多公里处横亘于群山之中。');
    const placed = { ...makeArticle('x', 1, '引一库水润泽一方人', `${scenic}木垒的天山腹地，一条大坝横亘于群山之中。`), places: ['木垒县'] };
    expect(leadOf(placed)).toBe('木垒的天山腹地，一条大坝横亘于群山之中。');
  });

  it('keeps the first sentence when none carries a fact', () => {
    expect(leadOf(makeArticle('x', 1, '春', '水面开阔，碧波荡漾，青山环抱。'))).toBe('水面开阔，碧波荡漾，青山环抱。');
  });

  it('uses the second sentence of a photo caption that repeats the headline', () => {
    const photo = {
      ...makeArticle('x', 1, '石梯子乡，大批灰鹤在田间觅食嬉戏', ''),
      kind: 'photo' as const,
      paragraphs: [],
      captions: ['3月12日，石梯子乡，大批灰鹤在田间觅食嬉戏。近年来，当地生态环境持续向好。'],
    };
    expect(leadOf(photo)).toBe('近年来，当地生态环境持续向好。');
  });

  it('omits the lead of a photo whose caption is only its headline', () => {
    const photo = { ...makeArticle('x', 1, '工作人员正在检修设备', ''), kind: 'photo' as const, paragraphs: [], captions: ['10月27日，工作人员正在检修设备。'] };
    expect(leadOf(photo)).toBe('');
  });
});
