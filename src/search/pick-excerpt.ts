import { normalizeWithMap } from '../text/normalize-for-match.js';
import { coverage, type QueryModel, type WeightedTerm } from './query-model.js';

export const MAX_EXCERPT = 200;

/** What a reader sees of a result: a short plain-text excerpt and the terms to bold in it. */
export interface Excerpt {
  text: string;
  highlights: string[];
}

/** A sentence and its normalised form (computed once per passage and kept). */
export interface SentenceText {
  text: string;
  norm: string;
}

interface Sentence extends SentenceText {
  score: number;
}

/** The sentences of a passage, ready for scoring. */
export function sentencesOf(text: string, splitSentences: (text: string) => string[]): SentenceText[] {
  return splitSentences(text)
    .filter((s) => s.trim() !== '')
    .map((s) => ({ text: s, norm: normalizeWithMap(s).text }));
}

const FIGURE = /\d|[一二两三四五六七八九十百千万亿]+[个家户名人天台套座所项次元吨亩米年]|[%％]/u;
/** The fewest characters worth showing of a neighbouring sentence that does not fit whole. */
const MIN_PART = 16;
const CLAUSE = /(?<=[，,：:；;])/u;
/** Punctuation that closes something: never the first character of an excerpt. */
const LEADING_CLOSERS = /^[\s”’」』）)》〉】\]，,。．、；;：:！!？?]+/u;

function scoreText(model: QueryModel, norm: string): number {
  const words = coverage(model.words, norm);
  const bigrams = model.bigrams.length > 0 ? coverage(model.bigrams, norm) : words;
  // When the question asks for a number, the sentence holding a figure is usually the answer,
  // one holding a figure in the unit asked for ("多少天" → 9天) more so, and one holding it beside
  // the thing counted ("几个实践站" → 实践站3个) most.
  const shaped = model.answerShape !== undefined && model.answerShape.test(norm) ? 0.5 : 0;
  const figure = model.asksNumber && FIGURE.test(norm) ? 0.3 : 0;
  const phrase = model.answerPhrase !== undefined && model.answerPhrase.test(norm) ? 1 : 0;
  return words + bigrams + figure + shaped + phrase;
}

/** Grows [start, end] with the better-scoring neighbour first while the total stays within `max`. */
function grow<T extends { text: string; score: number }>(items: T[], best: number, max: number, last = best): [number, number] {
  let start = best;
  let end = last;
  let length = items.slice(best, last + 1).reduce((n, s) => n + s.text.length, 0);
  for (;;) {
    const prev = items[start - 1];
    const next = items[end + 1];
    const fitsPrev = prev !== undefined && length + prev.text.length <= max;
    const fitsNext = next !== undefined && length + next.text.length <= max;
    if (!fitsPrev && !fitsNext) return [start, end];
    // Prefer the neighbour that says more about the question; on a tie, read on.
    if (fitsNext && (!fitsPrev || next.score >= prev.score)) {
      end++;
      length += next.text.length;
    } else {
      start--;
      length += prev!.text.length;
    }
  }
}

/**
 * A sentence longer than `max`: keep the best clauses around the best one, marking the cuts with ….
 * With `wholeClauses`, undefined when even the best clause does not fit (rather than cutting it).
 */
function trimSentence(model: QueryModel, sentence: string, max: number): string;
function trimSentence(model: QueryModel, sentence: string, max: number, wholeClauses: true): string | undefined;
function trimSentence(model: QueryModel, sentence: string, max: number, wholeClauses = false): string | undefined {
  const clauses = sentence.split(CLAUSE).map((text) => ({ text, score: scoreText(model, normalizeWithMap(text).text) }));
  let best = 0;
  clauses.forEach((c, i) => {
    if (c.score > clauses[best]!.score) best = i;
  });
  const bestClause = clauses[best]!;
  if (bestClause.text.length > max - 2) {
    if (wholeClauses) return undefined;
    // One enormous clause: centre a window on the first matched word.
    const norm = normalizeWithMap(bestClause.text).text;
    const at = Math.max(0, ...model.words.map((w) => norm.indexOf(w.term)).filter((i) => i >= 0).slice(0, 1));
    const from = Math.max(0, Math.min(at - Math.floor((max - 2) / 3), bestClause.text.length - (max - 2)));
    return `${from > 0 ? '…' : ''}${bestClause.text.slice(from, from + max - 2)}…`;
  }
  const [start, end] = grow(clauses, best, max - 2);
  const body = clauses.slice(start, end + 1).map((c) => c.text).join('');
  return `${start > 0 ? '…' : ''}${body}${end < clauses.length - 1 ? '…' : ''}`;
}

/**
 * The question's terms reweighted for choosing among one article's sentences: a term most of its
 * sentences hold (the place or body the whole article is about: 昌吉市, 人大) tells them apart
 * less than one only a few hold (实践站), so its weight shrinks like an IDF over the sentences.
 */
function withinArticle(model: QueryModel, sentences: readonly SentenceText[]): QueryModel {
  const n = sentences.length;
  if (n < 3) return model;
  const scale = Math.log(1 + n);
  const reweigh = (t: WeightedTerm): WeightedTerm => {
    const holding = sentences.filter((s) => s.norm.includes(t.term)).length;
    return holding === 0 ? t : { ...t, weight: (t.weight * Math.log(1 + n / holding)) / scale };
  };
  return { ...model, words: model.words.map(reweigh), bigrams: model.bigrams.map(reweigh) };
}

/**
 * The excerpt for a result: the article sentence that best answers the question (coverage of the
 * question's weighted words and bigrams, a figure when it asks 多少/几, a nudge towards the passage
 * that ranked), then its neighbours while the whole stays within `max` characters.
 * Cuts fall at sentence boundaries; only a single sentence longer than `max` is cut, at clauses.
 */
export function pickExcerpt(input: {
  model: QueryModel;
  /** The article's passages, in order, as sentences (see sentencesOf). */
  passages: readonly (readonly SentenceText[])[];
  /** Index in `passages` of the passage that ranked. */
  focus: number;
  /**
   * The sentences (indices into the article's sentences, all passages in order) that answer the
   * question (see findAnswerWindow): the excerpt is built around them when they fit.
   */
  anchor?: { start: number; end: number };
  max?: number;
}): Excerpt {
  const { passages, focus } = input;
  const max = input.max ?? MAX_EXCERPT;
  const all = passages.flat();
  const model = withinArticle(input.model, all);
  const sentences: Sentence[] = [];
  passages.forEach((list, passage) => {
    for (const s of list) sentences.push({ ...s, score: scoreText(model, s.norm) + (passage === focus ? 0.1 : 0) });
  });
  if (sentences.length === 0) return { text: '', highlights: [] };
  let best = 0;
  sentences.forEach((s, i) => {
    if (s.score > sentences[best]!.score) best = i;
  });
  const anchor = input.anchor;
  const anchored = anchor !== undefined && anchor.end < sentences.length && joined(sentences, anchor.start, anchor.end).length <= max;
  if (anchor !== undefined && !anchored && anchor.start < sentences.length) best = anchor.end > anchor.start && sentences[anchor.end]!.score > sentences[anchor.start]!.score ? anchor.end : anchor.start;
  let text: string;
  if (!anchored && sentences[best]!.text.length > max) {
    text = trimSentence(model, sentences[best]!.text.trim(), max);
  } else {
    if (anchored) best = anchor.start;
    const [start, end] = closeQuotes(sentences, best, grow(sentences, best, max, anchored ? anchor.end : best), max);
    text = joined(sentences, start, end);
    // A neighbour too long to fit whole may still hold the answer in one clause ("…主办，培训时间共9天，…"):
    // fill the room left with its best clauses, unless that cuts a quotation.
    const room = max - text.length;
    const prev = sentences[start - 1];
    const next = sentences[end + 1];
    const side = next !== undefined && (prev === undefined || next.score >= prev.score) ? next : prev;
    const part = side !== undefined && side.score > 0 && room >= MIN_PART ? trimSentence(model, side.text.trim(), room, true) : undefined;
    if (part !== undefined) {
      const filled = side === next ? text.trimEnd() + part : part + text.trimStart();
      if (isQuoteBalanced(filled) || !isQuoteBalanced(text)) text = filled;
    }
  }
  // A sentence the source printed after a stray closing quote or bracket must not open the excerpt with it,
  // and a quotation cut by the excerpt loses its dangling mark.
  text = dropDanglingQuotes(text.trim().replace(LEADING_CLOSERS, ''));
  return { text, highlights: highlightsIn(text, model) };
}

function joined(sentences: readonly SentenceText[], start: number, end: number): string {
  return sentences.slice(start, end + 1).map((s) => s.text).join('');
}

/** Positions of the “ and ” marks of `text` that have no partner inside it. */
function danglingQuotes(text: string): number[] {
  const opened: number[] = [];
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '“') opened.push(i);
    else if (text[i] === '”' && opened.pop() === undefined) out.push(i);
  }
  return [...out, ...opened];
}

function isQuoteBalanced(text: string): boolean {
  return danglingQuotes(text).length === 0;
}

/** `text` without its unpartnered quotation marks. */
function dropDanglingQuotes(text: string): string {
  const drop = new Set(danglingQuotes(text));
  if (drop.size === 0) return text;
  return Array.from(text, (ch, i) => (drop.has(i) ? '' : ch)).join('');
}

/**
 * Sentences [start, end] around `best` moved so that no quotation is cut: a quotation that closes
 * inside the excerpt takes in the sentence that opens it (with its speaker: "唐浩文说：“…"), one that
 * opens inside takes in the sentence that closes it, dropping sentences from the far side while the
 * whole would exceed `max`. Unchanged when no such range fits.
 */
function closeQuotes(sentences: readonly SentenceText[], best: number, [start, end]: [number, number], max: number): [number, number] {
  if (isQuoteBalanced(joined(sentences, start, end))) return [start, end];
  let fallback: [number, number] | undefined;
  // The nearest balanced range that still holds the best sentence and fits, widest first.
  for (let from = start; from >= 0 && joined(sentences, from, best).length <= max; from--) {
    for (let to = Math.max(end, best); to < sentences.length; to++) {
      const text = joined(sentences, from, to);
      if (text.length > max) break;
      if (isQuoteBalanced(text)) return [from, to];
    }
    for (let to = end - 1; to >= best; to--) {
      const text = joined(sentences, from, to);
      if (text.length <= max && isQuoteBalanced(text)) {
        fallback ??= [from, to];
        break;
      }
    }
  }
  for (let from = start + 1; from <= best && fallback === undefined; from++) {
    for (let to = end; to < sentences.length; to++) {
      const text = joined(sentences, from, to);
      if (text.length > max) break;
      if (isQuoteBalanced(text)) {
        fallback = [from, to];
        break;
      }
    }
  }
  return fallback ?? [start, end];
}

/**
 * Whether a query bigram is part of something the reader wrote as a unit: inside one query word
 * (石门子 of 石门子水库), or two one-character words (a name jieba cut apart). A bigram that only
 * joins two words of the question (亩|冬 of "多少亩冬小麦", 镇|种 of "北庭镇种植") ranks, but bolding
 * it would bold a character the text does not use that way ("40万亩冬小麦").
 */
function isWordPart(bigram: string, model: QueryModel): boolean {
  const [a, b] = Array.from(bigram);
  if (model.words.some((w) => w.term.includes(bigram))) return true;
  return model.words.some((w) => w.term === a) && model.words.some((w) => w.term === b);
}

/**
 * The query's words and bigrams as they appear in `text` (original characters, so a 繁体 question
 * bolds the simplified archive text): maximal runs of matched characters, two or more long, longest first.
 * Bigrams that only join two words of the question are not bolded (see isWordPart).
 */
export function highlightsIn(text: string, model: QueryModel): string[] {
  const { text: norm, origin } = normalizeWithMap(text);
  const marked = new Uint8Array(norm.length);
  const mark = (term: string) => {
    if (term.length < 2) return;
    for (let at = norm.indexOf(term); at >= 0; at = norm.indexOf(term, at + 1)) marked.fill(1, at, at + term.length);
  };
  for (const w of model.words) mark(w.term);
  for (const b of model.bigrams) if (isWordPart(b.term, model)) mark(b.term);
  const found = new Set<string>();
  for (let i = 0; i < norm.length; ) {
    if (!marked[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < norm.length && marked[j]) j++;
    const from = origin[i]!;
    const last = origin[j - 1]!;
    const to = last + (text.codePointAt(last)! > 0xffff ? 2 : 1);
    const piece = text.slice(from, to);
    if (piece.trim().length >= 2) found.add(piece.trim());
    i = j;
  }
  return [...found].sort((a, b) => b.length - a.length);
}
