import { normalizeForMatch } from '../text/normalize-for-match.js';
import type { TaggedWord } from './answer-spans.js';
import { expectedEvidenceOf, type ExpectedEvidence } from './expected-evidence.js';

/**
 * What kind of answer a question asks for. `other` is a "what" question whose answer has no shape
 * we can check (什么心愿, 主要干什么用); `yesno` is answered by any sentence that states the fact.
 */
export type AnswerKind = 'quantity' | 'date' | 'duration' | 'person' | 'organisation' | 'place' | 'reason' | 'method' | 'yesno' | 'other';

/** A question read for the shape of its answer (see analyzeQuestion). */
export interface QuestionAnalysis {
  kind: AnswerKind;
  /** The kinds of place a place question names (哪个区 → 区, 哪条路 → 路, 哪些省市 → 省市): the answer is a name ending in one of them. */
  placeType?: string;
  /** The unit a quantity question names (多少亩 → 亩, 几块钱 → 元), normalised. */
  unit?: string;
  /**
   * The words naming the attribute asked about, next to the question word: 电话 of "电话是多少",
   * 成立 of "哪一年成立的", 全长 of "全长多少公里". An answer must hold one of them (or a synonym).
   */
  attribute: string[];
  /** Time words that only place the question in the reader's "now" (今天, 现在, 最近): context, not content. */
  context: string[];
  /**
   * What the answer must also say when the question says it: a year (2023年, 明年, 去年) or an
   * ordinal (第二期, 二期) narrows the fact asked; a report of another year or another edition does not answer.
   */
  constraints: string[][];
  /** Words of the question that carry nothing to match (开始, 一共, 什么时候's 时候): not part of its subject. */
  ignored: string[];
  /**
   * For a question asking a dimension (多高, 多长, 多深, 多远): the ways the paper names it ("110米高",
   * "坝高110米", "海拔1550米", "全长40公里"). A figure in metres answers only beside one of them.
   */
  dimension?: string[];
  /**
   * For a figure asked inside a name (国几排放标准, 第几届): the answer is that name with a numeral in
   * place of 几 (国六排放, 第三届), as a regular expression source.
   */
  template?: string;
  /** 哪些/哪几/有哪: several answers are asked for, so an enumeration (A、B、C) is an answer of the kind asked. */
  plural?: boolean;
  /** A quantity asked per day, month or year (一天能生产多少, 每年来水量): the figure must be given per that period. */
  rate?: Period;
  /** A figure asked per unit of something (每度电多少钱, 每户多少钱 → 度, 户): the paper gives it as 元/度, 每户, 户均. */
  perUnit?: string;
  /** A date question about a start (哪年开始, 什么时候起): "自2021年起", "2019年以来" answer it best. */
  asksStart?: boolean;
  /** For a "what" question asking a purpose (干什么用) or a stage (到什么阶段): what the answering window must state. */
  expects?: ExpectedEvidence;
  /** 哪里人, 老家在哪: a person's origin is asked, which only a place said to be where they come from answers (来自…, …人). */
  origin?: boolean;
  /** How precise a date question is: 哪一年 asks a year, 哪个月 a month, 哪天/几号 a day ("二月" does not answer 哪一年). */
  dateScale?: DateScale;
}

export type DateScale = 'year' | 'month' | 'day';
export type Period = 'year' | 'month' | 'day';

function rateOf(q: string): Period | undefined {
  if (/每天|每日|一天|日均|一昼夜/u.test(q)) return 'day';
  if (/每月|一个月|月均/u.test(q)) return 'month';
  if (/每年|一年(?!多|半|级)|年均|全年/u.test(q)) return 'year';
  return undefined;
}

const NUMERAL = '[零〇一二两三四五六七八九十百\\d]+';

/** 国几排放标准 → 国[numeral]排; 第几届 → 第[numeral]届. Only where 几 sits inside a name (glued to the character before it). */
function templateOf(q: string, unitAfter: string | undefined): string | undefined {
  const m = /(\p{Script=Han})几(\p{Script=Han})?/u.exec(q);
  if (m === null) return undefined;
  const [, left, right] = m;
  if (/[是有了的多好十这那哪共过要在和与到得等前后最占约达近超为从去今明年月日]/u.test(left!)) return undefined;
  if (unitAfter !== undefined && left !== '第') return undefined;
  return `${left}${NUMERAL}${right !== undefined && !/[的了吗呢啊呀吧]/u.test(right) ? right : ''}`;
}

function dateScaleOf(q: string): DateScale | undefined {
  if (/哪一?天|哪一?日|几号|几日|几月几|什么日子/u.test(q)) return 'day';
  if (/哪个月|几月/u.test(q)) return 'month';
  if (/哪一?年|几几年|(?:西元|公元)几年|哪个年份|年份是/u.test(q)) return 'year';
  return undefined;
}

/** The dimensions a question asks with 多 + adjective, and the words that name each beside a figure. */
const DIMENSIONS: Record<string, string[]> = {
  高: ['高', '海拔', '离地', '高度', '高达', '高程'],
  长: ['长', '全长', '长度', '长达', '里程', '延伸'],
  深: ['深', '深度', '深达', '水深'],
  宽: ['宽', '宽度', '宽达'],
  厚: ['厚', '厚度', '厚达'],
  远: ['远', '距离', '距', '离', '相距', '外', '向东', '向南', '向西', '向北', '以东', '以南', '以西', '以北'],
};

// Units that follow 多少/几 and the answer's figure. Longest first so 平方公里 wins over 公里.
const UNITS = [
  '平方公里', '平方千米', '平方米', '立方米', '千瓦时', '万千瓦', '千瓦', '兆瓦', '公里', '千米', '厘米', '毫米', '公斤', '千克', '公顷',
  '小时', '分钟', '个月', '星期', '万元', '亿元', '万吨', '万亩', '万户', '万人', '块钱', '块', '毛', '个', '名', '户', '家', '天', '年', '次',
  '人', '套', '台', '座', '所', '项', '元', '吨', '亩', '米', '岁', '倍', '条', '辆', '张', '本', '篇', '件', '位', '批', '场', '处', '只',
  '头', '棵', '株', '期', '届', '节', '种', '支', '间', '栋', '层', '架', '份', '箱', '斤', '度', '周', '日', '秒', '克', '部', '首', '门',
];
const UNIT_AFTER = new RegExp(`(?:多少|几)(${UNITS.join('|')})`, 'u');
const DURATION_UNIT = /^(?:年|个月|天|日|小时|分钟|星期|周|秒)$/u;

const YESNO = /是否|是不是|能不能|能否|可不可以|可否|有没有|会不会|要不要|[吗么][？?!！。\s]*$/u;
const WH = /什么|啥|哪|谁|多少|几|多大|多高|多长|多远|多重|多宽|多深|多厚|多久|怎么|怎样|如何|为何|为什么|何时|何地|何处|何人/u;

/** The kinds, tried in order: the first whose pattern matches wins. */
const KIND_PATTERNS: [AnswerKind, RegExp][] = [
  ['reason', /(?<![视成作称认改变译命换名])为什么|为何|什么原因|原因是什么|何故|因为什么|怎么回事/u],
  ['date', /几年的时候|(?:西元|公元)几年|哪几年/u],
  ['duration', /多久|多长时间|多少(?:年|个月|天|小时|分钟|周|星期)(?!前|后|以前|以后)|几(?:年|个月|天|小时|分钟|周|星期)(?!前|后)/u],
  ['date', /什么时候|啥时候|啥时|几时|什么时间|何时|哪一?年|哪一?天|哪个月|哪一?日|几月|几日|几号|几点|哪个季度|几几年|什么日子|哪个朝代|哪个世纪|哪个年代|(?:时间|日期|年份)是?(?:哪|什么|多少)/u],
  ['person', /哪(?:个|位|一位|一个)?(?:皇帝|国王|君主|总统|总理|首相|领导人|领导者|人物|作家|作者|球员|选手|演员|歌手|科学家|将军|画家|诗人)|谁|哪位|哪一位|哪个人|何人|哪些人|什么人|哪几位|(?:书记|主任|局长|县长|市长|州长|镇长|乡长|村长|主席|校长|院长|所长|站长|队长|经理|董事长|总裁|部长|厅长|处长|科长|负责人|创始人|作者|导演|总统|总理|首相|国王|皇帝|教练|主持人)(?:是|叫)?(?:什么名字|叫什么|名字|姓什么)/u],
  ['organisation', /哪(?:个|家|所|些)?(?:单位|部门|机构|组织|公司|企业|学校|大学|学院|医院|银行|协会|团队|球队|集团|媒体|工厂|厂)|哪家|哪所|什么(?:单位|部门|机构|组织|公司|企业|学校)/u],
  ['place', /哪里|哪儿|何处|何地|什么地方|哪个地方|在哪(?=里|儿|[？?]|$)|哪(?:个|些|条|座)?(?:省|市|县|区|乡|镇|村|国家|城市|地区|位置|国|州|路|街|条路|座城|片|块|里)|地址|位于哪|什么位置/u],
  ['quantity', /多少|几(?!乎)|多大|多高|多长|多远|多重|多宽|多深|多厚|比例|百分之|第几/u],
  ['method', /怎么(?!样)|怎样(?!的)|如何|什么办法|什么方式|什么方法|什么形式|什么手段|靠什么|通过什么|用什么|什么措施/u],
];

/**
 * How often or per what a figure is asked (每天, 每年, 一年, 平均): the paper writes the same figure as
 * 日处理, 年均, 年平均 …, so these qualify the attribute and are not words the answer must repeat.
 */
const RATE = /^(?:每天|每日|每年|每月|每周|每人|每亩|一年|一天|一个月|平均|年均|日均|月均|人均|亩均)$/u;

/** Relative time words: the reader's "now". Matched as whole words of the question. */
const CONTEXT_WORDS = ['今天', '今日', '现在', '最近', '目前', '如今', '当前', '眼下', '近来', '近期', '这几天', '这些天'];

/** Whether a word only places the question in the reader's "now" (今天, 现在, 最近): context, never content. */
export function isReaderNow(word: string): boolean {
  return CONTEXT_WORDS.includes(word);
}

/**
 * Words around the question word that carry no attribute: copulas, particles, adverbs of amount.
 * What is left next to the question word names what is asked (电话, 成立, 全长).
 */
// 做/干/搞/弄 ("做了哪些事", "干什么用"): verbs that stand for any action, so they name no attribute.
const FILLER = /^(?:是|有|在|了|的|为|共|一共|总共|共计|大概|大约|约|到底|究竟|能|可以|会|要|都|还|又|已经|已|将|开始|进行|正在|能够|需要|打算|计划|准备|把|被|让|给|由|从|去|来|上|下|里|中|吧|呢|吗|啊|呀|个|一|些|这|那|其|它|他|她|具体|主要|一般|平均|就|才|再|也|多|得|地|过|着|每|到|于|向|对|与|和|及|并|或|等|不|没|请问|请|叫|叫做|称|称为|名叫|名为|姓|哪些|哪个|今年|明年|去年|前年|后年|可能|当中|之中|之前|以前|之后|以后|前|后|时|时候|对于|关于|因|而|因为|用|透过|通过|最多|最少|至少|最|约|之|成|得以|加以|进行|所|其|被视|视为|作为|属于|当时|当地|目前|曾|曾经|仍|仍然|一般|通常|主要是|分别|做|干|搞|弄|不了|得了)$/u;

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * The shape of the answer a question asks for, and the attribute it asks about.
 * `tag` is jieba's cut with part-of-speech tags; questions are normalised first (繁→简, NFKC).
 *
 * @example analyzeQuestion('石门子水库一年平均能流进来多少水', cut) // → { kind: 'quantity', unit: undefined, attribute: […], … }
 */
export function analyzeQuestion(question: string, tag: (text: string) => TaggedWord[]): QuestionAnalysis {
  const q = normalizeForMatch(question);
  const kind = kindOf(q);
  const unitMatch = UNIT_AFTER.exec(q)?.[1];
  const unit = unitMatch === undefined ? impliedUnit(q) : unitMatch === '块钱' || unitMatch === '块' ? '元' : unitMatch;
  const context = CONTEXT_WORDS.filter((w) => q.includes(w));
  // Words jieba glued to the question phrase (哪天办 → 天办) ask; they are not the subject.
  const phrase = QUESTION_PHRASE.exec(q);
  const glued: string[] = [];
  let at = 0;
  for (const t of tag(q)) {
    const from = q.indexOf(t.word, at);
    if (from >= 0) at = from + t.word.length;
    if (phrase !== null && from >= 0 && from < phrase.index + phrase[0].length && from + t.word.length > phrase.index) glued.push(t.word);
  }
  const ignored = tag(q)
    .map((t) => t.word)
    .filter((w) => FILLER.test(w) || QUESTION_NOUNS.has(w) || RATE.test(w) || context.includes(w) || w === unitMatch || glued.includes(w));
  // 哪个区 → 区; 哪些省市 → 省 or 市.
  const placeType = /哪(?:一|几)?(?:个|些|条|座|片)?((?:省|市|县|区|乡|镇|村|路|街|河|山|国|州)+)/u.exec(q)?.[1];
  const dateScale = dateScaleOf(q);
  const rate = kind === 'quantity' ? rateOf(q) : undefined;
  const perUnit = kind === 'quantity' ? /每(度|斤|公斤|千克|吨|亩|人|户|平方米|立方米|千瓦时|张|间|台|辆|件)/u.exec(q)?.[1] : undefined;
  const template = kind === 'quantity' ? templateOf(q, unitMatch) : undefined;
  const dimension = DIMENSIONS[/多(高|长|深|宽|厚|远)/u.exec(q)?.[1] ?? ''];
  const plural = /哪些|哪几|有哪|都有谁|都是谁/u.test(q);
  // Only what the question says: an absent property stays absent (no `undefined` values).
  const optional: Partial<QuestionAnalysis> = {
    placeType,
    dimension: unitMatch === undefined ? dimension : undefined,
    dateScale,
    rate,
    perUnit,
    asksStart: kind === 'date' && /开始|起步|始于|从什么时候起|从哪一?年起/u.test(q) ? true : undefined,
    template,
    plural: plural ? true : undefined,
    expects: kind === 'other' ? expectedEvidenceOf(q, plural) : undefined,
    origin: kind === 'place' && /(?:哪里|哪儿|什么地方|哪个地方|哪)人|老家|籍贯|祖籍|出生在哪|是哪的人/u.test(q) ? true : undefined,
  };
  const present = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<QuestionAnalysis>;
  const asked = kind === 'quantity' && unit !== undefined && DURATION_UNIT.test(unit) && !/第几/u.test(q) ? 'duration' : kind;
  return { ...present, kind: asked, unit, attribute: attributeOf(q, tag, context), context, ignored, constraints: constraintsOf(q) };
}

function kindOf(q: string): AnswerKind {
  // 谁主办的, 由谁承办: bodies organise and host events, so the answer is an organisation, not a person.
  if (/谁(?:来)?(?:主办|承办|协办|举办|办的|办了|组织的|发布的|公布的)|由谁(?:主办|承办|举办|组织|发布|公布|负责)/u.test(q)) return 'organisation';
  // 谁的责任, 谁的功劳: whose — usually a group or a body, not a person's name.
  if (/谁的/u.test(q) && !/谁的(?:名字|姓名)/u.test(q)) return 'other';
  // "靠什么看清楚哪里还在烧": a question word after a verb of finding out (看清楚, 知道, 判断) asks
  // nothing itself; it is the object of that verb, and the question is the rest.
  const asked = q.replace(EMBEDDED_QUESTION, '$1');
  for (const [kind, pattern] of KIND_PATTERNS) if (pattern.test(asked)) return kind;
  if (!WH.test(q) && YESNO.test(q)) return 'yesno';
  if (YESNO.test(q) && /是否|是不是|能不能|能否|可不可以|可否|有没有|会不会/u.test(q)) return 'yesno';
  return 'other';
}

/** A verb of finding out and the question word it takes as its object (看清楚哪里, 知道什么时候). */
const EMBEDDED_QUESTION = /((?:看清楚?|看出|知道|弄清楚?|判断|确定|发现|了解|查清楚?|搞清楚?)(?:了)?)(?:哪里|哪儿|什么时候|什么地方|多少|谁|哪个|为什么)/gu;

/** The unit a question implies without naming it after 多少: 多少钱 → 元, 多高/多长 → 米, 年纪/几岁 → 岁. */
function impliedUnit(q: string): string | undefined {
  if (/多少钱|价格|价钱|费用|几块|多少元|票价|售价|单价/u.test(q)) return '元';
  if (/多高|多长|多远|多深|多宽|多厚|海拔|全长|长度|高度|深度/u.test(q)) return '米';
  // 多大面积, 占地多少: an area, which the paper gives in 亩 (or 公顷, 平方米: 亩's family).
  if (/面积|占地/u.test(q)) return '亩';
  if (/多重|重量/u.test(q)) return '吨';
  if (/年纪|年龄|多大岁数|几岁/u.test(q)) return '岁';
  if (/比例|百分之|率是|率有|占比/u.test(q)) return '%';
  return undefined;
}

/**
 * The question phrase: a question word with the measure word or noun that completes it
 * (哪天, 多少亩, 什么时候, 哪个部门). Matched on the text, since jieba glues it to its neighbours (哪天办).
 */
const QUESTION_PHRASE = new RegExp(
  // A measure word completes only a word that counts or picks (多少亩, 几个, 哪座): 怎么处理's 处 is not one.
  `(?:什么时候|什么时间|什么地方|什么样|多长时间|多少钱|多大年纪|(?:多少|几(?:月几[日号])?|哪(?:一|几)?(?:个|些|位|家|所|天|年|月|里|儿|条|块|种|座|片|部)?)(?:${UNITS.join('|')})?|什么|谁|啥|多[大高长远重宽深厚久]|怎么样|怎么|怎样|如何|为什么|为何|何时|何地|何处)`,
  'u',
);

/**
 * The content words next to the question phrase: the nearest one before it ("电话是多少" → 电话,
 * "全长多少公里" → 全长) unless that is a name (the subject: "木垒县有多少亩…"), and the first one after
 * it ("哪一年成立的" → 成立, "多少亩冬小麦" → 冬小麦) unless that only completes the question (时候, 单位).
 * Fillers (是, 一共, 开始), naming verbs (叫) and the reader's time words are skipped.
 */
function attributeOf(q: string, tag: (text: string) => TaggedWord[], context: readonly string[]): string[] {
  const m = QUESTION_PHRASE.exec(q);
  if (m === null) return [];
  const left = tag(q.slice(0, m.index)).filter((t) => WORDLIKE.test(t.word));
  const right = tag(q.slice(m.index + m[0].length)).filter((t) => WORDLIKE.test(t.word));
  const isContent = (t: TaggedWord) =>
    !FILLER.test(t.word) && !RATE.test(t.word) && !WH.test(t.word) && !context.includes(t.word) && (/\p{Script=Han}/u.test(t.word) || LATIN_TERM.test(t.word)) && !UNITS.includes(t.word) && !QUESTION_NOUNS.has(t.word) && !GLUE.test(t.word) && !DIRECTIONAL.test(t.word) && !LOCATIVE_TAG.test(t.tag);
  // A word jieba does not know (x: 带厂 of 滴灌带厂) is a piece of a name it cut, so part of the subject.
  const isName = (t: TaggedWord) => /^(?:ns|nt|nr|nz|x$)/u.test(t.tag) || Array.from(t.word).length >= 5;
  let before: string | undefined;
  let beforeTag: TaggedWord | undefined;
  let copula = false;
  for (let i = left.length - 1; i >= 0 && i >= left.length - 3; i--) {
    const t = withoutComplement(left[i]!);
    if (/^(?:是|为|在|由|于|从|有|共有)$/u.test(t.word)) copula = true;
    if (!isContent(t)) continue;
    if (!isName(t)) {
      before = t.word;
      beforeTag = t;
    }
    break;
  }
  let after: TaggedWord | undefined;
  // Whether anything is asked after the question word at all, even a piece too short to be the attribute (几点开始 → 点).
  let askedAfter = false;
  for (let i = 0; i < right.length && i <= 3; i++) {
    const t = right[i]!;
    if (WH.test(t.word)) break;
    // "哪些企业", "什么系统", "哪些省市": a noun right after 哪/什么 names the kind of answer, not an
    // attribute the answer repeats ("准东宜化、金玉万通" are the 企业). Skipped; what follows may ask.
    if (i === 0 && ASKS_WHICH.test(m[0]) && NOUN_TAG.test(t.tag)) continue;
    if (isContent(t)) {
      // A single character that is not a verb (换/nz, 新/a of "换的新设备") is a piece of a cut gone wrong: what follows may ask.
      if (Array.from(t.word).length < 2 && !t.tag.startsWith('v')) {
        askedAfter = true;
        continue;
      }
      after = counted(right, i, m[0]) ?? t;
      break;
    }
  }
  // "X是哪一年始建的", "X在什么地方举行", "X有多少社员": what follows the question word is asked
  // about; the word before 是/在/有 is (part of) the subject.
  if (copula && (after !== undefined || askedAfter)) before = undefined;
  // A single character is an attribute only as a verb (办, 住, 卖); otherwise it is a piece of a cut gone wrong.
  const verbOrLonger = (w: string | undefined, t?: TaggedWord) => w !== undefined && (Array.from(w).length >= 2 || (t?.tag ?? tagOf(w)).startsWith('v'));
  const tagOf = (w: string) => [...left, ...right].find((t) => t.word === w)?.tag ?? '';
  return [verbOrLonger(before, beforeTag) ? before : undefined, verbOrLonger(after?.word, after) ? after?.word : undefined].filter((w): w is string => w !== undefined);
}

/**
 * Directional complements (填回去, 流进来, 拿出来): they say which way, not what was done. Alone they
 * are skipped; after a verb they are cut off, leaving the verb (流进来 → 流).
 */
const DIRECTIONAL = /^(?:回去|回来|进来|进去|出来|出去|起来|下去|下来|上去|上来|过来|过去)$/u;
const COMPLEMENT_END = /(?:回去|回来|进来|进去|出来|出去|起来|下去|下来|上去|上来|过来|过去)$/u;
function withoutComplement(t: TaggedWord): TaggedWord {
  if (DIRECTIONAL.test(t.word) || !COMPLEMENT_END.test(t.word)) return t;
  return { word: t.word.replace(COMPLEMENT_END, ''), tag: 'v' };
}

/** A Latin term of the news (PM2.5, GDP, CPI): a measure asked about like any Chinese noun. */
const LATIN_TERM = /^[a-z]{2,}[\d.]*$/iu;

/** Place words (路上, 山上, 城里: jieba's s and f): where, not what is asked about. */
const LOCATIVE_TAG = /^[sf]$/u;

/** Two particles jieba glued into one word (是从, 在于的 …): nothing to match. */
const GLUE = /^[是从在有把被给让向对于和与及的了着过就才也都又还]{2}$/u;

/** A question phrase asking which one (哪些, 什么, 哪个): the noun after it is the kind of answer. */
const ASKS_WHICH = /^(?:什么|啥|哪(?:一|几)?(?:个|些|家|所|种|位|条|座|片|部)?)$/u;
const NOUN_TAG = /^(?:n|vn|j|nz|nt|ns)/u;

/**
 * What a quantity question counts: the last noun of the phrase after its unit ("多少条群众意见建议" →
 * 意见建议, "多少亩冬小麦" → 冬小麦). Chinese puts the head last; the words before it only qualify it.
 */
function counted(right: readonly TaggedWord[], from: number, phrase: string): TaggedWord | undefined {
  if (!/^(?:多少|几)./u.test(phrase)) return undefined;
  let head: TaggedWord | undefined;
  for (let i = from; i < right.length && /^(?:n|vn|j|nz|l)/u.test(right[i]!.tag) && /\p{Script=Han}/u.test(right[i]!.word); i++) head = right[i];
  return head;
}

/** Nouns that complete a question word (什么时候, 哪个单位, 什么地方): what is asked for, not its attribute. */
const QUESTION_NOUNS = new Set([
  '时候', '时间', '日子', '地方', '地点', '位置', '单位', '部门', '机构', '组织', '人', '人物', '东西', '事', '事情', '名字', '名称', '原因', '方式',
  '方法', '办法', '措施', '情况', '内容', '样子', '意思', '作用', '用途', '程度', '阶段',
]);

// Relative years and their other spellings in the paper.
const RELATIVE_YEARS: Record<string, string[]> = {
  明年: ['明年', '来年', '下一年'],
  去年: ['去年', '上年', '上一年'],
  前年: ['前年'],
  后年: ['后年'],
};
const ORDINAL = /第?([一二三四五六七八九十\d]{1,3})(期|届|批|次|季)/gu;

/** The years and ordinals of a question, each with the spellings that satisfy it. */
function constraintsOf(q: string): string[][] {
  const out: string[][] = [];
  for (const [word, ways] of Object.entries(RELATIVE_YEARS)) if (q.includes(word)) out.push(ways);
  for (const m of q.matchAll(/(\d{4})\s*年/gu)) out.push([m[1]!]);
  for (const m of q.matchAll(ORDINAL)) {
    if (m[1] === '几') continue;
    out.push([`${m[1]}${m[2]}`]);
  }
  return out;
}

/** Kinds whose missing fact reads well after a verb (「成立」的时间, 「建设」的原因); the others need a noun (「价格」是多少). */
const VERB_FACT_KINDS: readonly AnswerKind[] = ['date', 'duration', 'reason', 'method'];

/**
 * The attribute to name when saying which fact no report gives: a common noun (价格, 电话), or a
 * verb where the phrase takes one (成立的时间); never a name or a one-character word.
 * `tagOf` gives jieba's tag of a word alone.
 *
 * @example nameableFact({ kind: 'quantity', attribute: ['淘汰'] }, tagOf) // → undefined ("「淘汰」是多少" says nothing)
 */
export function nameableFact(analysis: Pick<QuestionAnalysis, 'kind' | 'attribute'>, tagOf: (word: string) => string): string | undefined {
  const verbs = VERB_FACT_KINDS.includes(analysis.kind);
  return analysis.attribute.find((a) => {
    if (Array.from(a).length < 2 || !/^\p{Script=Han}+$/u.test(a)) return false;
    const tag = tagOf(a);
    return /^(?:n(?![rst])|vn)/u.test(tag) || (verbs && /^v/u.test(tag));
  });
}

/** Whether a date span is the start of something: followed by 起, 以来, 开始 ("自2021年起实施"). */
export function opensPeriod(text: string, spanEnd: number): boolean {
  return /^\s*(?:起|以来|开始|始|启动)/u.test(text.slice(spanEnd));
}
