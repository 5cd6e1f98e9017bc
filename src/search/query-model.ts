import { normalizeForMatch } from '../text/normalize-for-match.js';
import type { QueryTerms } from '../text/tokenizer.js';
import type { TermStats } from './term-stats.js';
import { ABBREVIATION_WEIGHT, EXPANSION_WEIGHT, expansionOf, type Synonyms } from './expand-query.js';
import { characterWeights, type WeightedChar } from './loose-coverage.js';

/** A query term with its inverse document frequency over the archive's passages. */
export interface WeightedTerm {
  term: string;
  weight: number;
  df: number;
  /** Other ways the paper prints it (synonyms), matched at EXPANSION_WEIGHT. */
  synonyms?: readonly string[];
  /** A longer term holding its characters in order (医保 → 医疗保险), matched at ABBREVIATION_WEIGHT. */
  abbreviation?: RegExp;
  /**
   * For a compound the archive never printed (风电场, 研修班次): the longest word at its start or end that
   * it does print (风电, 研修), matched at ABBREVIATION_WEIGHT: the paper's shorter name for the same thing.
   */
  head?: string;
  /** Its Han characters with their IDF (words of two or more): partial credit where a text shares one (see loose-coverage.ts). */
  chars?: readonly WeightedChar[];
}

/** A question ready for matching: weighted words and bigrams, and the terms worth looking up. */
export interface QueryModel {
  words: WeightedTerm[];
  bigrams: WeightedTerm[];
  segments: string[];
  /**
   * What a question scoped by a common name asks about: its words other than the names, when it
   * names a place or organisation the archive prints often (in at least `scopeRatio` of the
   * passages: 木垒县, 昌吉州). "木垒县今年下了几场雪" → [雪]. Empty otherwise: a rare name (司马晏,
   * a project) is the topic itself, and its passages may answer in other words.
   */
  focus: WeightedTerm[];
  /** Terms sent to the first stage: those in more than `maxDfRatio` of passages are left out (slow, rank little). */
  retrievalWords: string[];
  retrievalBigrams: string[];
  /** 多少/几/… : the answer is a number, so excerpts prefer sentences with figures. */
  asksNumber: boolean;
  /**
   * The shape of the answer when the question names its unit ("多少天" → a figure followed by 天,
   * "办结率是多少" → a percentage), or its kind ("什么时候" → a date, "又叫什么" → 又称/又名 …): a
   * sentence matching it most likely holds the answer.
   */
  answerShape?: RegExp;
  /**
   * The figure beside the thing counted, when the question names it after the unit ("几个实践站" →
   * 实践站3个 or 3个实践站, "多少亩冬小麦" → 40万亩冬小麦): the surest sign of the answering sentence.
   */
  answerPhrase?: RegExp;
}

const ASKS_NUMBER = /多少|几|多大|多长|多高|多久|多远|多重|多宽|多深|比例|百分之|率是|第几/u;

// Measure words and units that follow 多少/几 in a question and a figure in the answer.
const UNITS = [
  '平方公里', '平方米', '立方米', '千瓦时', '千瓦', '公里', '公斤', '公顷', '小时', '分钟', '万元', '亿元', '万吨', '万亩', '万户', '万人',
  '个', '名', '户', '家', '天', '年', '次', '人', '套', '台', '座', '所', '项', '元', '吨', '亩', '米', '岁', '倍', '条', '辆', '张',
  '本', '篇', '件', '位', '批', '场', '处', '只', '头', '棵', '株', '期', '届', '节', '种', '支', '间', '栋', '层', '架', '份', '箱', '斤', '度',
];
const UNIT_AFTER_QUESTION = new RegExp(`(?:多少|几)(${UNITS.join('|')})`, 'u');
const FIGURE = '(?:\\d[\\d.,，]*|[一二两三四五六七八九十百千]+)\\s*(?:余|多)?\\s*(?:万|亿)?';

// 什么时候/哪一年/几月几日 ask for a date; 又叫什么/叫什么名字 for another name of what is named.
const ASKS_DATE = /什么时候|什么时间|何时|哪一?年|哪一?天|哪个月|几月|几日|几号|几几年/u;
const DATE_SHAPE = /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年|\d{1,2}\s*月|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{0,3}[日号]?/u;
const ASKS_NAME = /(?:叫|称|名)(?:做|作|为)?(?:什么|啥)|什么名字|名字是什么/u;
const NAME_SHAPE = /又称|又名|俗称|简称|别称|别名|统称|称为|称作|叫做|名叫|名为|被称|号称|誉为/u;

const COUNTED = new RegExp(`(?:多少|几)(${UNITS.join('|')})(\\p{Script=Han}{2})`, 'u');

/** The figure next to the first two characters of what a question counts, if it names it. */
function answerPhraseOf(question: string): RegExp | undefined {
  const m = COUNTED.exec(question);
  if (m === null) return undefined;
  const [, unit, thing] = m;
  return new RegExp(`${thing}\\S?\\s*${FIGURE}${unit}|${FIGURE}${unit}\\s*${thing}`, 'u');
}

/** The answer's shape a question implies, if it names one. */
function answerShapeOf(question: string): RegExp | undefined {
  const unit = UNIT_AFTER_QUESTION.exec(question)?.[1];
  if (unit !== undefined) return new RegExp(`${FIGURE}${unit}`, 'u');
  if (/率|比例|百分之/u.test(question) && ASKS_NUMBER.test(question)) return /\d\s*[%％]|百分之/u;
  if (ASKS_DATE.test(question)) return DATE_SHAPE;
  if (ASKS_NAME.test(question)) return NAME_SHAPE;
  return undefined;
}

function focusOf(words: readonly WeightedTerm[], names: readonly string[] | undefined, minDf: number): WeightedTerm[] {
  if (names === undefined || names.length === 0) return [];
  const scoped = words.some((w) => names.includes(w.term) && Array.from(w.term).length >= 2 && w.df >= minDf);
  return scoped ? words.filter((w) => !names.includes(w.term)) : [];
}

/** BM25's IDF, never negative. */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/**
 * Document frequency of a query word. jieba may cut the archive differently from a short question,
 * so a word never indexed as a word is estimated from its rarest bigram (or, for one character,
 * from the passages containing that character).
 */
function wordDf(word: string, stats: TermStats): number {
  const df = stats.wordDf(word);
  if (df > 0) return df;
  const chars = Array.from(word);
  if (chars.length === 1) return stats.charDf(word);
  let min = Infinity;
  for (let i = 0; i + 1 < chars.length; i++) min = Math.min(min, stats.bigramDf(chars[i]! + chars[i + 1]!));
  return Number.isFinite(min) ? min : 0;
}

export interface QueryModelOptions {
  /** Terms in more than this share of passages are not looked up (they cost the most and rank the least). */
  maxDfRatio?: number;
  /** At most this many terms are looked up, the rarest first. */
  maxTerms?: number;
  /**
   * Lookups stop once their posting lists add up to this share of the passages (the rarest few are
   * always looked up): bounds the work of one question as the archive grows.
   */
  maxPostingsRatio?: number;
  /** The same budget as an absolute number of postings: the smaller of the two applies (bounded cost at any archive size). */
  maxPostings?: number;
  /** A name in at least this share of the passages scopes a question rather than being its topic (see QueryModel.focus). */
  scopeRatio?: number;
  /** Paraphrases of the question's words (config/synonyms.txt); none by default. */
  synonyms?: Synonyms;
  /** Match a two-character word inside longer terms holding its characters in order (医保 → 医疗保险). */
  abbreviations?: boolean;
  /**
   * jieba's part-of-speech tag of a question word (v verb, d adverb, n noun …): a word the archive
   * never printed weighs less when it is not a noun (see READER_WORD_WEIGHT). Unknown: every word weighs its IDF.
   */
  tagOf?: (word: string) => string | undefined;
  /** One-character stopwords (是, 在, 有): a two-character word the archive never printed that holds one is jieba's glue (是从, 立在). */
  isStopword?: (word: string) => boolean;
}

/**
 * The weight, relative to its IDF, of a question word the archive never printed that is not a noun
 * or a name: a reader's own verb, adverb or phrase (挖开, 看清楚, 碰到, 城里), or two characters jieba
 * glued across a particle (是从, 立在). These are the reader's paraphrase of what the paper printed in
 * its words; an unseen noun or name (a place, a person, a thing the paper never wrote about) keeps
 * its full weight, since it is what the question is about.
 */
export const READER_WORD_WEIGHT = 0.35;

// Nouns, names, nominal verbs (设备/vn), abbreviations (j), Latin words, unknown words (x): the topic.
const NOMINAL_TAG = /^(?:n|vn|j|eng|x|un)/u;

function isReaderWord(word: string, options: QueryModelOptions): boolean {
  const chars = Array.from(word);
  if (chars.length === 2 && options.isStopword !== undefined && chars.some((c) => options.isStopword!(c))) return true;
  const tag = options.tagOf?.(word);
  return tag !== undefined && !NOMINAL_TAG.test(tag);
}

/** The longest start or end of an unprinted compound (3+ characters) that the archive prints as a word. */
function printedPart(word: string, stats: TermStats): string | undefined {
  const chars = Array.from(word);
  if (chars.length < 3 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return undefined;
  for (let len = chars.length - 1; len >= 2; len--) {
    for (const part of [chars.slice(0, len).join(''), chars.slice(chars.length - len).join('')]) if (stats.wordDf(part) > 0) return part;
  }
  return undefined;
}

/** At most this many synonyms of one word go to the first stage (the rarest the archive prints). */
const MAX_SYNONYM_LOOKUPS = 2;

export function buildQueryModel(terms: QueryTerms, stats: TermStats, question: string, options: QueryModelOptions = {}): QueryModel {
  const n = Math.max(stats.docCount, 1);
  const maxDf = (options.maxDfRatio ?? 0.1) * n;
  const maxTerms = options.maxTerms ?? 12;
  const asked = normalizeForMatch(question);
  const words = terms.words.map((term): WeightedTerm => {
    const df = wordDf(term, stats);
    const expansion = expansionOf(term, options.synonyms ?? new Map());
    const synonyms = expansion.synonyms.filter((w) => wordDf(w, stats) > 0);
    const head = df === 0 ? printedPart(term, stats) : undefined;
    const chars = characterWeights(term, (c) => stats.charDf(c), n);
    return {
      term,
      df,
      ...(head !== undefined ? { head } : {}),
      ...(chars !== undefined ? { chars } : {}),
      weight: idf(df, n) * (df === 0 && isReaderWord(term, options) ? READER_WORD_WEIGHT : 1),
      ...(synonyms.length > 0 ? { synonyms } : {}),
      ...(options.abbreviations && expansion.abbreviation !== undefined ? { abbreviation: expansion.abbreviation } : {}),
    };
  });
  // A bigram the archive never printed is the reader's phrasing too when it lies inside a reader's
  // word or joins two words of the question (灭火|时靠 → 火时): it names nothing the paper could print.
  const readerWords = words.filter((w) => w.df === 0 && isReaderWord(w.term, options)).map((w) => w.term);
  const phrasing = (bigram: string) => readerWords.some((w) => w.includes(bigram)) || !terms.words.some((w) => w.includes(bigram));
  const bigrams = terms.bigrams.map((term) => {
    const df = stats.bigramDf(term);
    return { term, df, weight: idf(df, n) * (df === 0 && phrasing(term) ? READER_WORD_WEIGHT : 1) };
  });
  // Each lookup merges a whole posting list (the main cost of a query): look up only words the index
  // knows and bigrams it holds, none in more than maxDf passages, the rarest first.
  const indexedWords = words.filter((w) => stats.wordDf(w.term) > 0 && w.df <= maxDf);
  const bigramsToFind = bigrams.filter((b) => b.df > 0 && b.df <= maxDf);
  const budget = Math.min((options.maxPostingsRatio ?? 0.3) * n, options.maxPostings ?? Infinity);
  const chosen: { t: WeightedTerm; kind: 'word' | 'bigram' }[] = [];
  let postings = 0;
  for (const c of [...indexedWords.map((t) => ({ t, kind: 'word' as const })), ...bigramsToFind.map((t) => ({ t, kind: 'bigram' as const }))].sort(
    (a, b) => a.t.df - b.t.df,
  )) {
    // The rarest three are looked up even past the budget, unless one alone exceeds it (设计 in 30,000
    // passages at fifteen years): the next in line is rarer than nothing it would add.
    if (chosen.length >= maxTerms || ((chosen.length >= 3 || c.t.df > budget) && postings + c.t.df > budget)) break;
    chosen.push(c);
    postings += c.t.df;
  }
  let retrievalWords = chosen.filter((c) => c.kind === 'word').map((c) => c.t.term);
  let retrievalBigrams = chosen.filter((c) => c.kind === 'bigram').map((c) => c.t.term);
  if (retrievalWords.length === 0 && retrievalBigrams.length === 0) {
    // Only common terms: look up the rarest word and the rarest bigram, so such a question still finds
    // something, including passages where jieba kept the word inside a longer name (昌吉州融媒体中心).
    const rarest = (terms: WeightedTerm[]) => [...terms].sort((a, b) => a.df - b.df).slice(0, 1).map((t) => t.term);
    retrievalWords = rarest(words.filter((w) => stats.wordDf(w.term) > 0));
    retrievalBigrams = rarest(bigrams.filter((b) => b.df > 0));
  }
  // The reader's paraphrases reach the first stage too: the rarest synonyms the archive prints as
  // words, within what is left of the absolute posting budget (a common paraphrase such as 位于 or 参加
  // would merge tens of thousands of postings at fifteen years and rank little; it still counts in
  // re-ranking). The share of the archive is not applied to them: it binds in small archives, where
  // a lookup costs nothing.
  for (const w of words) {
    const lookups = (w.synonyms ?? []).filter((x) => stats.wordDf(x) > 0 && stats.wordDf(x) <= maxDf && !retrievalWords.includes(x));
    lookups.sort((a, b) => stats.wordDf(a) - stats.wordDf(b));
    for (const x of lookups.slice(0, MAX_SYNONYM_LOOKUPS)) {
      if (postings + stats.wordDf(x) > (options.maxPostings ?? Infinity)) break;
      retrievalWords = [...retrievalWords, x];
      postings += stats.wordDf(x);
    }
  }
  return {
    words,
    bigrams,
    segments: terms.segments,
    focus: focusOf(words, terms.names, (options.scopeRatio ?? 0.01) * n),
    retrievalWords,
    retrievalBigrams,
    // The question words are matched in simplified characters: "什麼時候建成" asks for a date, "幾個" for a number.
    asksNumber: ASKS_NUMBER.test(asked),
    answerShape: answerShapeOf(asked),
    answerPhrase: answerPhraseOf(asked),
  };
}

function found(terms: readonly WeightedTerm[], text: string, alsoIn?: string): [number, number] {
  let total = 0;
  let got = 0;
  for (const t of terms) {
    total += t.weight;
    got += t.weight * matchWeight(t, text, alsoIn);
  }
  return [got, total];
}

/** 1 when the text (or `alsoIn`) prints the term, less when only a paraphrase or a longer form of it, else 0. */
export function matchWeight(t: WeightedTerm, text: string, alsoIn?: string): number {
  if (text.includes(t.term) || (alsoIn !== undefined && alsoIn.includes(t.term))) return 1;
  if (t.synonyms !== undefined && t.synonyms.some((s) => text.includes(s) || (alsoIn !== undefined && alsoIn.includes(s)))) return EXPANSION_WEIGHT;
  if (t.abbreviation !== undefined && (t.abbreviation.test(text) || (alsoIn !== undefined && t.abbreviation.test(alsoIn)))) return ABBREVIATION_WEIGHT;
  if (t.head !== undefined && (text.includes(t.head) || (alsoIn !== undefined && alsoIn.includes(t.head)))) return ABBREVIATION_WEIGHT;
  return 0;
}

/** Σ weight of the terms found in `text` (or `alsoIn`) / Σ weight of all terms (0 when there are none). */
export function coverage(terms: readonly WeightedTerm[], text: string, alsoIn?: string): number {
  const [got, total] = found(terms, text, alsoIn);
  return total > 0 ? got / total : 0;
}

/**
 * How much of the question's information a text holds: the IDF mass of its words and bigrams found
 * in the text, over their whole mass. Substring tests, so a word jieba cut differently in the
 * archive still counts, and a word absent from the whole archive weighs the most against.
 */
export function evidence(model: QueryModel, text: string, alsoIn?: string): number {
  const [w, wt] = found(model.words, text, alsoIn);
  const [b, bt] = found(model.bigrams, text, alsoIn);
  return wt + bt > 0 ? (w + b) / (wt + bt) : 0;
}

/**
 * Share of the question's weighted words and bigrams that occur nowhere in the archive (document
 * frequency 0, so each weighs the most an IDF can). A question about something the paper never
 * printed (a foreign name, a place, a product) is mostly made of such terms.
 */
export function unseenShare(model: QueryModel): number {
  let unseen = 0;
  let total = 0;
  for (const t of [...model.words, ...model.bigrams]) {
    total += t.weight;
    if (t.df === 0) unseen += t.weight;
  }
  return total > 0 ? unseen / total : 0;
}
