import { termOccurrences } from '../text/mark-terms.js';
import { normalizeWithMap } from '../text/normalize-for-match.js';
import { hasUnit, numberSpans } from '../text/number-spans.js';
import { CUT, cutLevels, type WordCutter } from './cut-levels.js';
import type { QueryModel } from './query-model.js';

/** What highlighting needs of the tokenizer: jieba's cut, which words say nothing, which are its guesses. */
export interface HighlightWords extends WordCutter {
  isStopword(word: string): boolean;
  /** Whether a word of the cut is jieba's HMM guess (户伊雪梅), not a dictionary word; none is, without it. */
  guessed?(word: string): boolean;
}

// Punctuation and spaces at a highlight's edges, except a percent sign, which is a figure's unit.
const EDGE_PUNCTUATION = /^(?:(?![%％‰])[\p{P}\p{S}\s])+|(?:(?![%％‰])[\p{P}\p{S}\s])+$/gu;
const CONTENT = /[\p{L}\p{N}]/u;
// What is left of a run once its edges are trimmed can still be a figure alone ("年,10" of 2023年,10部门 → 10).
const BARE_FIGURE = /^[0-9０-９.．,，]+$/u;

/** A word matched for at least this share of its characters is bolded whole (石门子水 of 石门子水库 → 石门子水库). */
const WHOLE_WORD_SHARE = 2 / 3;

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

/** Marks, in normalised text, every occurrence of the question's words, their expansions that matched, and its word-part bigrams. */
function markMatches(norm: string, model: QueryModel, isOneWord?: (start: number, end: number) => boolean): Uint8Array {
  const marked = new Uint8Array(norm.length);
  const mark = (term: string) => {
    if (term.length < 2) return;
    for (let at = norm.indexOf(term); at >= 0; at = norm.indexOf(term, at + 1)) marked.fill(1, at, at + term.length);
  };
  for (const w of model.words) {
    mark(w.term);
    // A reader's word found through a synonym (看病 → 就医) or as an abbreviation (医保 → 医疗保险) is what answered: bold it too.
    for (const s of w.synonyms ?? []) mark(normalizeWithMap(s).text);
    // The pattern of an abbreviation also matches across words (不难 → 不再难): only a match inside one word counts.
    if (w.abbreviation === undefined || isOneWord === undefined) continue;
    for (const m of norm.matchAll(new RegExp(w.abbreviation.source, 'gu'))) {
      if (isOneWord(m.index, m.index + m[0].length)) marked.fill(1, m.index, m.index + m[0].length);
    }
  }
  for (const b of model.bigrams) if (isWordPart(b.term, model)) mark(b.term);
  return marked;
}

/** Whether norm[start, end) lies inside one of jieba's words (医疗保 of 医疗保险, not 不再难 of 不再|难); jieba runs only when asked. */
function oneWordTest(norm: string, words: WordCutter): (start: number, end: number) => boolean {
  let bounds: Uint8Array | undefined;
  return (start, end) => {
    if (bounds === undefined) {
      bounds = new Uint8Array(norm.length + 1);
      let at = 0;
      for (const piece of words.cut(norm)) {
        bounds[at] = 1;
        at += piece.length;
      }
    }
    return !bounds.subarray(start + 1, end).some(Boolean);
  };
}

/** Runs of marked normalised characters, as half-open ranges of the original text. */
function markedRuns(text: string, origin: Int32Array, marked: Uint8Array): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < marked.length; ) {
    if (!marked[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < marked.length && marked[j]) j++;
    const last = origin[j - 1]!;
    runs.push([origin[i]!, last + (text.codePointAt(last)! > 0xffff ? 2 : 1)]);
    i = j;
  }
  return runs;
}

/** The word of `bounds` holding position `at` (bounds: sorted word boundaries, 0 and text.length included). */
function wordAt(bounds: readonly number[], at: number): [number, number] {
  let k = 0;
  while (bounds[k + 1]! <= at) k++;
  return [bounds[k]!, bounds[k + 1]!];
}

/**
 * A run moved to word boundaries: a word it covers for most of its length is taken whole, one it
 * only touches is left out; an edge of a reader's unit (see readerUnits) stays. Undefined when nothing is left.
 */
function toWholeWords(run: [number, number], bounds: readonly number[], edges: ReadonlySet<number>): [number, number] | undefined {
  let [from, to] = run;
  const [ws, we] = wordAt(bounds, from);
  if (ws < from && !edges.has(from)) from = (Math.min(to, we) - from) / (we - ws) >= WHOLE_WORD_SHARE ? ws : we;
  const [ls, le] = wordAt(bounds, to - 1);
  if (to < le && !edges.has(to)) to = (to - Math.max(from, ls)) / (le - ls) >= WHOLE_WORD_SHARE ? le : ls;
  return from < to ? [from, to] : undefined;
}

/** The jieba word of `text` (as printed) holding position `p`; jieba runs only when asked. */
function jiebaWords(text: string, words: WordCutter): (p: number) => string {
  let pieces: { start: number; word: string }[] | undefined;
  return (p) => {
    if (pieces === undefined) {
      let at = 0;
      pieces = words.cut(text).map((word) => ({ start: (at += word.length) - word.length, word }));
    }
    return pieces.find((w) => w.start <= p && p < w.start + w.word.length)?.word ?? '';
  };
}

/**
 * What the reader wrote as a unit, found as printed: a run of the question's words (白海彪, 六尺巷,
 * 石门子水库管理站站长) or one word (伊雪梅), as ranges of the normalised text. jieba's cut of the text
 * can disagree with the reader's: it guesses unknown names and glues them to a character
 * (种植|户伊雪梅, 白海|彪) or joins words across the reader's boundary (站|长江|军奎). A unit is taken
 * where its edges are the text's word boundaries, or cut only jieba's guesses, or it is several of the
 * reader's words found verbatim; a dictionary word it would cut (石门子水库 for 水库) stays whole.
 * Never inside a figure (17 of 170亩). Its edges are then places a highlight may begin or end.
 */
function readerUnits(text: string, norm: string, origin: Int32Array, model: QueryModel, words: HighlightWords, bounds: readonly number[]): { norm: [number, number]; edges: number[] }[] {
  const isBound = new Uint8Array(text.length + 1);
  for (const b of bounds) isBound[b] = 1;
  const figures = numberSpans(text);
  const units = [...new Set([...model.segments, ...model.words.map((w) => w.term)])]
    .filter((u) => Array.from(u).length >= 2 && CONTENT.test(u) && !BARE_FIGURE.test(u) && !words.isStopword(u))
    .sort((a, b) => b.length - a.length);
  const jiebaWordAt = jiebaWords(text, words);
  const cutsSafely = (p: number, phrase: boolean) => {
    if (isBound[p]) return true;
    if (figures.some((f) => f.start < p && p < f.end)) return false;
    return phrase || (words.guessed?.(jiebaWordAt(p)) ?? false);
  };
  const taken: { norm: [number, number]; edges: number[] }[] = [];
  for (const unit of units) {
    // A run of several of the reader's words (a segment that is no single word) is found verbatim.
    const phrase = !model.words.some((w) => w.term === unit);
    for (let at = norm.indexOf(unit); at >= 0; at = norm.indexOf(unit, at + 1)) {
      const end = at + unit.length;
      const last = origin[end - 1]!;
      const edges = [origin[at]!, last + (text.codePointAt(last)! > 0xffff ? 2 : 1)];
      if (taken.some((t) => t.norm[0] < end && at < t.norm[1])) continue;
      if (cutsSafely(edges[0]!, phrase) && cutsSafely(edges[1]!, phrase)) taken.push({ norm: [at, end], edges });
    }
  }
  return taken;
}

/**
 * The query's words, bigrams and matched expansions as they appear in `text`, as whole words
 * (original characters, so a 繁体 question bolds the simplified archive text), longest first.
 * With `words` (the tokenizer), runs snap to jieba's words, a figure goes with its unit or not at all,
 * stopwords and single characters are never bolded, and a term whose every occurrence would not
 * show as whole words (the renderers bold every occurrence, see markTerms) is left out.
 */
export function highlightsIn(text: string, model: QueryModel, words?: HighlightWords): string[] {
  const { text: norm, origin } = normalizeWithMap(text);
  const marked = markMatches(norm, model, words === undefined ? undefined : oneWordTest(norm, words));
  if (words === undefined) return byLength(markedRuns(text, origin, marked).map(([a, b]) => text.slice(a, b).trim()).filter((p) => p.length >= 2));
  const levels = cutLevels(text, { words, quotations: false });
  const bounds: number[] = [];
  levels.forEach((l, i) => {
    if (l >= CUT.word) bounds.push(i);
  });
  const units = readerUnits(text, norm, origin, model, words, bounds);
  for (const u of units) marked.fill(1, ...u.norm);
  const edges = new Set(units.flatMap((u) => u.edges));
  const figures = numberSpans(text);
  const isBareFigure = (a: number, b: number) => figures.some((f) => f.start <= a && b <= f.end && !hasUnit(text, f));
  // A reader who wrote a figure (剥离土方2145.12万立方米) asks about that one: another figure that
  // only shares its unit (35万立方米) is not what they wrote, and bolding it whole would say it is.
  const readerFigure = model.words.some((w) => /[0-9０-９]/u.test(w.term));
  const isOtherFigure = ([a, b]: [number, number]) => readerFigure && !/[0-9０-９]/u.test(text.slice(a, b)) && figures.some((f) => f.start <= a && b <= f.end);
  let found = markedRuns(text, origin, marked)
    .filter((run) => !isOtherFigure(run))
    .map((run) => toWholeWords(run, bounds, edges))
    .filter((r): r is [number, number] => r !== undefined && !isBareFigure(r[0], r[1]))
    // Punctuation is jieba's word too, but nothing to bold: "，水库" shows as 水库.
    .map(([a, b]) => text.slice(a, b).replace(EDGE_PUNCTUATION, ''))
    .filter((p) => CONTENT.test(p) && !BARE_FIGURE.test(p))
    .filter((p) => Array.from(p).length >= 2 && !words.isStopword(normalizeWithMap(p).text));
  // Keep only terms whose every rendered occurrence falls on word boundaries (or a reader's unit's edges).
  // Occurrences are matched case-insensitively (AM marks "am" too), so terms are compared lowercased;
  // the loop ends when a round removes nothing.
  const cutsWell = (p: number) => levels[p]! >= CUT.word || edges.has(p);
  for (;;) {
    const bad = new Set(termOccurrences(text, found).filter((o) => !cutsWell(o.start) || !cutsWell(o.end)).map((o) => text.slice(o.start, o.end).toLowerCase()));
    const kept = found.filter((t) => !bad.has(t.toLowerCase()));
    if (kept.length === found.length) break;
    found = kept;
  }
  return byLength(found);
}

function byLength(pieces: readonly string[]): string[] {
  return [...new Set(pieces)].sort((a, b) => b.length - a.length);
}
