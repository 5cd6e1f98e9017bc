import { beforeAll, describe, expect, it } from 'vitest';
import { buildPassages } from '../../src/archive/build-passages.js';
import type { Article, Issue } from '../../src/archive/model.js';
import { testProfile } from '../support/test-profile.js';
import { loadIssues } from '../../src/ingest/load-issues.js';
import { createSilentLogger } from '../../src/logger.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import type { SearchEngine } from '../../src/search/types.js';
import { toTraditional } from '../../src/text/normalize-for-match.js';
import { fixtureIssues, potatoIssue } from '../fixtures/search/issues.js';

const paper = testProfile.paper;
const now = () => new Date('2024-11-09T02:00:00Z'); // 2024-11-09 10:00 in Asia/Shanghai
let engine: SearchEngine;

beforeAll(async () => {
  engine = await createSearchEngine({ issues: fixtureIssues(), paper, profile: testProfile, logger: createSilentLogger(), now });
});

const squash = (s: string) => s.replace(/\s+/g, '');

describe('createSearchEngine', () => {
  it('indexes every passage of every article', () => {
    const expected = fixtureIssues().reduce((n, i) => n + i.articles.reduce((m, a) => m + buildPassages(a).length, 0), 0);
    expect(engine.passageCount).toBe(expected);
  });

  it('puts the sentence that answers the question in the first excerpt', () => {
    const { results } = engine.search('奇台县马铃薯平均亩产多少');
    expect(results[0]?.articleId).toBe('potato');
    expect(squash(results[0]!.excerpt)).toContain('平均亩产3.2吨');
  });

  it('prefers the sentence with a figure in the unit asked for', () => {
    const { results } = engine.search('污水处理厂每天能处理多少吨污水');
    expect(results[0]?.articleId).toBe('sewage');
    expect(results[0]!.excerpt).toContain('2万吨');
  });

  it('says answer when an excerpt holds the subject, the attribute and a span of the kind asked', () => {
    const answer = engine.search('奇台县马铃薯平均亩产多少');
    expect(answer.outcome).toBe('answer');
    expect(answer.asks?.kind).toBe('quantity');
  });

  it('says related when the articles are on the subject but none states the fact asked', () => {
    const answer = engine.search('奇台县马铃薯的收购价格是多少');
    expect(answer.outcome).toBe('related');
    expect(answer.results[0]?.articleId).toBe('potato');
  });

  it('says none when nothing is on the subject', () => {
    expect(engine.search('哈密瓜的甜度是多少')).toMatchObject({ outcome: 'none', results: [] });
  });

  it('answers chat as chat, without searching', () => {
    expect(engine.search('给我讲个故事吧')).toMatchObject({ outcome: 'none', chat: 'chat', results: [] });
    expect(engine.search('你好')).toMatchObject({ outcome: 'none', chat: 'greeting', results: [] });
  });

  it('cites headline, kicker, paper, date, how the date is known and the issue number', () => {
    const first = engine.search('奇台县马铃薯丰收').results[0]!;
    expect(first).toMatchObject({
      articleId: 'potato',
      issueId: 'iss-a',
      title: '奇台县马铃薯喜获丰收',
      kicker: '科技助农 产业兴旺',
      paper: '昌吉日报',
      date: '2024-11-07',
      dateSource: 'masthead',
      issueNumber: 12124,
    });
    expect(first.passageId.startsWith('potato#')).toBe(true);
    expect(engine.search('石城子水库').results[0]).toMatchObject({ date: '2023-05-10', dateSource: 'inferred' });
  });

  it('keeps every excerpt within 200 characters, cut at sentence ends or marked with …', () => {
    for (const q of ['志愿服务', '社区志愿服务队有多少名志愿者', '供暖安全检查排查了多少隐患', '石城子水库什么时候建的']) {
      const { results } = engine.search(q, { limit: 10 });
      expect(results.length, q).toBeGreaterThan(0);
      for (const r of results) {
        expect(r.excerpt.length).toBeLessThanOrEqual(200);
        expect(r.excerpt).toMatch(/[。！？”]$|[，,；;：:]…$/u);
      }
    }
  });

  it('returns the matched terms as they appear in the excerpt', () => {
    const first = engine.search('玛纳斯县污水处理厂').results[0]!;
    expect(first.highlights.length).toBeGreaterThan(0);
    for (const h of first.highlights) expect(first.excerpt).toContain(h);
    expect(first.highlights.some((h) => h.includes('污水处理厂'))).toBe(true);
  });

  it('finds the simplified archive from a question in traditional characters', () => {
    const question = toTraditional('奇台县马铃薯平均亩产多少');
    expect(question).not.toBe('奇台县马铃薯平均亩产多少');
    const first = engine.search(question).results[0]!;
    expect(first.articleId).toBe('potato');
    expect(first.excerpt).toContain('3.2吨');
    expect(first.highlights).toContain('马铃薯');
  });

  it('returns nothing rather than a random passage when nothing is relevant', () => {
    for (const q of ['今年世界杯在哪里举办', '怎么办理出国护照', '明天上海会下雨吗', '量子计算机的原理是什么']) {
      expect(engine.search(q).results).toEqual([]);
    }
  });

  it('returns nothing for a question made only of question words', () => {
    expect(engine.search('是什么呢？').results).toEqual([]);
  });

  it('never lets one article fill the top three', () => {
    const ids = engine.search('志愿服务', { limit: 3 }).results.map((r) => r.articleId);
    expect(ids.length).toBeGreaterThan(1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('pages through results with offset and limit', () => {
    const all = engine.search('志愿服务', { limit: 10 }).results.map((r) => r.articleId);
    const second = engine.search('志愿服务', { limit: 1, offset: 1 }).results.map((r) => r.articleId);
    expect(second).toEqual(all.slice(1, 2));
  });
});

describe('createSearchEngine query understanding', () => {
  it('turns a date in the question into a filter and lists that issue', () => {
    const answer = engine.search('2024年11月8日的报纸');
    expect(answer.filters).toEqual({ date: '2024-11-08' });
    expect(answer.results.map((r) => r.articleId).sort()).toEqual(['sewage', 'volunteer2']);
  });

  it('lists the issue a date names when the question asks what it held (QA round 3 Q13)', () => {
    for (const q of ['11月8日那期讲了啥', '2024年11月8日的报纸上有什么新闻？']) {
      const answer = engine.search(q);
      expect(answer.filters, q).toEqual({ date: '2024-11-08' });
      expect(answer.outcome, q).toBe('answer');
      expect(answer.results.map((r) => r.articleId).sort(), q).toEqual(['sewage', 'volunteer2']);
    }
  });

  it('answers questions about the archive from its own facts: articles, years, the bot itself', () => {
    const facts = engine.search('一共收了多少篇文章').archive;
    expect(facts?.articles).toBe(fixtureIssues().reduce((n, i) => n + i.articles.length, 0));
    expect(engine.search('能查到哪些年份的报纸').archive?.years).toEqual(['2023', '2024']);
    expect(engine.search('你好呀，机器人')).toMatchObject({ chat: 'greeting', results: [] });
    expect(engine.search('你叫什么名字')).toMatchObject({ chat: 'greeting', results: [] });
  });

  it('searches only the issues a date names', () => {
    const answer = engine.search('11月8日的志愿服务');
    expect(answer.filters).toEqual({ date: '2024-11-08' });
    expect(answer.results.map((r) => r.articleId)).toEqual(['volunteer2']);
  });

  it('turns an issue number into a filter', () => {
    const answer = engine.search('第12124期 马铃薯');
    expect(answer.filters).toEqual({ issueNumber: 12124 });
    expect(answer.results[0]?.articleId).toBe('potato');
  });

  it('turns a month into a date range', () => {
    const answer = engine.search('2024年11月有哪些关于志愿服务的报道');
    expect(answer.filters).toEqual({ dateFrom: '2024-11-01', dateTo: '2024-11-30' });
    expect(answer.results.length).toBeGreaterThan(0);
    for (const r of answer.results) expect(r.date.startsWith('2024-11')).toBe(true);
  });

  it('reads relative dates against the injected clock', () => {
    expect(engine.search('昨天的报纸').filters).toEqual({ date: '2024-11-08' });
  });

  it('searches everything when a date belongs to what is asked, not to the issue', () => {
    const answer = engine.search('1975年3月始建的水库');
    expect(answer.filters).toEqual({});
    expect(answer.results[0]?.articleId).toBe('reservoir');
  });

  it('never drops filters the caller gives', () => {
    const answer = engine.search('石城子水库', { filters: { date: '2024-11-07' } });
    expect(answer.filters).toEqual({ date: '2024-11-07' });
    expect(answer.results).toEqual([]);
  });
});

describe('createSearchEngine searchTitles', () => {
  it('finds articles by headline', () => {
    expect(engine.searchTitles('污水处理厂')[0]?.articleId).toBe('sewage');
  });

  it('ignores words that only occur in bodies', () => {
    expect(engine.searchTitles('脱毒种薯')).toEqual([]);
  });
});

describe('createSearchEngine over a changing archive', () => {
  it('finds a new issue, an issue replacing one from the same file, and forgets a removed one', async () => {
    const local = await createSearchEngine({ issues: [potatoIssue()], paper, profile: testProfile, logger: createSilentLogger(), now });
    expect(local.search('石城子水库').results).toEqual([]);
    const before = local.passageCount;

    const reservoir = fixtureIssues()[2]!;
    local.archive.upsertIssue(reservoir);
    expect(local.search('石城子水库').results[0]?.articleId).toBe('reservoir');
    // The headline index follows the archive too, and finds a headline from a prefix typed so far.
    expect(local.searchTitles('石城子水库除险')[0]?.articleId).toBe('reservoir');
    expect(local.passageCount).toBeGreaterThan(before);

    const replaced = { ...reservoir, id: 'iss-c2', articles: reservoir.articles.map((a) => ({ ...a, id: 'reservoir2', issueId: 'iss-c2' })) };
    local.archive.upsertIssue(replaced);
    const ids = local.search('石城子水库', { limit: 10 }).results.map((r) => r.articleId);
    expect(ids).toEqual(['reservoir2']);

    local.archive.removeIssue(replaced.file);
    expect(local.search('石城子水库').results).toEqual([]);
    expect(local.searchTitles('石城子水库除险')).toEqual([]);
    expect(local.passageCount).toBe(before);
  });
});

describe('createSearchEngine with everyday phrasings', () => {
  // Invented articles: the fact asked about (2024's alfalfa) was printed in a 2025 issue, and a 2024
  // issue shares only common words with the questions.
  const article = (issueId: string, id: string, title: string, paragraphs: string[]): Article => ({
    id, issueId, title, paragraphs, titleDerived: false, kind: 'news', captions: [], topics: [], places: [],
  });
  const issue = (id: string, date: string, number: number, articles: Article[]): Issue => ({
    id, paper: '昌吉日报', date, dateSource: 'masthead', number, file: `${id}.txt`, boilerplate: [], warnings: [], articles,
  });
  const issues = (): Issue[] => [
    issue('w', '2024-11-07', 12124, [
      article('w', 'wheat', '木垒县冬小麦长势喜人', [
        '今年，新户镇冬小麦种植面积4.3万亩，有关部门加强田间管理，预计产量稳步提高。',
        '全县建成A、B级高标准农田20万亩，农技人员深入田间地头开展指导。',
      ]),
    ]),
    issue('a', '2025-03-08', 12200, [
      article('a', 'alfalfa', '昌吉州苜蓿产业提质增效', [
        '2024年，昌吉州苜蓿种植面积12.5万亩，产量48万吨，同比增长6.1%。',
        '据了解，全州今年新增苜蓿种植基地3个。',
      ]),
    ]),
    issue('c', '2023-03-24', 11800, [
      article('c', 'cppcc', '自治州十三届政协八次常委会会议召开', [
        '3月23日，自治州十三届政协八次常委会会议召开。会议听取了全州重点项目情况通报，审议了有关人事事项。',
      ]),
    ]),
  ];
  let local: SearchEngine;
  beforeAll(async () => {
    local = await createSearchEngine({ issues: issues(), paper, profile: testProfile, logger: createSilentLogger(), now: () => new Date('2025-12-31T04:00:00Z') });
  });

  it('searches every issue when a year dates the fact, not the issue', () => {
    for (const q of ['2024年昌吉州苜蓿种植面积是多少', '２０２４年昌吉州苜蓿产量']) {
      const answer = local.search(q);
      expect(answer.filters).toEqual({});
      expect(answer.results[0]?.articleId).toBe('alfalfa');
      expect(answer.results[0]!.excerpt).toContain('12.5万亩');
    }
  });

  it('still filters on a year when the question asks for the paper of that year', () => {
    const answer = local.search('2023年的报纸');
    expect(answer.filters).toEqual({ dateFrom: '2023-01-01', dateTo: '2023-12-31' });
    expect(answer.results.map((r) => r.articleId)).toEqual(['cppcc']);
  });

  it('ignores filler and relative time words', () => {
    for (const q of ['最近有什么苜蓿新闻', '去年昌吉州苜蓿产量是多少', '昌吉州去年苜蓿产量', '有关苜蓿的报道']) {
      const { results } = local.search(q);
      expect(results[0]?.articleId).toBe('alfalfa');
      expect(results.map((r) => r.articleId)).not.toContain('cppcc');
    }
  });

  it('matches a headline that prints the words of a compound apart', () => {
    expect(local.search('政协常委会').results[0]?.articleId).toBe('cppcc');
    const first = local.search('政协常委会议是几月几日召开的').results[0];
    expect(first?.articleId).toBe('cppcc');
    expect(first!.excerpt).toContain('3月23日');
  });

  it('searches the text of a question pasted with markup', () => {
    for (const q of ['<b>苜蓿</b>', '&amp; 苜蓿 &lt;']) {
      const answer = local.search(q);
      expect(answer.query).toBe(q);
      expect(answer.results.map((r) => r.articleId)).toEqual(['alfalfa']);
      expect(answer.results[0]!.highlights).toEqual(['苜蓿']);
    }
  });

});

describe('createSearchEngine on the seed issues', () => {
  let seeds: SearchEngine;
  let seedIssues: Issue[];
  beforeAll(async () => {
    const { issues } = await loadIssues({ seedsDir: 'seeds', manifest: testProfile.manifest, paper, logger: createSilentLogger() });
    seedIssues = issues;
    seeds = await createSearchEngine({ issues, paper, profile: testProfile, logger: createSilentLogger(), now: () => new Date('2025-12-31T04:00:00Z') });
  });

  it('answers a question dated by a year from the issue that printed the fact', () => {
    // The 2024 figures were printed in March 2025; the 2024 issues only share 种植面积 with the question.
    const first = seeds.search('2024年新疆棉花种植面积是多少').results[0]!;
    expect(first.date.startsWith('2025')).toBe(true);
    expect(first.excerpt).toContain('3671.9万亩');
  });

  it('drops a filter read from the question when the whole archive answers clearly better', () => {
    for (const q of ['2024年新疆棉花种植面积的报道', '11月7日新疆棉花种植面积']) {
      const answer = seeds.search(q);
      expect(answer.filters).toEqual({});
      expect(answer.results[0]!.excerpt).toContain('3671.9万亩');
    }
  });

  it('keeps a filter read from the question while its issues answer as well', () => {
    const answer = seeds.search('2024年11月的冬小麦报道');
    expect(answer.filters).toEqual({ dateFrom: '2024-11-01', dateTo: '2024-11-30' });
    expect(answer.results.length).toBeGreaterThan(0);
  });

  it('never opens an excerpt with the attribution of the quotation before it', () => {
    for (const q of ['石门子水库最大坝高多少米', '北庭镇种植了多少冬小麦', '新疆棉花种植面积是多少']) {
      const { results } = seeds.search(q);
      expect(results.length, q).toBeGreaterThan(0);
      for (const r of results) expect(r.excerpt).not.toMatch(/^[“”"]|^[^，。“”]{1,10}(?:说|介绍|表示)。/u);
    }
  });

  it('pages through every article holding a broad keyword, beyond the first re-ranked passages', () => {
    const holding = seedIssues.flatMap((i) => i.articles).filter((a) => buildPassages(a).some((p) => p.text.includes('昌吉州')));
    expect(holding.length).toBeGreaterThan(8);
    const found = seeds.search('昌吉州', { limit: 100 }).results.map((r) => r.articleId);
    expect(new Set(found)).toEqual(new Set(holding.map((a) => a.id)));
  });

  it('answers a question whose object is a generic noun (哪个单位) from the passage naming the answer', () => {
    for (const q of ['棉花项目由哪个单位牵头', '棉花项目牵头单位', '哪个单位牵头棉花项目']) {
      expect(seeds.search(q).results[0]?.excerpt).toContain('由西部中心牵头');
    }
  });

  it('never answers a question about a common place when no sentence holds what it asks about (the place\'s reports are related)', () => {
    for (const q of ['木垒县今年下了几场雪', '玛纳斯县有多少人口', '奇台县有多少亩棉花']) {
      const answer = seeds.search(q);
      expect(answer.outcome).not.toBe('answer');
      if (answer.results.length > 0) expect(answer.outcome).toBe('related');
    }
    expect(seeds.search('木垒县冬小麦长势如何').results.length).toBeGreaterThan(0);
  });

  it('shows the sentence holding the figure asked about, deep in a long article', () => {
    const answer = engine.search('社区志愿服务队收到了多少封感谢信');
    expect(answer.results[0]?.articleId).toBe('volunteer');
    expect(answer.results[0]?.excerpt).toContain('感谢信30多封');
  });

  it('picks the sentence with a date for a question asking when', () => {
    for (const q of ['石城子水库什么时候始建', '石城子水库哪一年始建的', toTraditional('石城子水库什么时候始建')]) {
      expect(engine.search(q).results[0]?.excerpt, q).toContain('1975年3月');
    }
  });
});

describe('createSearchEngine: search syntax and order (SearchOptions.phrases, exclude, order)', () => {
  const ids = (options: Parameters<SearchEngine['search']>[1]) => engine.search('志愿服务', { limit: 10, ...options }).results.map((r) => r.articleId);

  it('finds both volunteer articles without conditions', () => {
    expect(ids({})).toEqual(expect.arrayContaining(['volunteer', 'volunteer2']));
  });

  it('leaves out articles that contain an excluded word', () => {
    const found = ids({ exclude: ['乡村学校'] });
    expect(found).toContain('volunteer');
    expect(found).not.toContain('volunteer2');
  });

  it('keeps only articles that contain every phrase as written', () => {
    expect(ids({ phrases: ['走进乡村学校'] })).toEqual(['volunteer2']);
    expect(ids({ phrases: ['走进 乡村学校'] })).toEqual([]);
  });

  it('orders the same results newest issue first on request', () => {
    const byRelevance = engine.search('志愿服务', { limit: 10 }).results;
    const byDate = engine.search('志愿服务', { limit: 10, order: 'date' }).results;
    expect(byDate.length).toBeGreaterThan(1);
    expect(new Set(byDate.map((r) => r.articleId))).toEqual(new Set(byRelevance.map((r) => r.articleId)));
    const dates = byDate.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });
});
