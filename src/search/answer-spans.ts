import type { AnswerKind, QuestionAnalysis } from './analyze-question.js';

/** A stretch of (normalised) text that has the shape of the answer asked for. */
export interface AnswerSpan {
  text: string;
  index: number;
}

/** A word jieba tagged in a text (nr person, ns place, nt organisation …). */
export interface TaggedWord {
  word: string;
  tag: string;
}

const NUMBER = '(?:\\d[\\d.,]*|[零〇一二两三四五六七八九十百千]+)';
const FIGURE = `(?:约|近|超过|逾|达|共|总计|合计)?${NUMBER}\\s*(?:余|多)?\\s*(?:万|亿|千|百)?(?:多|余)?`;

// A unit asked for stands for its family: 多高 asks 米 and is answered in 公里 too.
const UNIT_FAMILY: Record<string, string> = {
  米: '米|公里|千米|厘米|毫米|英尺|英里|里',
  公里: '公里|千米|米|英里',
  吨: '吨|公斤|千克|斤|克',
  公斤: '公斤|千克|斤|吨|克',
  元: '元|块|美元|欧元|英镑|日元|港元|港币|新台币',
  岁: '岁|周岁',
  亩: '亩|公顷|平方米|平方公里',
  人: '人|名|位',
  名: '名|人|位',
  // 个 is what a reader says for any measure word: the paper counts the same things in 件, 条, 台 …
  个: '个|家|座|处|所|项|名|人|件|条|台|套|间|批|支|只',
  家: '家|个|户',
  户: '户|家',
  天: '天|日',
  年: '年',
};

const ANY_UNIT =
  '平方公里|平方千米|平方米|立方米|千瓦时|千瓦|兆瓦|微克|毫克|毫升|公里|千米|厘米|毫米|公斤|千克|公顷|小时|分钟|个月|星期|元|块|个|名|户|家|天|年|次|人|套|台|座|所|项|吨|亩|米|岁|倍|条|辆|张|本|篇|件|位|批|场|处|只|头|棵|株|期|届|节|种|支|间|栋|层|架|份|箱|斤|度|周|日|秒|克|部|首|门|%|％';

const TIME_UNIT = new Set(['小时', '分钟', '个月', '星期', '天', '年', '周', '日', '秒']);
const AMOUNT_UNIT = ANY_UNIT.split('|').filter((u) => !TIME_UNIT.has(u)).join('|');

/** What a date span must name to answer a question of that precision (see QuestionAnalysis.dateScale). */
const DATE_SCALE: Record<'year' | 'month' | 'day', RegExp> = {
  year: /\d{2,4}\s*年|[〇零一二三四五六七八九]{4}年|年代|世纪|年间|朝/u,
  month: /月/u,
  day: /[日号]|[上下中]午|晚上|凌晨|早上/u,
};

const DATE =
  /(?:公元前?)?\d{3,4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|[〇零一二三四五六七八九]{4}年(?:[一二三四五六七八九十]{1,2}月)?|\d{1,2}\s*月\s*\d{1,2}\s*[日号](?:上午|下午|晚上|凌晨|中午)?(?:\d{1,2}[时点](?:\d{1,2}分)?)?|\d{1,2}\s*月(?:上旬|中旬|下旬|底|初|份)?|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{0,3}[日号]?|\d{1,2}\s*世纪(?:\d{1,2}0\s*年代)?|\d{2,4}\s*年代|(?:上午|下午|晚上|凌晨|中午|早上)\s*\d{1,2}\s*[时点](?:\s*\d{1,2}\s*分)?|\d{1,2}\s*[时点]\s*\d{1,2}\s*分|(?:春|夏|秋|冬)(?:季|天)|朝|年间/gu;
/** Words before a date that make it the date a figure was counted up to (截至9月初), not when something happened. */
const AS_OF = /(?:截至|截止|截止到|截止至)\s*$/u;
const DURATION = new RegExp(`${FIGURE}\\s*(?:年|个月|天|日|小时|分钟|星期|周|秒|个?昼夜)(?!\\d)|(?:历时|用时|耗时|期间|为期)`, 'gu');
const PERCENT = new RegExp(`${NUMBER}\\s*[%％]|百分之${NUMBER}|${NUMBER}成`, 'gu');
const ORG =
  /[\p{Script=Han}]{2,14}?(?:委员会|办公室|研究院|研究所|研究中心|基金会|联合会|合作社|检察院|法院|政府|公司|集团|学校|小学|中学|大学|学院|医院|协会|学会|银行|中心|局|厅|委|部|署|站|社|馆|厂|所|队|处|科|办)/gu;
const PLACE =
  /[\p{Script=Han}]{1,8}?(?:省|市|县|区|乡|镇|村|路|街|大道|州|河|湖|山|岛|港|湾|城|园区|社区|广场|基地|风区|区域|一带|境内|附近|流域|盆地|沙漠|平原|高原)|位于|坐落|地处|以东|以南|以西|以北|来自|源自|产自|取自|来源于|全国各地|世界各地|海内外|国内外/gu;
/** Provinces and regions, which the paper often names without 省 ("安徽桐城"). */
const PROVINCE = /^(?:北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门)(?:省|市|自治区|特别行政区)?$/u;
const REASON = /因为|由于|原因|为了|因此|所以|导致|造成|旨在|以便|目的|使得|缘于|出于|得益于|是因|因而|鉴于/gu;
const METHOD = /通过|采取|采用|利用|运用|借助|依托|依靠|方式|方法|办法|模式|措施|机制|手段|途径|相结合|实行|实施|推行|推广|方案|技术|系统|平台|形式/gu;
const ROLES =
  '书记|副书记|主任|副主任|局长|县长|市长|州长|镇长|副镇长|乡长|村长|主席|校长|院长|所长|站长|队长|经理|董事长|总经理|总裁|部长|厅长|处长|科长|负责人|代表|委员|专家|教授|研究员|工程师|院士|技术员|老师|医生|记者|干部|村民|居民|农户|队员|党员|志愿者|先生|女士|主播|导演|演员|作家|画家|歌手|运动员|教练|总统|总理|首相|国王|皇帝|创始人|作者';
/** A role and the name printed after it ("副主任、研究员杨作仁", "副镇长侯洪江"). */
const PERSON_ROLE = new RegExp(`(?:${ROLES})(?:[、，,]?(?:${ROLES}))*\\s*([\\p{Script=Han}]{2,3})(?=[，。、；：\\s]|说|表示|介绍|透露|指出|认为|告诉|主持|出席|讲话|带队|$)`, 'gu');

function all(pattern: RegExp, text: string): AnswerSpan[] {
  const out: AnswerSpan[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    out.push({ text: m[0], index: m.index });
  }
  return out;
}

/** The first group of each match (the name after a role). */
function groups(pattern: RegExp, text: string): AnswerSpan[] {
  const out: AnswerSpan[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const g = m[1];
    if (g !== undefined) out.push({ text: g, index: m.index + m[0].length - g.length });
  }
  return out;
}

/** An enumeration: two or more short items joined by 、 (the paper's list separator). */
const LIST = /[\p{Script=Han}A-Za-z0-9]{2,12}(?:、[\p{Script=Han}A-Za-z0-9]{2,12})+/gu;
const LIST_KINDS = new Set<AnswerKind>(['organisation', 'place', 'person']);

/** Patterns built from a question (a template, a unit's family) are compiled once per source. */
const compiled = new Map<string, RegExp>();
function compiledPattern(source: string): RegExp {
  let p = compiled.get(source);
  if (p === undefined) {
    p = new RegExp(source, 'gu');
    compiled.set(source, p);
  }
  return p;
}

/** Units of a count the paper may leave out after 万 or 亿 ("2.37亿注册志愿者"). */
const COUNTED_BARE = new Set(['人', '名', '位', '个', '家', '户']);

function quantityPattern(unit: string | undefined): RegExp {
  // With no unit asked, a figure of time (24小时, 3年) is a duration or a date, not the amount asked.
  const units = unit === undefined ? AMOUNT_UNIT : unit === '%' ? '%|％|成' : (UNIT_FAMILY[unit] ?? unit);
  // A unit per unit (50微克/立方米, 3元/公斤) is one measurement; a count in 万 or 亿 often goes
  // straight on to what it counts (2.37亿注册志愿者): a figure of people or things with no measure word.
  const counted = unit === undefined || COUNTED_BARE.has(unit) ? `|${NUMBER}(?:余|多)?[万亿](?:余|多)?(?=\\p{Script=Han})` : '';
  return compiledPattern(`${FIGURE}\\s*(?:${units})(?:/(?:${AMOUNT_UNIT}))?|百分之${NUMBER}${counted}`);
}

/**
 * The spans of `text` (normalised) that have the shape `analysis` asks for: figures in the unit
 * asked, dates, durations, names of people, organisations and places, words that give a reason or
 * a method. `tag` gives jieba's part-of-speech tags (for names of people and places); kinds with no
 * checkable shape (`yesno`, `other`) have none.
 */
export function answerSpans(analysis: Pick<QuestionAnalysis, 'kind' | 'unit' | 'placeType' | 'dateScale' | 'template' | 'plural' | 'origin'>, text: string, tag: (text: string) => TaggedWord[]): AnswerSpan[] {
  // 哪里人: only a place said to be where someone comes from ("来自安徽", "新疆人", "祖籍河南") answers.
  if (analysis.kind === 'place' && analysis.origin === true) return answerSpans({ ...analysis, origin: false }, text, tag).filter((s) => isOrigin(text, s));
  if (analysis.kind === 'quantity' && analysis.template !== undefined) return all(compiledPattern(analysis.template), text);
  if (analysis.plural && LIST_KINDS.has(analysis.kind)) {
    // "准东宜化、金玉万通等": the paper names several bodies, places or people as a list; its items need not carry a suffix.
    const lists = all(LIST, text);
    if (lists.length > 0) return [...lists, ...answerSpans({ ...analysis, plural: false }, text, tag)];
  }
  const scale = analysis.kind === 'date' && analysis.dateScale !== undefined ? DATE_SCALE[analysis.dateScale] : undefined;
  // A term in quotation marks (“两区”, “五个好”) names a programme or a slogan, not the place or body asked for.
  const spans = spansOf(analysis.kind, analysis.unit, text, tag).filter((s) => scale === undefined || scale.test(s.text)).filter((s) => !/["“「『]$/u.test(text.slice(0, s.index)) || !/^["”」』]/u.test(text.slice(s.index + s.text.length)));
  const type = analysis.placeType;
  return analysis.kind === 'place' && type !== undefined ? spans.filter((s) => isPlaceOfType(s.text, type, tag)) : spans;
}

/** Whether a place span is said to be someone's origin: 来自/出生于/老家/籍贯/祖籍 before it, or 人 right after it. */
function isOrigin(text: string, span: AnswerSpan): boolean {
  const before = text.slice(Math.max(0, span.index - 4), span.index);
  return /(?:来自|出生于|出生在|生于|老家|籍贯|祖籍|家乡)[是在为:：]?$/u.test(before) || /^人(?![员民大口才])/u.test(text.slice(span.index + span.text.length));
}

/**
 * Whether a span names a place of the type asked (哪个区 → 区): a province for 省 even without the
 * suffix ("安徽"), otherwise a name ending in the type whose first part is a name — jieba tags it a
 * place or a person's name (徐汇), or does not know it (土梁, 十三户). A common word before the type
 * (集聚区, 开发区, 核心区, 高新区) makes a kind of area, not the place asked for.
 */
function isPlaceOfType(text: string, type: string, tag: (text: string) => TaggedWord[]): boolean {
  if (type.includes('省') && PROVINCE.test(text)) return true;
  const suffix = Array.from(type).find((t) => text.endsWith(t));
  if (suffix === undefined || Array.from(text).length < 2) return false;
  const whole = tag(text);
  if (whole.length === 1 && /^ns/u.test(whole[0]!.tag)) return true;
  const stem = text.slice(0, text.length - suffix.length).replace(/社$/u, '');
  const last = tag(stem).at(-1);
  return last !== undefined && !COMMON_WORD_TAG.test(last.tag);
}

/** jieba's tags for common words (nouns, verbs, adjectives, adverbs …), as opposed to names (ns, nr, nz, nt) and unknown words (x). */
const COMMON_WORD_TAG = /^(?:n(?![srzt])|v|a|d|b|j|z|l|i|r|c|p|u|f|s|t)/u;

function spansOf(kind: AnswerKind, unit: string | undefined, text: string, tag: (text: string) => TaggedWord[]): AnswerSpan[] {
  switch (kind) {
    case 'quantity':
      // 第一座 is an ordinal (which one), not a count: 第一座碾压混凝土拱坝 says nothing of how much concrete.
      return unit === '%' ? all(PERCENT, text) : all(quantityPattern(unit), text).filter((s) => !text.slice(0, s.index).endsWith('第'));
    case 'date':
      // 今年/去年 are the paper's "now", never a date a reader can use; 截至9月初 dates a tally, not an event.
      return all(DATE, text).filter((s) => !AS_OF.test(text.slice(Math.max(0, s.index - 3), s.index)));
    case 'duration':
      // 2024年 and 7月16日 are dates, not how long something lasted.
      return all(DURATION, text).filter((s) => !/^\d{4}\s*年/u.test(s.text) && !(/日$/u.test(s.text) && /月\s*$/u.test(text.slice(0, s.index))));
    case 'person': {
      // One jieba pass serves the four readings of names (tagging is the costly part, per sentence).
      const words = tag(text);
      const tagged = () => words;
      return [...taggedSpans(text, tagged, /^nr/u), ...groups(PERSON_ROLE, text), ...actingNames(text, tagged), ...speakers(text, tagged), ...namedAfterRole(text, tagged)];
    }
    case 'organisation':
      return [...taggedSpans(text, tag, /^nt/u), ...all(ORG, text)];
    case 'place':
      return [...taggedSpans(text, tag, /^ns/u), ...all(PLACE, text)];
    case 'reason':
      return all(REASON, text);
    case 'method':
      return all(METHOD, text);
    default:
      return [];
  }
}

/** Verbs a person does in news prose right after their name: "李干杰主持会议", "杨作仁介绍". */
const ACTS = /^(?:主持|出席|讲话|说|表示|介绍|指出|强调|宣布|告诉|透露|认为|带队|参加|致辞)/u;

/**
 * Names jieba does not know (tagged x): two or three Han characters opening a clause and followed
 * by what a person does ("李干杰主持会议。"). jieba tags known names nr; unknown ones are only this.
 */
function actingNames(text: string, tag: (text: string) => TaggedWord[]): AnswerSpan[] {
  const out: AnswerSpan[] = [];
  let from = 0;
  for (const t of tag(text)) {
    const at = text.indexOf(t.word, from);
    if (at >= 0) from = at + t.word.length;
    if (at < 0 || t.tag !== 'x' || !/^\p{Script=Han}{2,3}$/u.test(t.word)) continue;
    const opens = at === 0 || /[，。；：、“”\s]/u.test(text[at - 1]!);
    if (opens && ACTS.test(text.slice(at + t.word.length))) out.push({ text: t.word, index: at });
  }
  return out;
}

/** A noun naming what someone is or does (工作人员, 骑手, 种植户, 客商): the news prints the name right after it. */
const ROLE_NOUN = new RegExp(`(?:${ROLES}|人员|员|户|商|手|师)$`, 'u');

/**
 * A name jieba does not know (x), of two or three Han characters, right after a role noun:
 * "管理站工作人员邓宏林负责…", "外卖骑手吴春林来到…". The role says a person is named.
 */
function namedAfterRole(text: string, tag: (text: string) => TaggedWord[]): AnswerSpan[] {
  const out: AnswerSpan[] = [];
  let from = 0;
  let previous: TaggedWord | undefined;
  for (const t of tag(text)) {
    const at = text.indexOf(t.word, from);
    if (at >= 0) from = at + t.word.length;
    if (at >= 0 && t.tag === 'x' && /^\p{Script=Han}{2,3}$/u.test(t.word) && previous !== undefined && /^n/u.test(previous.tag) && ROLE_NOUN.test(previous.word)) out.push({ text: t.word, index: at });
    previous = t;
  }
  return out;
}

/** Verbs that attribute words to a speaker ("…”小麦种植大户刘兵山说。", "王明说："). */
const SAYS = /^(?:说|表示|介绍|告诉记者|坦言|感慨)$/u;

/**
 * The speaker of an attribution: a name jieba does not know (x) or knows (nr), of two or three Han
 * characters, right before a verb of saying that ends the clause or opens the quotation
 * ("小麦种植大户刘兵山说。", "东北客商白海彪说：“…"). The news names whoever said a quoted fact this way.
 */
function speakers(text: string, tag: (text: string) => TaggedWord[]): AnswerSpan[] {
  const out: AnswerSpan[] = [];
  const words = tag(text);
  let from = 0;
  const at: number[] = [];
  for (const t of words) {
    const i = text.indexOf(t.word, from);
    at.push(i);
    if (i >= 0) from = i + t.word.length;
  }
  for (let k = 1; k < words.length; k++) {
    const name = words[k - 1]!;
    const verb = words[k]!;
    if (!SAYS.test(verb.word) || !/^(?:x|nr)/u.test(name.tag) || !/^\p{Script=Han}{2,3}$/u.test(name.word) || at[k - 1]! < 0) continue;
    const next = text.slice(at[k]! + verb.word.length, at[k]! + verb.word.length + 1);
    if (next === '' || /[。，：:“！]/u.test(next)) out.push({ text: name.word, index: at[k - 1]! });
  }
  return out;
}

function taggedSpans(text: string, tag: (text: string) => TaggedWord[], wanted: RegExp): AnswerSpan[] {
  const out: AnswerSpan[] = [];
  let from = 0;
  for (const t of tag(text)) {
    const at = text.indexOf(t.word, from);
    if (at >= 0) from = at + t.word.length;
    if (wanted.test(t.tag) && Array.from(t.word).length >= 2) out.push({ text: t.word, index: at });
  }
  return out;
}

/** Whether a kind is answered only by a span of its shape (the others by the words of the question alone). */
export function hasShape(kind: AnswerKind): boolean {
  return kind !== 'yesno' && kind !== 'other';
}
