import { opensPeriod, type Period, type QuestionAnalysis } from './analyze-question.js';
import { answerSpans, hasShape, type AnswerSpan, type TaggedWord } from './answer-spans.js';
import type { SentenceText } from './pick-excerpt.js';
import { looseCoverage } from './loose-coverage.js';
import { withIssueYear } from './years-of-issue.js';
import { showsEvidence } from './expected-evidence.js';
import { isQuoteAndSpeaker } from './quote-and-speaker.js';
import { coverage, type QueryModel, type WeightedTerm } from './query-model.js';

/** A window of one or two sentences of an article that answers the question. */
export interface AnswerWindow {
  /** Index of the window's first sentence among the article's sentences. */
  start: number;
  /** Index of its last sentence (start or start + 1). */
  end: number;
  /** The spans of the expected kind in it (normalised text of the window). */
  spans: AnswerSpan[];
  /** The window's normalised text. */
  norm: string;
  /** Of a pair, the one sentence that holds both the attribute and the span, if only one does. */
  core?: number;
}

export interface OutcomeOptions {
  /** The share of the subject's weight (the question without its attribute) the window, its previous sentence and headline must hold. */
  minSubject: number;
  /** For questions whose answer has no checkable shape (what …, yes/no): the share of the whole question one window must hold. */
  minUnshaped: number;
  /** A two-character attribute also counts when one of its characters is in the window (創辦 ~ 創立): looser, for paraphrases. */
  attributeByCharacter: boolean;
}

export const DEFAULT_OUTCOME: OutcomeOptions = { minSubject: 0.5, minUnshaped: 0.6, attributeByCharacter: false };

/** Measure words that count almost anything: a figure in them says nothing about what was counted. */
const GENERIC_UNITS = new Set(['元', '万元', '亿元', '个', '名', '人', '位', '次', '家', '件', '项', '种', '批', '场', '处', '只', '条', '张', '本', '篇', '部', '门', '支', '份', '届', '期', '节', '年', '天', '日']);

export interface OutcomeInput {
  /** The question, normalised: spans it already contains do not answer it. */
  question?: string;
  model: QueryModel;
  analysis: QuestionAnalysis;
  /** The article's sentences, in order. */
  sentences: readonly SentenceText[];
  /** The article's normalised headline: names what every sentence is about. */
  title: string;
  tag: (text: string) => TaggedWord[];
  /** Other ways of writing a term of the question (synonyms, longer archive terms), if any. */
  alternatives?: (term: string) => readonly string[];
  /**
   * Whether the archive prints a word anywhere. A verb of the question it never prints (上课, 公布 in
   * a small archive) is the reader's paraphrase: it cannot be required of the answer, so the span must
   * then stand beside the subject instead (as when no attribute is named).
   */
  isPrinted?: (word: string) => boolean;
  /** One-character stopwords (在, 是): an unprinted two-character word holding one is jieba's glue (立在), not an attribute. */
  isStopword?: (word: string) => boolean;
  options?: Partial<OutcomeOptions>;
  /** The year of the article's issue: the question's 去年 is its 2024年 in a 2025 issue (see withIssueYear). */
  issueYear?: number;
}

/** Whether `text` holds an attribute word: itself, an alternative, or (for a long word) one of its halves. */
function holdsAttribute(word: string, text: string, alternatives: (term: string) => readonly string[], byCharacter = false): boolean {
  if (text.includes(word)) return true;
  if (byCharacter && Array.from(word).length === 2 && Array.from(word).some((c) => text.includes(c))) return true;
  if (alternatives(word).some((a) => text.includes(a))) return true;
  const chars = Array.from(word);
  if (chars.length >= 3) {
    // 装机容量 → 容量, 回填土方量 → 土方: a long attribute is often printed in part.
    for (let i = 0; i + 1 < chars.length; i += 1) if (text.includes(chars[i]! + chars[i + 1]!) && i % 2 === 0) return true;
    // 原材料 → 原料: a three-character word is also printed as its first and last character.
    if (chars.length === 3 && text.includes(chars[0]! + chars[2]!)) return true;
  }
  return false;
}

/**
 * The best window of the article that holds the question's subject (in it, the sentence before, or
 * the headline), its attribute (or an alternative) and a span of the expected kind. Undefined when
 * none does: the article is related, but does not state the fact asked.
 */
export function findAnswerWindow(input: OutcomeInput): AnswerWindow | undefined {
  const { model, sentences, title, tag } = input;
  const analysis = { ...input.analysis, constraints: input.analysis.constraints.map((ways) => withIssueYear(ways, input.issueYear)) };
  const options = { ...DEFAULT_OUTCOME, ...input.options };
  const alternatives = input.alternatives ?? (() => []);
  const isPrinted = input.isPrinted ?? (() => true);
  const isStopword = input.isStopword ?? (() => false);
  // The reader's own wording: a verb, adverb or place word (山上) the archive never prints, or particles glued on (立在).
  const readerWord = (a: string) =>
    !isPrinted(a) && alternatives(a).length === 0 && (!NOMINAL.test(tag(a)[0]?.tag ?? 'n') || (Array.from(a).length === 2 && Array.from(a).some(isStopword)));
  const required = analysis.attribute.filter((a) => !readerWord(a));
  // The reader's own verb (订, 钻, 卖) ties a window to the question when it is printed there after all
  // (订购, 钻探); when it is not, the span must stand beside the subject instead.
  const optional = analysis.attribute.filter(readerWord);
  const attributeIn = (norm: string) => (required.length > 0 ? required : optional.filter((a) => holdsAttribute(a, norm, alternatives)));
  const subject: WeightedTerm[] = model.words.filter(
    (w) => !analysis.ignored.includes(w.term) && !analysis.attribute.some((a) => a.includes(w.term)),
  );
  // A compound subject is often named again by its first word (培训班 → 此次培训, 风电场 → 风电).
  const subjectForms = [...new Set(subject.flatMap((w) => (Array.from(w.term).length >= 3 ? [w.term, Array.from(w.term).slice(0, 2).join('')] : [w.term])))];
  const shaped = hasShape(analysis.kind);
  // The question's words less those that only ask (干什么, 阶段, 主要): what a window stating the evidence asked must hold.
  const asking = model.words.filter((w) => !analysis.ignored.includes(w.term) && !EVIDENCE_WORDS.test(w.term));
  // Choosing among windows with no span to check (what …, yes/no): a reader's word counts in part where
  // a window shares its characters (小孩 ~ 孩子, 网上 ~ 网络). Only to choose: whether a window answers at
  // all is decided on whole words (loose matches there answered DRCD's held-out questions more often).
  // With a span of the kind asked, the span is the evidence, and loose matches would only blur the choice.
  const choiceShare = shaped ? coverage : looseCoverage;
  // A quotation and the short sentence naming its speaker ("“…。”小麦种植大户刘兵山说。") are one statement.
  const quoteAndSpeaker = (start: number, end: number) => end === start + 1 && isQuoteAndSpeaker(sentences[start]!.norm, sentences[end]!.norm);
  const spansBySentence = new Map<number, AnswerSpan[]>();
  // A span that only repeats the question (its subject's own name) does not answer it.
  const asked = input.question ?? '';
  const spansOf = (i: number) => {
    let s = spansBySentence.get(i);
    if (s === undefined) {
      s = answerSpans(analysis, sentences[i]!.norm, tag).filter((x) => !asked.includes(x.text));
      spansBySentence.set(i, s);
    }
    return s;
  };
  const windowSpans = (start: number, end: number) => [
    ...spansOf(start),
    ...(end > start ? spansOf(end).map((x) => ({ ...x, index: x.index + sentences[start]!.norm.length })) : []),
  ];
  // 几个实践站 names what is counted after the unit; 脱钩了多少家 leaves it to the subject.
  const countedNamed = namesCounted(asked);
  // A figure in a unit only this kind of thing is counted in (户, 亩, 元, 米) says what is counted.
  const specificUnit = analysis.kind === 'quantity' && analysis.unit !== undefined && !GENERIC_UNITS.has(analysis.unit);
  let best: { window: AnswerWindow; score: number } | undefined;
  for (let start = 0; start < sentences.length; start++) {
    for (let end = start; end <= Math.min(start + 1, sentences.length - 1); end++) {
      const norm = sentences.slice(start, end + 1).map((s) => s.norm).join('');
      const attribute = attributeIn(norm);
      let core: number | undefined;
      const unitSays = specificUnit && windowSpans(start, end).some((x) => subject.some((w) => nearEachOther(norm, w.term, x, 10)));
      if (attribute.length > 0 && !unitSays && !attribute.some((a) => holdsAttribute(a, norm, alternatives, options.attributeByCharacter))) continue;
      const before = start > 0 ? sentences[start - 1]!.norm : '';
      const subjectShare = subject.length === 0 ? 1 : coverage(subject, norm + before, title);
      if (subjectShare < options.minSubject) continue;
      const whole = coverage(model.words, norm, title);
      // A purpose or a stage asked (干什么用, 到什么阶段): the window must state one; the question's own
      // words for it (干什么, 阶段, 主要) are then not words the window must repeat.
      const shows = analysis.expects === undefined ? undefined : showsEvidence(analysis.expects, norm);
      if (shows === false) continue;
      // Where the window states what is asked, a reader's word it says otherwise counts in part (长到 ~ 成长期).
      const held = shows === true ? looseCoverage(asking, norm, title) : whole;
      if (!shaped && held < options.minUnshaped) continue;
      if (!analysis.constraints.every((ways) => ways.some((w) => (before + norm + title).includes(w)))) continue;
      const spans = shaped ? windowSpans(start, end) : [];
      if (spans.length > 0 && !analysis.constraints.every((ways) => yearAgrees(norm, spans, ways))) continue;
      if (shaped && spans.length === 0) continue;
      // 多高 asks a height: "110米高", "坝高110米", "海拔1550米" answer it; "向南60多公里" does not.
      const dimension = analysis.dimension;
      if (dimension !== undefined && !spans.some((x) => dimension.some((d) => nearEachOther(norm, d, x, 3)))) continue;
      // The attribute and the span in one sentence: "去年冬季，…。加工厂建成后…" does not date 建成.
      if (shaped && attribute.length > 0 && !unitSays && end > start && !quoteAndSpeaker(start, end)) {
        const holding = [start, end].filter((i) => spansOf(i).length > 0 && attribute.some((a) => holdsAttribute(a, sentences[i]!.norm, alternatives, options.attributeByCharacter)));
        const sameSentence = holding.length > 0;
        // One sentence holds the attribute and the span: the excerpt keeps that one when the pair is too long to show whole.
        if (holding.length === 1) core = holding[0];
        // "新疆天山骄子食品有限责任公司…。该公司食用油每天出货量达400吨": the second sentence holds the
        // attribute and points back (该公司) to the name the first one gives: that name is its subject.
        const pointsBack = analysis.kind !== 'date' && analysis.kind !== 'duration' && analysis.kind !== 'quantity' && spansOf(start).length > 0 && ANAPHORA.some((w) => sentences[end]!.norm.slice(0, POINTER_REACH).includes(w)) && attribute.some((a) => holdsAttribute(a, sentences[end]!.norm, alternatives, options.attributeByCharacter));
        if (!sameSentence && !pointsBack) continue;
      }
      // 一天能生产多少 asks a daily figure: 日产140多件, 每天出货400吨 answer it; a yearly total does not.
      const rate = analysis.rate;
      if (rate !== undefined && !spans.some((x) => PERIOD_WORDS[rate].some((w) => nearEachOther(norm, w, x, 12)))) continue;
      // 每度电多少钱 asks a price per kWh: "0.3元/度", "每度0.3元", "户均1万元" answer it; a project's total does not.
      const per = analysis.perUnit;
      if (per !== undefined && !spans.some((x) => perUnitBeside(norm, x, per))) continue;
      // A figure in a measure word that counts anything (个, 名, 次) answers only beside what is counted.
      if (analysis.kind === 'quantity' && !specificUnit && analysis.template === undefined && attribute.length > 0) {
        // A compound is named again by its first word (培训班 → 参加培训的学员).
        const ways = attribute.flatMap((a) => [a, ...alternatives(a), ...(Array.from(a).length >= 3 ? [Array.from(a).slice(0, 2).join('')] : [])]).filter((a) => Array.from(a).length >= 2 || attribute.includes(a));
        // 脱钩了多少家, 办了几场: a verb asks how many times it was done to the subject, so the subject is what is counted.
        if (!countedNamed && attribute.every((a) => /^v(?!n)/u.test(tag(a)[0]?.tag ?? ''))) ways.push(...subjectForms);
        if (!spans.some((x) => countsWhatIsAsked(norm, x, ways))) continue;
      }
      // With no attribute to tie it to the question, a span must stand beside a word of the subject,
      // or beside a word pointing back to it ("此次培训", "该项目") when the sentence before names it.
      const pointers = before !== '' && coverage(subject, before, title) >= options.minSubject ? ANAPHORA : [];
      if (shaped && attribute.length === 0 && dimension === undefined && !spans.some((x) => [...subjectForms, ...pointers].some((w) => nearEachOther(norm, w, x, 10) || leadsTo(norm, w, x)) || (analysis.kind === 'organisation' && isSource(norm, x)))) continue;
      // One sentence that holds it all beats a pair; a span right beside a word of the question
      // ("实践站3个", "副镇长侯洪江") beats one elsewhere in the window.
      const near = spans.some((x) => model.words.some((w) => nearEachOther(norm, w.term, x)));
      // 哪年开始搞… is answered by "自2021年起实施…", not by another year in the article.
      const opens = analysis.asksStart === true && spans.some((x) => opensPeriod(norm, x.index + x.text.length));
      const score = (shows === true ? held + EVIDENCE_BONUS : choiceShare(model.words, norm, title)) + subjectShare - (end > start && !quoteAndSpeaker(start, end) ? 0.1 : 0) + (near ? 0.2 : 0) + (opens ? 0.3 : 0);
      if (best === undefined || score > best.score) best = { window: { start, end, spans, norm, ...(core !== undefined ? { core } : {}) }, score };
    }
  }
  return best?.window;
}

/**
 * Whether a figure in a generic measure word counts the thing asked about: the thing stands right
 * after it ("13个孩子", "13个困境儿童") or shortly before it ("意见建议382条", "实践站3个"), and no other
 * noun follows the measure word ("13个乡镇" counts 乡镇, whatever stands before it).
 */
function countsWhatIsAsked(norm: string, span: AnswerSpan, ways: readonly string[]): boolean {
  const after = norm.slice(span.index + span.text.length);
  if (ways.some((w) => after.slice(0, w.length + 2).includes(w))) return true;
  // A compound head after the measure word ("3000余份棉花种质资源" counts 资源): only Han characters
  // between, none that joins or links another noun (的, 和, 与 …).
  if (ways.some((w) => countedCompound(after, w))) return true;
  if (/^\p{Script=Han}/u.test(after) && !/^(?:左右|以上|以下|多|余|次|的|等|之|共|了|和|与|及)/u.test(after)) return false;
  // Near, but in the same sentence: "…碾压混凝土拱坝。最大坝高110米" does not count concrete in metres.
  return ways.some((w) => nearEachOther(norm, w, span, 8, true));
}

/**
 * Whether an organisation is where the window's facts come from ("记者从州生态环境局获悉：…",
 * "据县统计局统计，…"): it gave out what the sentence reports, which is what 哪个部门公布的 asks.
 */
function isSource(norm: string, span: AnswerSpan): boolean {
  // The span may have taken the words before the name with it ("记者从州生态环境局"): 从/据 is looked for up to the name.
  const end = span.index + span.text.length;
  const named = norm.slice(Math.max(0, span.index - 2), end);
  return /(?:从|据|经)\p{Script=Han}{2,14}$/u.test(named) && /^(?:获悉|了解到|得知|消息|统计|通报|公布|发布|介绍)/u.test(norm.slice(end, end + 4));
}

/** How far (characters) the head noun may stand after the measure word in a compound ("棉花种质资源"). */
const COMPOUND_LEAD = 6;

/** Whether `after` (the text right after a figure) opens with a compound noun ending in `way`. */
function countedCompound(after: string, way: string): boolean {
  const at = after.indexOf(way);
  if (at < 0 || at > COMPOUND_LEAD) return false;
  const lead = after.slice(0, at);
  return /^\p{Script=Han}*$/u.test(lead) && !/[的和与及或等之]/u.test(lead);
}

/** Whether a quantity question names what it counts after its measure word (几个实践站, not 脱钩了多少家). */
function namesCounted(question: string): boolean {
  let at = -1;
  for (const m of question.matchAll(/多少|几/gu)) at = m.index + m[0].length;
  if (at < 0) return false;
  const after = question.slice(at).replace(/[了的呢吗啊呀吧？?。！!\s]/gu, '');
  // The first character is the measure word (个, 家, 场); a noun of two characters after it is what is counted.
  return /^\p{Script=Han}?\p{Script=Han}{2}/u.test(after) && Array.from(after).length >= 3;
}

/**
 * Whether `term` is the topic of the clause the span ends: it stands before the span in the same
 * sentence, with at most one comma between them ("双河村属于农业乡镇，共有460户2088人").
 */
function leadsTo(norm: string, term: string, span: AnswerSpan): boolean {
  const from = norm.lastIndexOf(term, span.index - term.length);
  if (from < 0) return false;
  const between = norm.slice(from + term.length, span.index);
  return Array.from(between).length <= LEAD && !/[。！？；!?;：:“”"]/u.test(between) && (between.match(/[，,]/gu) ?? []).length <= 1;
}

/** How far (characters) the topic of a clause may stand before the span it leads to. */
const LEAD = 20;

/** jieba's tags for nouns and names: an attribute the reader names this way must be printed. */
const NOMINAL = /^(?:n|vn|j|eng|x|un)/u;

/** Whether a span is given per `unit`: "0.3元/度", "每度0.3元", "户均1万元", "每户补贴1万元". */
function perUnitBeside(norm: string, span: AnswerSpan, unit: string): boolean {
  if (span.text.endsWith(`/${unit}`) || norm.startsWith(`/${unit}`, span.index + span.text.length)) return true;
  const before = norm.slice(Math.max(0, span.index - 8), span.index);
  return before.includes(`每${unit}`) || before.includes(`${unit}均`) || before.includes(`一${unit}`);
}

/** How the paper gives a figure per period (日产, 年均, 每天 …). */
const PERIOD_WORDS: Record<Period, readonly string[]> = {
  day: ['每天', '每日', '日产', '日均', '一天', '日处理', '日销', '当天', '一昼夜'],
  month: ['每月', '月均', '月产', '一个月', '月收入', '月增'],
  year: ['每年', '年均', '年产', '一年', '全年', '年平均', '年处理', '年发电', '年销售', '年收入', '年接待', '年来水'],
};

/** The question's own words for the purpose or stage it asks (干什么, 用途, 阶段): not the subject. */
const EVIDENCE_WORDS = /^(?:干什么|做什么|干啥|用途|作用|功能|阶段|程度|地步|进展|进度|用|主要)$/u;

/** What a window that states the purpose or stage asked is worth above one that merely holds the question's words. */
const EVIDENCE_BONUS = 0.3;

/** How far into a sentence (characters) a word pointing back (该公司) may stand to make the previous sentence's name its subject. */
const POINTER_REACH = 6;

/** Words that point back to what the previous sentence named (该厂, 此次培训, 该项目). */
const ANAPHORA = ['该', '此次', '此项', '本次', '这次', '这项', '这一', '其中'];

/** How close (characters) a span must be to a word of the question to count as beside it. */
const BESIDE = 6;

/** Whether `term` occurs within a few characters of the span in `text`. */
function nearEachOther(text: string, term: string, span: AnswerSpan, beside = BESIDE, sameSentence = false): boolean {
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const gap = at >= span.index ? at - (span.index + span.text.length) : span.index - (at + term.length);
    const between = at >= span.index ? text.slice(span.index + span.text.length, at) : text.slice(at + term.length, span.index);
    if (gap <= beside && !(sameSentence && /[。！？；!?;]/u.test(between))) return true;
  }
  return false;
}

const YEAR_WORD = /今年|去年|明年|前年|后年|来年|上年|\d{4}\s*年/gu;

/**
 * For a question about a given year (明年, 2023年): the year the window names before its first span
 * must be one of the ways to say it ("今年，新户镇种植冬小麦4.3万亩" does not answer 明年).
 * Spans with no year before them in the window pass (the year may be in the headline or lead).
 */
function yearAgrees(norm: string, spans: readonly AnswerSpan[], ways: readonly string[]): boolean {
  if (!ways.some((w) => /年/u.test(w)) && !ways.every((w) => /^\d{4}$/u.test(w))) return true;
  const first = Math.min(...spans.map((s) => s.index));
  let last: string | undefined;
  for (const m of norm.matchAll(YEAR_WORD)) if (m.index < first) last = m[0];
  return last === undefined || ways.some((w) => last!.includes(w));
}
