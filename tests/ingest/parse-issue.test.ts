import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PaperConfig } from '../../src/config.js';
import { parseIssue } from '../../src/ingest/parse-issue.js';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url)), 'utf8');
const paper: PaperConfig = {
  name: '昌吉日报',
  nameLatin: 'CHANGJI RIBAO',
  timeZone: 'Asia/Shanghai',
  mastheadMarkers: ['丝路昌吉客户端', '主管主办', '日报社出版', '国内统一刊号', '邮发代号', 'CHANGJI RIBAO'],
};
const heads = (text: string) => parseIssue(text, 'x.txt', { paper }).articles.map((a) => [a.kicker ?? '', a.title, a.subtitle ?? '']);

describe('parseIssue', () => {
  it('attaches a headline printed after its article', () => {
    const issue = parseIssue(fixture('headlines-after.txt'), 'headlines-after.txt', { paper });
    expect(issue.articles.map((a) => [a.kicker, a.title, a.paragraphs[0]!.slice(0, 8)])).toEqual([
      ['葡萄酒文化节', '玛纳斯县葡萄酒文化节开幕', '5月10日，玛纳'],
      ['油菜花海迎客来', '江布拉克万亩花田进入盛花期', '近日，奇台县江布'],
      ['送戏下乡暖民心', '吉木萨尔县文化馆演出一百二十场', '近年来，吉木萨尔'],
    ]);
    expect(issue.articles.every((a) => !a.titleDerived)).toBe(true);
  });

  it('splits off an article that has no start marker, where its own headline matches', () => {
    const issue = parseIssue(fixture('headlines-after.txt'), 'headlines-after.txt', { paper });
    const flowers = issue.articles[1]!;
    const culture = issue.articles[2]!;
    expect(flowers.paragraphs).toHaveLength(2);
    expect(culture).toMatchObject({ byline: '□吉木萨尔县文化馆', kind: 'feature' });
    expect(culture.paragraphs).toHaveLength(2);
    expect(issue.boilerplate).toEqual([]);
  });

  it('attaches a caption printed apart to the article it shows', () => {
    const issue = parseIssue(fixture('headlines-after.txt'), 'headlines-after.txt', { paper });
    expect(issue.articles[1]!.captions).toEqual(['游客在江布拉克景区油菜花田拍照。 □张强摄']);
    expect(issue.articles.some((a) => a.kind === 'photo')).toBe(false);
  });

  it('reads kickers above and subtitles below markdown headings', () => {
    expect(heads(fixture('markdown-groups.txt'))).toEqual([
      ['全面推进乡村振兴', '呼图壁县设施农业提质增效', '全县新建温室大棚三百座'],
      ['高标准建设 高效益产出', '奇台县春播工作有序推进', ''],
      ['', '奇台县一处农田里，农机手驾驶播种机作业', ''],
      ['', '一座水库的变迁', '——记者走进石城子水库'],
    ]);
  });

  it('reads bold 本报讯 leads, half-width punctuation and <sub> tags', () => {
    const a = parseIssue(fixture('markdown-groups.txt'), 'm.txt', { paper }).articles[0]!;
    expect(a).toMatchObject({ dateline: '本报讯', byline: '记者赵敏', lead: '本报讯 记者赵敏报道：', kind: 'news' });
    expect(a.paragraphs[0]).toBe('4月2日，记者从呼图壁县农业农村局获悉，今年全县新建温室大棚三百座，种植蔬菜、瓜果等二十余个品种。');
    expect(a.paragraphs[1]).toContain('PM2.5监测设备');
  });

  it('makes a captioned photo after a layout break a photo item with a derived title', () => {
    const photo = parseIssue(fixture('markdown-groups.txt'), 'm.txt', { paper }).articles[2]!;
    expect(photo).toMatchObject({ kind: 'photo', titleDerived: true, byline: '□本报记者 孙立摄', paragraphs: [] });
    expect(photo.captions).toEqual(['4月3日，奇台县一处农田里，农机手驾驶播种机作业。']);
  });

  it('keeps a deeper heading inside its article and reads a closing dateline', () => {
    const a = parseIssue(fixture('markdown-groups.txt'), 'm.txt', { paper }).articles[3]!;
    expect(a.paragraphs).toEqual([
      '石城子水库建成二十年来，灌溉农田十万亩，保障了下游群众用水。',
      '从土坝到智慧水库',
      '如今，水库装上了智能监测平台，水位、渗流等数据实时上传。',
      '管理站工作人员说，以前巡检全靠人工，现在一块屏幕就能看清大坝状况。',
    ]);
    expect(a).toMatchObject({ byline: '□本报记者 周平', dateline: '新华社乌鲁木齐4月1日电', signoff: '（新华社乌鲁木齐4月1日电）', kind: 'feature' });
  });

  it('undoes the hard wraps of a narrow column and keeps its section heads in the article', () => {
    const issue = parseIssue(fixture('hard-wrapped.txt'), 'hard-wrapped.txt', { paper });
    expect(issue.articles).toHaveLength(1);
    const a = issue.articles[0]!;
    expect([a.title, a.subtitle, a.byline]).toEqual(['砥砺奋进谱新篇 文旅融合开新局', '——昌吉州文旅融合发展纪实', '□本报记者 刘洋']);
    expect(a.paragraphs).toEqual([
      '文化和旅游是幸福产业。近年来，昌吉州坚持以文塑旅、以旅彰文，推动文旅产业高质量发展，全州接待游客人数逐年增长，文旅市场持续升温。',
      '打造精品线路 文旅融合走深走实',
      '昌吉州推出天山北坡精品旅游线路，串联起江布拉克、北庭故城等景区，游客在一条线路上就能领略“大美新疆”的魅力。截至2025年8月27日，全州接待游客人次同比增长18%，旅游收入达到百亿元。记者在景区看到，游客排队乘坐观光车，一派繁忙景象。',
      '丰富文化供给 惠民服务提档升级',
      '今年以来，全州特困人员基本生活救助标准增幅21.8%，完善30个文化驿站，开展惠民演出百余场，预计11月底前完成全部场馆改造。',
    ]);
  });

  it('parses a BOM + CRLF file exactly like the LF file', () => {
    for (const name of ['markdown-groups.txt', 'hard-wrapped.txt', 'headlines-after.txt']) {
      const lf = fixture(name);
      const crlf = `\uFEFF${lf.replace(/\n/g, '\r\n')}`;
      expect(parseIssue(crlf, name, { paper })).toEqual(parseIssue(lf, name, { paper }));
    }
  });

  it('takes the date from a manifest entry over the text, flagged manifest', () => {
    const text = fixture('hard-wrapped.txt');
    expect(parseIssue(text, 'h.txt', { paper }).dateSource).toBe('inferred');
    const issue = parseIssue(text, 'h.txt', { paper, manifest: { date: '2025-09-03', number: 12300 } });
    expect(issue).toMatchObject({ date: '2025-09-03', dateSource: 'manifest', number: 12300 });
  });

  it('prefers a printed masthead date to the manifest, with a warning', () => {
    const text = `${fixture('masthead-only.txt')}\n\n${fixture('markdown-groups.txt')}`;
    const issue = parseIssue(text, 'm.txt', { paper, manifest: { date: '2024-01-01' } });
    expect(issue).toMatchObject({ date: '2024-11-08', dateSource: 'masthead', number: 12125, weekday: '星期五', pageCount: 4 });
    expect(issue.warnings.some((w) => w.includes('2024-01-01'))).toBe(true);
  });

  it('finds no articles in a masthead-only file and keeps its lines as boilerplate', () => {
    const issue = parseIssue(fixture('masthead-only.txt'), 'masthead-only.txt', { paper });
    expect(issue.articles).toEqual([]);
    expect(issue.boilerplate).toContain('总第12125期');
    expect(issue.date).toBe('2024-11-08');
  });

  it('uses the fallback date, with a warning, when nothing gives one', () => {
    const issue = parseIssue(fixture('headlines-after.txt'), 'h.txt', { paper, fallbackDate: '2025-06-01' });
    expect(issue).toMatchObject({ date: '2025-06-01', dateSource: 'inferred' });
    expect(issue.warnings.some((w) => w.includes('no date'))).toBe(true);
  });

  it('takes a short line ending in ？ above a lead for a headline', () => {
    const text = '## 上一篇\n\n本报讯 记者王明报道：会议召开。\n\n如何破解“小马拉大车”？\n\n本报讯 记者李华报道：近日，全县开展减负行动。\n';
    expect(heads(text)).toEqual([
      ['', '上一篇', ''],
      ['', '如何破解“小马拉大车”？', ''],
    ]);
  });

  it('reads a deck printed between the headline and the 本报讯 lead as headline matter, not the first paragraph', () => {
    const deck = '实施“筑基固本”行动，夯实基层基础... 实施“护航服务”行动，优化营商环境... 实施“志愿增效”行动，助力服务提质';
    const text = `新春新气象好开局\n\n昌吉州开启社会工作新篇章\n\n${deck}\n\n本报讯 通讯员张佳报道：社会工作是党和国家工作的重要组成部分。\n\n实施“筑基固本”行动，夯实基层基础。全州加强党的建设。\n`;
    const a = parseIssue(text, 'deck.txt', { paper }).articles[0]!;
    expect(a).toMatchObject({ kicker: '新春新气象好开局', title: '昌吉州开启社会工作新篇章', subtitle: deck, lead: '本报讯 通讯员张佳报道：' });
    expect(a.paragraphs).toEqual(['社会工作是党和国家工作的重要组成部分。', '实施“筑基固本”行动，夯实基层基础。全州加强党的建设。']);
  });

  it('adds a deck under a —— subtitle to that subtitle', () => {
    const deck = '灌溉农田十万亩，保障春耕用水…带动农户三千户，户均增收五千元…建成景区一处，年接待游客十万人次';
    const text = `## 一座水库的变迁\n\n——记者走进石城子水库\n\n${deck}\n\n本报讯 记者周平报道：石城子水库建成二十年来，灌溉农田十万亩。\n`;
    const a = parseIssue(text, 'deck2.txt', { paper }).articles[0]!;
    expect(a.subtitle).toBe(`——记者走进石城子水库 ${deck}`);
    expect(a.paragraphs).toEqual(['石城子水库建成二十年来，灌溉农田十万亩。']);
  });

  it('strips the 【】, 〖〗 or [] printed around a headline line', () => {
    const text = [
      '【奇台县江布拉克景区冬季游启动】',
      '本报讯 记者王明报道：12月1日，江布拉克景区冬季游启动，首日接待游客三千人次。',
      '〖冬季游，游客纷至沓来〗',
      '本报讯 记者李华报道：景区推出滑雪、冰雕等十余个项目。',
      '[玛纳斯县葡萄酒文化节开幕]',
      '文化节期间，三十多家酒庄参加展销，吸引游客五万余人次。',
    ].join('\n\n');
    const issue = parseIssue(text, 'brackets.txt', { paper });
    expect(issue.articles.map((a) => [a.title, a.titleDerived])).toEqual([
      ['奇台县江布拉克景区冬季游启动', false],
      ['冬季游，游客纷至沓来', false],
      ['玛纳斯县葡萄酒文化节开幕', false],
    ]);
  });

  it('keeps 【】 around body text and inside a headline', () => {
    const text = '## 【新春走基层】送戏下乡暖民心\n\n【记者手记】近年来，文化馆坚持送戏下乡，全年演出一百二十场。\n';
    const a = parseIssue(text, 'inner.txt', { paper }).articles[0]!;
    expect(a.title).toBe('【新春走基层】送戏下乡暖民心');
    expect(a.paragraphs).toEqual(['【记者手记】近年来，文化馆坚持送戏下乡，全年演出一百二十场。']);
  });

  it('reads a 文/图 credit line as a byline', () => {
    const issue = parseIssue('走进石城子水库\n\n文/图 本报记者 周平\n\n石城子水库建成二十年来，灌溉农田十万亩。\n', 'w.txt', { paper });
    expect(issue.articles[0]).toMatchObject({ title: '走进石城子水库', byline: '文/图 本报记者 周平', kind: 'feature' });
  });

  it('opens an article with a byline printed without a headline', () => {
    const issue = parseIssue('## 上一篇\n\n本报讯 记者王明报道：会议召开。\n\n□吉木萨尔县文化馆\n\n近年来，文化馆坚持送戏下乡，全年演出一百二十场。\n', 'b.txt', { paper });
    expect(issue.articles).toHaveLength(2);
    expect(issue.articles[1]).toMatchObject({ byline: '□吉木萨尔县文化馆', titleDerived: true, kind: 'feature' });
  });

  it('derives a title from the lead sentence of an article printed without a headline', () => {
    const issue = parseIssue('本报讯 记者王明报道：5月10日，玛纳斯县葡萄酒文化节开幕，三十多家酒庄参加展销。\n\n文化节期间吸引游客五万余人次。\n', 'n.txt', { paper });
    expect(issue.articles).toHaveLength(1);
    expect(issue.articles[0]).toMatchObject({ title: '玛纳斯县葡萄酒文化节开幕，三十多家酒庄参加展销', titleDerived: true, kind: 'news' });
    expect(issue.warnings.some((w) => w.includes('no printed headline'))).toBe(true);
  });

  it('names the issue and its articles with short stable ids', () => {
    const a = parseIssue(fixture('markdown-groups.txt'), 'same-name.txt', { paper });
    const again = parseIssue(fixture('markdown-groups.txt'), 'same-name.txt', { paper });
    expect(again.id).toBe(a.id);
    expect(again.articles.map((x) => x.id)).toEqual(a.articles.map((x) => x.id));
    expect(a.id).toMatch(/^[0-9a-f]{8}$/);
    const other = parseIssue(fixture('markdown-groups.txt'), 'other-name.txt', { paper });
    expect(other.articles[0]!.id).not.toBe(a.articles[0]!.id);
  });

  it('keeps pages of the same name in different day folders apart (the path under SEEDS_DIR is the identity)', () => {
    const a = parseIssue(fixture('markdown-groups.txt'), '2024/11/07/01.txt', { paper });
    const b = parseIssue(fixture('markdown-groups.txt'), '2024/11/08/01.txt', { paper });
    expect(a.file).toBe('2024/11/07/01.txt');
    expect(b.id).not.toBe(a.id);
    expect(b.articles[0]!.id).not.toBe(a.articles[0]!.id);
  });

  it('gives distinct ids to two articles that open with the same words', () => {
    const body = '本报讯 记者王明报道：会议召开。会议强调要抓好落实。\n\n';
    const issue = parseIssue(`## 第一条\n\n${body}## 第二条\n\n${body}`, 'dup.txt', { paper });
    expect(issue.articles).toHaveLength(2);
    expect(issue.articles[0]!.id).not.toBe(issue.articles[1]!.id);
  });
});
