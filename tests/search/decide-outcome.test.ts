import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, Issue } from '../../src/archive/model.js';
import { createSilentLogger } from '../../src/logger.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import type { SearchEngine } from '../../src/search/types.js';
import { testProfile } from '../support/test-profile.js';

// Invented articles: facts printed in the paper's words, asked in a reader's.
const article = (issueId: string, id: string, title: string, paragraphs: string[]): Article => ({
  id, issueId, title, paragraphs, titleDerived: false, kind: 'news', captions: [], topics: [], places: [],
});
const issue = (id: string, date: string, articles: Article[]): Issue => ({
  id, paper: '昌吉日报', date, dateSource: 'masthead', file: `${id}.txt`, boilerplate: [], warnings: [], articles,
});
const issues = (): Issue[] => [
  issue('a', '2025-03-01', [
    article('a', 'dam', '东山水库守护下游安全', [
      '东山水库位于县城以南60公里的山谷中，是一座以防洪为主的水利工程。',
      '在当时，东山水库是全县修建的第一座拱坝。最大坝高80米，坝顶宽5米。',
      '东山水库年平均来水量为0.8亿立方米，可灌溉农田12万亩。',
    ]),
    article('a', 'care', '全县关爱留守儿童', [
      '今年以来，县福利中心联合民政部门开展关爱行动。',
      '全县13个乡镇开展关爱留守儿童活动，为孩子们送去学习用品。',
    ]),
  ]),
  issue('c', '2025-03-05', [
    article('c', 'museum', '县博物馆改造提升', [
      '二月，县博物馆启动改造。2021年，县博物馆更新了展陈设备，新增展品300件。',
      '县里推动文化企业建设数字展厅，丝路文创、天山数码等数字展厅建成开放。',
      '县纸业公司再生纸项目年产再生纸5万吨，原料来自全县回收的废旧纸箱。',
      '县博物馆地处文化创意集聚区，毗邻高新区。',
    ]),
  ]),
  issue('d', '2025-03-06', [
    article('d', 'village', '青石村发展庭院经济', [
      '青石村属于山区村，共有320户1150人，以种植马铃薯为主。',
      '外地客商看中了青石村的马铃薯，一共订购了200吨。',
      '今年，青石村种植马铃薯3000亩。截至6月底，村里已建成冷库4座。',
      '全省共有3.2万注册护林员，青石村有12名。',
      '青石村的竹编产品销往全国各地。村里的老手艺人来自安徽黄山。',
      '村里举办农民运动会3场，吸引村民600余人次参加。',
      '去年冬季，县城PM10平均浓度为60微克/立方米。',
      '青石村的粉条加工厂建成后，累计生产粉条900吨。',
      '青石村春耕动员会在村委会召开。覃楚杰主持会议。',
      '青石村电商培训班开班，参加培训的村民共40余人。',
      '青石村自2020年起推行垃圾分类，计划2026年底前实现全覆盖。',
      '青石村党员今年认领群众微心愿37件。',
      '青石村光伏电站总投资1200万元，所发电量按每度0.26元收购。',
    ]),
  ]),
  issue('b', '2025-03-08', [
    article('b', 'orchard', '果树修剪技术培训班开班', [
      '3月2日，果树修剪技术培训班在奇台县开班，全县50名果农参加。',
      '此次培训采取集中授课与田间实操相结合的方式，为期5天。',
    ]),
  ]),
];

let engine: SearchEngine;
beforeAll(async () => {
  engine = await createSearchEngine({ issues: issues(), paper: testProfile.paper, profile: testProfile, logger: createSilentLogger(), now: () => new Date('2025-03-10T04:00:00Z') });
});

describe('search outcome for a reader\'s own words', () => {
  it('answers a dimension only with a figure that names it', () => {
    const high = engine.search('东山水库的大坝到底有多高');
    expect(high.outcome).toBe('answer');
    expect(high.results[0]!.excerpt).toContain('80米');
    // 60公里 is a distance, not a height: no figure beside 深 answers how deep.
    expect(engine.search('东山水库有多深').outcome).toBe('related');
  });

  it('reads 今天 as the reader\'s now, not as the issue asked for nor a word of the fact', () => {
    const answer = engine.search('今天东山水库的大坝有多高');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('80米');
  });

  it('does not require a verb the archive never prints (装进来), and finds the figure beside the subject', () => {
    const answer = engine.search('东山水库一年大概能装进来多少水');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('0.8亿立方米');
  });

  it('does not take a figure that counts something else for the count asked', () => {
    // 13个乡镇 counts townships, not children.
    expect(engine.search('县福利中心一共照顾了多少个孩子').outcome).not.toBe('answer');
  });

  it('answers from a sentence that points back to the subject named before it (此次培训)', () => {
    const answer = engine.search('奇台县那个果树培训班用什么方式教果农');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('相结合');
  });

  it('lists the newest issue for a request for the latest reports', () => {
    const answer = engine.search('最新的报道是什么');
    expect(answer.outcome).toBe('answer');
    expect(answer.results.length).toBeGreaterThan(0);
    expect(answer.results.every((r) => r.date === '2025-03-08')).toBe(true);
  });

  it('lists the oldest issue for 最早的一期是哪天, and answers 资料库有多少期报纸 from the archive’s own counts (QA A9)', () => {
    const earliest = engine.search('最早的一期是哪天');
    expect(earliest.outcome).toBe('answer');
    expect(earliest.results.length).toBeGreaterThan(0);
    expect(earliest.results.every((r) => r.date === '2025-03-01')).toBe(true);
    expect(engine.search('资料库有多少期报纸')).toMatchObject({
      outcome: 'answer',
      results: [],
      archive: { issues: 4, earliest: { date: '2025-03-01', dateSource: 'masthead' }, latest: { date: '2025-03-08', dateSource: 'masthead' } },
    });
  });

  it('answers weather talk as chat, never with an article', () => {
    expect(engine.search('今天天气怎么样')).toMatchObject({ outcome: 'none', chat: 'chat', results: [] });
  });

  it('answers a question for a year only with a year, not a month', () => {
    const answer = engine.search('县博物馆是哪一年更新展陈设备的');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('2021年');
  });

  it('takes an enumeration for the answer to a question asking which ones', () => {
    const answer = engine.search('县里有哪些企业建成了数字展厅');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('丝路文创、天山数码');
  });

  it('finds a count in the clause the subject opens (共有320户1150人)', () => {
    const answer = engine.search('青石村有多少人');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('1150人');
  });

  it('takes the reader\'s verb as printed inside the paper\'s word (订 in 订购)', () => {
    const answer = engine.search('外地客商订了多少吨');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('200吨');
  });

  it('reads a measurement in a compound unit and a count in 万 with no measure word', () => {
    expect(engine.search('县城PM10是多少').results[0]!.excerpt).toContain('60微克/立方米');
    expect(engine.search('县城PM10是多少').outcome).toBe('answer');
    const count = engine.search('全省有多少注册护林员');
    expect(count.outcome).toBe('answer');
    expect(count.results[0]!.excerpt).toContain('3.2万');
  });

  it('counts the subject of a verb asked how many times (运动会办了几场)', () => {
    const answer = engine.search('农民运动会办了几场');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('3场');
  });

  it('never gives a relative word (今年) or an as-of date (截至6月底) as the date asked', () => {
    const harvest = engine.search('青石村的马铃薯什么时候收获');
    expect(harvest.direct?.text).not.toBe('今年');
    expect(harvest.outcome).not.toBe('answer');
    const cold = engine.search('青石村的冷库什么时候建成的');
    expect(cold.direct?.text).not.toBe('6月底');
    expect(cold.outcome).not.toBe('answer');
  });

  it('reads 销往全国各地 as where something is sold, and a province without 省', () => {
    const sold = engine.search('青石村的竹编卖到哪');
    expect(sold.outcome).toBe('answer');
    expect(sold.results[0]!.excerpt).toContain('全国各地');
    const province = engine.search('青石村的老手艺人是哪个省的');
    expect(province.outcome).toBe('answer');
    expect(province.results[0]!.excerpt).toContain('安徽');
  });

  it('answers a place question only with a place name, not a kind of area (集聚区)', () => {
    expect(engine.search('县博物馆在哪个区').outcome).not.toBe('answer');
  });

  it('answers a figure asked per day only with a daily figure', () => {
    expect(engine.search('青石村的粉条加工厂一天能生产多少').outcome).not.toBe('answer');
    expect(engine.search('青石村的粉条加工厂一共生产了多少').outcome).toBe('answer');
  });

  it('takes a name jieba does not know for the person asked when it opens a clause with what people do (主持会议)', () => {
    const answer = engine.search('谁主持了青石村春耕动员会');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('覃楚杰');
  });

  it('counts a compound by its first word (培训班 → 参加培训的村民)', () => {
    const answer = engine.search('青石村电商培训班有多少人');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('40余人');
  });

  it('answers when something started with the year it started from (自2020年起), not another year beside it', () => {
    const answer = engine.search('青石村哪年开始搞垃圾分类');
    expect(answer.outcome).toBe('answer');
    expect(answer.direct?.text).toBe('2020年');
  });

  it('takes a count in the paper\'s measure word (件) for a reader\'s 多少个', () => {
    const answer = engine.search('青石村党员认领了多少个微心愿');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('37件');
  });

  it('answers a price per unit only with a figure given per that unit (每度0.26元), not a total', () => {
    const answer = engine.search('青石村光伏电站每度电多少钱');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('0.26元');
    expect(engine.search('青石村光伏电站每吨多少钱').outcome).not.toBe('answer');
  });

  it('reads the question after a greeting and a polite lead-in', () => {
    const answer = engine.search('你好，我想问问东山水库的大坝有多高');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('80米');
  });

  it('says related, never none, for a subject the archive covers when the fact is not printed', () => {
    expect(engine.search('东山水库门票多少钱').outcome).toBe('related');
  });

  it('reads a three-character word printed as its first and last character (原材料 → 原料), and 来自 as where from', () => {
    const answer = engine.search('县纸业公司再生纸项目的原材料从哪里来');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('废旧纸箱');
  });
});

describe('search outcome: counted compounds, the issue\'s years, shared characters', () => {
  let own: SearchEngine;
  beforeAll(async () => {
    own = await createSearchEngine({
      issues: [
        issue('e', '2025-04-02', [
          article('e', 'seeds', '种子库建设取得进展', [
            '省农科院种子库今年扩建完成。',
            '研究团队目前已对2600余份小麦种质资源进行了精准鉴定。',
            '2024年，种子库共接收农户送来的老品种种子85份。',
          ]),
          article('e', 'orchard', '李家苹果园喜获丰收', [
            '李家的苹果园位于县城东边，种植苹果200亩。',
            '2015年，李家从外地引进苹果苗，在荒滩上种下果树。',
            '经过十年管护，如今这片苹果园已进入盛果期。',
            '今年苹果预计收入300万元。',
          ]),
          article('e', 'potato', '青石村马铃薯丰收', [
            '青石村今年种植马铃薯3000亩，长势喜人。',
            '“今年我家种的马铃薯一斤能卖两块钱，比去年多挣了不少。”种植大户覃楚杰说。',
            '村里还建起了冷库，方便村民储存马铃薯。',
          ]),
          article('e', 'oil', '食用油加工车间满负荷生产', [
            '3月7日，位于青石县的宏远粮油食品有限公司生产车间内，工人正在生产线上作业。',
            '该公司食用油每天出货量达300吨，产品销往全国各地。',
          ]),
          article('e', 'lake', '东湖水库建成蓄水', [
            '东湖水库是本市第一座碾压混凝土拱坝。最大坝高80米，坝顶宽6米。',
            '水库建成后可灌溉农田5万亩。',
          ]),
          article('e', 'grain', '全县粮食生产再获丰收', [
            '4月1日，记者从县统计局获悉：去年全县粮食产量达到12万吨，比上年增长5%。',
            '全县推广良种良法，粮食单产稳步提高。',
          ]),
          article('e', 'hall', '县文化馆新馆开馆', [
            '县文化馆新馆建筑面积8000平方米，今天正式开馆。',
            '开馆仪式在新馆广场举行。',
            '当天的开馆演出全程进行网络直播，市民在家也能收看。',
          ]),
        ]),
      ],
      paper: testProfile.paper,
      profile: testProfile,
      logger: createSilentLogger(),
      now: () => new Date('2025-12-10T04:00:00Z'),
    });
  });

  it('takes a figure before a compound noun that ends in the thing counted', () => {
    const answer = own.search('种子库已经鉴定了多少份小麦种质资源');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('2600余份');
  });

  it('reads the reader\'s 去年 as the year before the issue\'s, printed as a figure', () => {
    const answer = own.search('种子库去年收到了多少份种子');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('85份');
  });

  it('answers a stage asked in a reader\'s words with the window that states one', () => {
    const answer = own.search('李家的苹果园长到什么阶段了');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('进入盛果期');
  });

  it('answers who said a quoted fact with the speaker named in the next sentence', () => {
    const answer = own.search('青石村谁家的马铃薯一斤能卖两块钱');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('覃楚杰');
  });

  it('does not count a thing in an ordinal (第一座) nor in a figure of the next sentence (…混凝土拱坝。最大坝高80米)', () => {
    expect(own.search('东湖水库大坝用了多少混凝土').outcome).toBe('related');
  });

  it('takes the company the sentence before names for the subject of 该公司', () => {
    const answer = own.search('哪家公司每天出货300吨');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('宏远粮油食品有限公司');
  });

  it('takes the body a report came from (记者从…获悉) as the one that gave out its figures', () => {
    const answer = own.search('全县的粮食产量数据是哪个部门公布的');
    expect(answer.outcome).toBe('answer');
    expect(answer.results[0]!.excerpt).toContain('县统计局');
  });
});
