import { normalizeWithMap } from '../text/normalize-for-match.js';
import { growRange } from './grow-range.js';
import { highlightsIn, type HighlightWords } from './highlight-terms.js';
import { coverage, type QueryModel, type WeightedTerm } from './query-model.js';
import { closeQuotes, isQuoteBalanced, tidyExcerptEdges, trimSentence, type ClauseRater } from './trim-excerpt.js';

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

/** What a clause holding the answer's span (110米, 2023年) is worth above the question's words: the most. */
const SPAN_BONUS = 3;

/** The window's way of rating clauses, for trimming a sentence too long to show whole: the answer's spans first. */
function raterOf(model: QueryModel, spans: readonly string[] = []): ClauseRater {
  return {
    score: (text) => {
      const norm = normalizeWithMap(text).text;
      return scoreText(model, norm) + (spans.some((x) => norm.includes(x)) ? SPAN_BONUS : 0);
    },
    anchorAt: (text) => {
      const norm = normalizeWithMap(text).text;
      return Math.max(0, ...model.words.map((w) => norm.indexOf(w.term)).filter((i) => i >= 0).slice(0, 1));
    },
  };
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
  anchor?: { start: number; end: number; spans?: readonly { text: string }[]; core?: number };
  max?: number;
  /** The tokenizer: cuts and highlights then fall on jieba's word boundaries (see trim-excerpt, highlight-terms). */
  words?: HighlightWords;
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
  // The answer's spans (normalised): whatever is cut, the clause holding one stays.
  const spans = (anchor?.spans ?? []).map((x) => x.text).filter((x) => x !== '');
  const rater = raterOf(model, spans);
  const anchored = anchor !== undefined && anchor.end < sentences.length && joined(sentences, anchor.start, anchor.end).length <= max;
  if (anchor !== undefined && !anchored && anchor.start < sentences.length) {
    const holds = (i: number) => spans.some((x) => sentences[i]!.norm.includes(x));
    const second = anchor.end > anchor.start && (holds(anchor.end) && !holds(anchor.start) ? true : !holds(anchor.start) && sentences[anchor.end]!.score > sentences[anchor.start]!.score);
    // The sentence holding both the attribute and the span (see AnswerWindow.core) is the one to keep.
    best = anchor.core ?? (second ? anchor.end : anchor.start);
  }
  let text: string;
  if (!anchored && sentences[best]!.text.length > max) {
    text = trimSentence(sentences[best]!.text.trim(), max, rater, false, input.words);
  } else {
    if (anchored) best = anchor.start;
    const [start, end] = closeQuotes(sentences, best, growRange(sentences, best, max, anchored ? anchor.end : best), max);
    text = joined(sentences, start, end);
    // A neighbour too long to fit whole may still hold the answer in one clause ("…主办，培训时间共9天，…"):
    // fill the room left with its best clauses, unless that cuts a quotation.
    const room = max - text.length;
    const prev = sentences[start - 1];
    const next = sentences[end + 1];
    const side = next !== undefined && (prev === undefined || next.score >= prev.score) ? next : prev;
    const part = side !== undefined && side.score > 0 && room >= MIN_PART ? trimSentence(side.text.trim(), room, rater, true, input.words) : undefined;
    if (part !== undefined) {
      const filled = side === next ? text.trimEnd() + part : part + text.trimStart();
      if (isQuoteBalanced(filled) || !isQuoteBalanced(text)) text = filled;
    }
  }
  text = tidyExcerptEdges(text);
  return { text, highlights: highlightsIn(text, model, input.words) };
}

function joined(sentences: readonly SentenceText[], start: number, end: number): string {
  return sentences.slice(start, end + 1).map((s) => s.text).join('');
}
