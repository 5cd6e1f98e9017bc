import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article, Issue } from '../../src/archive/model.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { parseIssue } from '../../src/ingest/parse-issue.js';
import { accountedText, characterCounts, sourceText } from './support/text-accounting.js';

const seedsDir = fileURLToPath(new URL('../../seeds/', import.meta.url));
const configDir = fileURLToPath(new URL('../../config/', import.meta.url));
const profile = loadProfile(configDir);
const paper = profile.paper;
const files = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const read = (prefix: string) => {
  const file = files.find((f) => f.startsWith(prefix))!;
  return { file, text: readFileSync(seedsDir + file, 'utf8') };
};
const parse = (prefix: string): Issue => {
  const { file, text } = read(prefix);
  return parseIssue(text, file, { paper });
};

/**
 * What a reader lists for each item: [kicker, title, subtitle] for articles with a printed headline,
 * ['photo', first words of the caption] for a photo printed without one.
 */
const listing = (issue: Issue) =>
  issue.articles.map((a) => (a.titleDerived ? ['photo', (a.captions[0] ?? a.paragraphs[0] ?? '').slice(0, 10)] : [a.kicker ?? '', a.title, a.subtitle ?? '']));

const byTitle = (issue: Issue, title: string): Article => {
  const a = issue.articles.find((x) => x.title === title);
  if (!a) throw new Error(`no article titled ${title}; titles: ${issue.articles.map((x) => x.title).join(' | ')}`);
  return a;
};

let issues: Record<string, Issue>;
beforeAll(() => {
  issues = Object.fromEntries(['000', '001', '002', '003', '004'].map((p) => [p, parse(p)]));
});

describe('parseIssue on seed 000 (masthead, ## headlines, kickers above, subtitles below)', () => {
  it('lists the articles a reader would list', () => {
    expect(listing(issues['000']!)).toEqual([
      [
        '奋进强国路 阔步新征程',
        '习近平对社会工作作出重要指示强调 坚定不移走中国特色社会主义社会治理之路 推动新时代社会工作高质量发展 蔡奇出席中央社会工作会议并讲话',
        '',
      ],
      ['', '让学习成为一种生活方式', '2024年昌吉州全民终身学习活动周启动'],
      ['', '准东煤田火区治理持续推进', '一处治理完毕，三处正在施工'],
      ['阜康市千名党员参与基层治理', '点亮困难群众“微心愿”', ''],
      ['高标准建设 高科技护航', '木垒县冬小麦长势喜人', ''],
      ['photo', '11月4日，位于奇台'],
    ]);
  });

  it('reads masthead metadata, not an article', () => {
    const issue = issues['000']!;
    expect(issue).toMatchObject({ date: '2024-11-07', dateSource: 'masthead', number: 12124, weekday: '星期四', lunarDate: '甲辰年十月初七', pageCount: 4 });
    expect(issue.boilerplate).toContain('总第12124期');
    expect(issue.boilerplate).toContain('丝路昌吉客户端');
  });

  it('reads the Xinhua dateline and the 本报讯 bylines', () => {
    const issue = issues['000']!;
    expect(issue.articles[0]).toMatchObject({ dateline: '新华社北京11月6日电', kind: 'news' });
    expect(issue.articles[0]!.paragraphs[0]).toMatch(/^中共中央总书记/);
    expect(byTitle(issue, '让学习成为一种生活方式')).toMatchObject({ dateline: '本报讯', byline: '记者杨雪楠' });
    expect(byTitle(issue, '准东煤田火区治理持续推进').byline).toBe('通讯员余再兴、王富建、王安军');
  });

  it('joins a paragraph broken mid-sentence', () => {
    const body = issues['000']!.articles[0]!.paragraphs;
    expect(body[0]).toContain('抓好党建引领基层治理和基层政权建设；');
    expect(body).toHaveLength(6);
  });

  it('makes the captioned photo at the end a photo item whose two-paragraph caption is searchable', () => {
    const photo = issues['000']!.articles[5]!;
    expect(photo).toMatchObject({ kind: 'photo', titleDerived: true, byline: '□本报记者 何龙摄', paragraphs: [] });
    expect(photo.captions).toHaveLength(1);
    expect(photo.captions[0]).toContain('车辆正在灌装液体二氧化碳');
    expect(photo.captions[0]).toContain('每年节能减碳15万吨');
    // The wheat article ends where the photo starts.
    expect(byTitle(issues['000']!, '木垒县冬小麦长势喜人').paragraphs.at(-1)).toMatch(/40万亩冬小麦长势良好。$/);
  });
});

describe('parseIssue on seed 001 (plain text headline groups)', () => {
  it('lists the articles a reader would list', () => {
    expect(listing(issues['001']!)).toEqual([
      [
        '新春新气象好开局',
        '昌吉州创新实施“七大行动”开启社会工作新篇章',
        '实施“筑基固本”行动，夯实基层基础... 实施“护航服务”行动，优化营商环境... 实施“创新提能”行动，激活治理效能... 实施“减负赋能”行动，减轻基层负担... 实施“解忧汇智”行动，回应群众期盼... 实施“素质提升”行动，建强基层力量... 实施“志愿增效”行动，助力服务提质',
      ],
      ['解析基因库奥秘 打造未来“超级棉种”', '自治区一重大科技专项在昌启动', ''],
      ['', '全时段生产保障农资供应', '——吉木萨尔县真富滴灌带厂见闻'],
      ['', '志愿服务 暖人心', ''],
      ['发展全过程人民民主 开创人大工作新局面', '以改革之笔书写为民答卷', '——昌吉市人大常委会全过程人民民主实践基地建设亮点扫描'],
      ['photo', '3月7日，位于吉木萨'],
    ]);
  });

  it('reads the list of items between the headline and the 本报讯 lead as its deck, so the body starts at the lead', () => {
    const a = issues['001']!.articles[0]!;
    expect(a.subtitle).toMatch(/^实施“筑基固本”行动，夯实基层基础\.\.\. .*助力服务提质$/);
    expect(a.paragraphs[0]).toMatch(/^社会工作党和国家工作的重要组成部分/);
    expect(a.paragraphs[1]).toMatch(/^实施“筑基固本”行动，夯实基层基础。/);
    expect(a).toMatchObject({ dateline: '本报讯', byline: '通讯员张佳', kind: 'news' });
  });

  it('reads □ bylines under —— subtitles as features', () => {
    expect(byTitle(issues['001']!, '全时段生产保障农资供应')).toMatchObject({ byline: '□本报记者 杨鹤', kind: 'feature' });
    expect(byTitle(issues['001']!, '以改革之笔书写为民答卷').byline).toBe('□本报通讯员 白珂 杨淑花');
  });

  it('makes 志愿服务 暖人心 a photo item with its printed headline', () => {
    const photo = byTitle(issues['001']!, '志愿服务 暖人心');
    expect(photo).toMatchObject({ kind: 'photo', titleDerived: false, byline: '□本报记者 何龙摄' });
    expect(photo.captions[0]).toMatch(/^3月4日，志愿者和昌吉厚德康养老院的老人聊天。/);
  });

  it('ignores the stray line holding a single space', () => {
    const a = byTitle(issues['001']!, '以改革之笔书写为民答卷');
    expect(a.paragraphs.some((p) => p.startsWith('充分发挥昌吉市人大常委会'))).toBe(true);
    expect(a.paragraphs.every((p) => p.trim() === p && p !== '')).toBe(true);
  });
});

describe('parseIssue on seed 002 (hard-wrapped column, headlines printed after the articles)', () => {
  it('lists the articles a reader would list', () => {
    expect(listing(issues['002']!)).toEqual([
      ['高质量发展看昌吉', '奋楫破浪启新程 行稳致远谱新篇', '——昌吉州党委社会工作部成立一周年工作纪实'],
      ['在海拔1550米至2350米的山脊上建设87台风机', '昌吉州海拔最高山地风电项目加快建设', ''],
      ['推进中华民族共同体建设怎么干 践行“民政为民、民政爱民”理念', '在推进中华民族共同体建设中展现民政担当作为', ''],
      ['', '昌吉综合试验基地获批国家级野外科学观测站', ''],
      ['昌吉市', '秋延晚蔬菜陆续端上市民餐桌', ''],
      ['状似鸡心 甜如冰糖', '呼图壁香妃海棠走俏市场', ''],
    ]);
  });

  it('keeps in-article section heads inside the feature', () => {
    const feature = issues['002']!.articles[0]!;
    expect(feature.byline).toBe('□本报记者 荷苒·马汗 通讯员 马卓勋');
    expect(feature.paragraphs).toContain('激活红色动能 新兴领域党建工作“提质扩面”');
    expect(feature.paragraphs).toContain('践行为民宗旨 服务群众增进福祉“提档升温”');
    expect(feature.paragraphs[0]).toMatch(/^社会工作是党和国家工作的重要组成部分，事关党长期执政/);
  });

  it('attaches each headline printed at the end to its article by content', () => {
    const issue = issues['002']!;
    expect(byTitle(issue, '昌吉州海拔最高山地风电项目加快建设').paragraphs[0]).toMatch(/^连日来，位于木垒县大石头风区/);
    expect(byTitle(issue, '昌吉综合试验基地获批国家级野外科学观测站').paragraphs[0]).toMatch(/^近日，农业农村部印发/);
    expect(byTitle(issue, '秋延晚蔬菜陆续端上市民餐桌').paragraphs[0]).toMatch(/^眼下，黄瓜等秋延晚蔬菜/);
    expect(byTitle(issue, '呼图壁香妃海棠走俏市场').paragraphs[0]).toMatch(/^初秋时节，呼图壁县4079亩海棠果/);
  });

  it('finds the start of the 民政局 article, which has no 本报讯 line', () => {
    const issue = issues['002']!;
    const civil = byTitle(issue, '在推进中华民族共同体建设中展现民政担当作为');
    expect(civil.paragraphs[0]).toMatch(/^近年来，昌吉州民政局坚决扛牢政治责任/);
    expect(civil.paragraphs.at(-1)).toMatch(/为推进中华民族共同体建设作出积极贡献。$/);
    expect(civil).toMatchObject({ byline: '□昌吉州民政局', kind: 'feature' });
    const wind = byTitle(issue, '昌吉州海拔最高山地风电项目加快建设');
    expect(wind.paragraphs.at(-1)).toMatch(/上半年发电量超过140亿千瓦时。$/);
    expect(wind.paragraphs.join('')).not.toContain('民政局');
  });

  it('attaches the captions printed at the end to the articles they show', () => {
    const issue = issues['002']!;
    expect(byTitle(issue, '昌吉州海拔最高山地风电项目加快建设').captions).toEqual(['无人机镜头里的中电神火自备绿电替代风电项目建设现场。 □赵阳摄']);
    expect(byTitle(issue, '呼图壁香妃海棠走俏市场').captions[0]).toMatch(/^在呼图壁县天府苗木农民种植专业合作社的千亩香妃海棠种植基地，工人们穿梭其间，忙碌采摘。/);
  });

  it('undoes hard wraps, OCR spaces and spaces around digits', () => {
    const text = issues['002']!.articles.flatMap((a) => a.paragraphs).join('\n');
    expect(text).toContain('特困人员基本生活救助保障标准增幅21.8%');
    expect(text).toContain('已完善30个“红色驿站”和7个“司机之家”');
    expect(text).toContain('截至2025年8月，全州社区工作者持证比例达到29.66%');
    expect(text).toContain('玛纳斯县首家社工人才工作室——益家教育工作室成立于2024年9月。');
    // No paragraph starts with the broken-off end of a word.
    for (const fragment of ['众。一年来', '引擎”标杆', '地见效的亮眼成果', '救助暂行办法》', '试种植生姜']) expect(text).not.toContain(`\n${fragment}`);
    expect(text).toContain('党的最大政治优势是密切联系群众。');
  });
});

describe('parseIssue on seed 003 (#/##/### markdown, bold 本报讯, ASCII punctuation)', () => {
  it('lists the articles a reader would list', () => {
    expect(listing(issues['003']!)).toEqual([
      ['', '谱写新时代社会工作高质量发展新篇章', '——党的十八大以来社会工作成就综述'],
      ['', '昌吉州全域旅游培训班在福州开班', ''],
      ['', '昌吉州融媒体中心举办首期网络主播培训班', ''],
      ['庭州大地庆丰收', '吉木萨尔县北庭镇新苗吐翠满眼绿 万亩良田绘“丰”景', ''],
      ['落实安全责任 推动安全发展', '昌吉州检验检测中心特检所举办岗位大练兵技术比武活动', ''],
      ['photo', '10月27日，新疆准'],
      ['高质量发展看昌吉', '引一库水润泽一方人', '——见证石门子水库24年的变迁'],
    ]);
  });

  it('keeps ### section heads inside the Xinhua article and reads its closing dateline', () => {
    const a = issues['003']!.articles[0]!;
    expect(a.paragraphs).toContain('擘画蓝图、锚定航向，确保新时代社会工作行稳致远');
    expect(a.paragraphs).toContain('夯基固本、服务群众，制度优势持续转化为治理效能');
    expect(a).toMatchObject({ byline: '□新华社记者', dateline: '新华社北京11月4日电', signoff: '（新华社北京11月4日电）', kind: 'feature' });
    expect(a.paragraphs.at(-1)).toMatch(/作出新的更大贡献。$/);
  });

  it('reads **本报讯** leads with ASCII colons and commas', () => {
    const a = byTitle(issues['003']!, '昌吉州全域旅游培训班在福州开班');
    expect(a).toMatchObject({ dateline: '本报讯', byline: '通讯员钟丽萍', lead: '本报讯 通讯员钟丽萍报道：' });
    expect(a.paragraphs[0]).toMatch(/^11月4日，“丝路同源·智慧闽昌”/);
  });

  it('makes the □李洋摄 photo a photo item and keeps the feature after it whole', () => {
    const issue = issues['003']!;
    expect(issue.articles[5]).toMatchObject({ kind: 'photo', byline: '□李洋摄' });
    expect(byTitle(issue, '昌吉州检验检测中心特检所举办岗位大练兵技术比武活动').paragraphs).toHaveLength(2);
    expect(byTitle(issue, '引一库水润泽一方人')).toMatchObject({ byline: '□本报记者 王薇', kind: 'feature' });
  });

  it('warns about an article that ends mid-sentence instead of joining it to the next headline', () => {
    const issue = issues['003']!;
    expect(byTitle(issue, '昌吉州全域旅游培训班在福州开班').paragraphs.at(-1)).toMatch(/内容。并$/);
    expect(issue.warnings.some((w) => w.includes('昌吉州全域旅游培训班在福州开班') && w.includes('mid-sentence'))).toBe(true);
  });
});

describe('parseIssue on seed 004 (banner kicker, <sub>, two-paragraph caption)', () => {
  it('lists the articles a reader would list', () => {
    expect(listing(issues['004']!)).toEqual([
      ['全面深入学习贯彻贯彻党的二十大精神', '昌吉州生态环境质量持续改善', '去年大气约束性指标任务全面完成'],
      ['photo', '3月12日，呼图壁县'],
      ['', '昌吉州推广社区“居民恳谈日”活动', '以社区议事协商求解基层治理“最大公约数”'],
      ['', '自治州十三届政协八次常委会会议召开', ''],
      ['', '昌吉州“两区”建设及高新技术企业企业发展研修班在上海开班', ''],
    ]);
  });

  it('strips <sub> and keeps its text', () => {
    expect(issues['004']!.articles[0]!.paragraphs[0]).toContain('昌吉市PM2.5平均浓度为50微克/立方米');
  });

  it('makes a photo item of a caption spanning two paragraphs', () => {
    const photo = issues['004']!.articles[1]!;
    expect(photo).toMatchObject({ kind: 'photo', byline: '本报记者 陶维明摄' });
    expect(photo.captions[0]).toMatch(/^3月12日，呼图壁县石梯子乡，大批灰鹤/);
    expect(photo.captions[0]).toContain('野生动植物的数量和种类持续增加。');
  });
});

describe('parseIssue on all seeds', () => {
  it('starts no article body with a headline or masthead line', () => {
    for (const issue of Object.values(issues)) {
      const heads = new Set(issue.articles.flatMap((a) => [a.kicker, a.titleDerived ? undefined : a.title, a.subtitle, a.byline]).filter(Boolean));
      for (const a of issue.articles) {
        const first = a.paragraphs[0] ?? a.captions[0] ?? '';
        expect(heads.has(first), `${issue.file}: ${a.title}`).toBe(false);
        expect(issue.boilerplate.includes(first), `${issue.file}: ${a.title}`).toBe(false);
        expect(first).not.toMatch(/^(本报讯|新华社\S+电|□|——)/);
      }
    }
  });

  it('gives every article a headline, derived ones flagged', () => {
    for (const issue of Object.values(issues)) {
      for (const a of issue.articles) {
        expect(a.title.length).toBeGreaterThan(0);
        if (a.titleDerived) expect(a.kind).toBe('photo');
      }
    }
  });

  it('loses no character: every character is in exactly one article field or the boilerplate', () => {
    // Compare as multisets, up to full-/half-width (NFKC) and whitespace; markdown marks and HTML tags are markup.
    for (const file of files) {
      const raw = readFileSync(seedsDir + file, 'utf8');
      const issue = parseIssue(raw, file, { paper });
      expect(characterCounts(accountedText(issue)), file).toEqual(characterCounts(sourceText(raw)));
    }
  });

  it('gives the same ids when a file is parsed twice, unique and fit for deep links', () => {
    for (const file of files) {
      const text = readFileSync(seedsDir + file, 'utf8');
      const a = parseIssue(text, file, { paper });
      const b = parseIssue(text, file, { paper });
      expect(b.id).toBe(a.id);
      expect(b.articles.map((x) => x.id)).toEqual(a.articles.map((x) => x.id));
      expect(a.id).toMatch(/^[0-9a-f]{8}$/);
    }
    const all = Object.values(issues).flatMap((i) => i.articles.map((a) => a.id));
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[A-Za-z0-9_-]{1,24}$/);
    for (const issue of Object.values(issues)) for (const a of issue.articles) expect(a.issueId).toBe(issue.id);
  });

  it('dates the undated seeds plausibly and flags them inferred', () => {
    const expected: Record<string, [string, string]> = {
      '001': ['2025-03-04', '2025-03-12'],
      '002': ['2025-09-01', '2025-09-10'],
      '003': ['2024-11-04', '2024-11-08'],
      '004': ['2023-03-23', '2023-03-31'],
    };
    for (const [prefix, [from, to]] of Object.entries(expected)) {
      const issue = issues[prefix]!;
      expect(issue.dateSource, prefix).toBe('inferred');
      expect(issue.date >= from && issue.date <= to, `${prefix}: ${issue.date}`).toBe(true);
      expect(issue.warnings.some((w) => w.startsWith('date inferred'))).toBe(true);
    }
  });

  it('infers the date the masthead prints when the masthead is removed', () => {
    const { file, text } = read('000');
    const withoutMasthead = text.split('\n').slice(27).join('\n');
    expect(parseIssue(withoutMasthead, file, { paper })).toMatchObject({ date: '2024-11-07', dateSource: 'inferred' });
  });
});
