import { unpairedMarks } from '../text/paired-spans.js';
import { CUT, cutLevels, type WordCutter } from './cut-levels.js';

export type { WordCutter } from './cut-levels.js';

/** Punctuation that closes something: never the first character of an excerpt. */
const LEADING_CLOSERS = /^[\s”’」』）)》〉】\]，,。．、；;：:！!？?]+/u;
/** Punctuation that ends a clause: dropped where an excerpt is cut after it ("…，…" reads "……"). */
const TRAILING_PAUSE = /[\s，,；;：:、]+$/u;
const MARK = '…';

/** How the window choice rates a piece of text for the question (trimming itself knows no question). */
export interface ClauseRater {
  /** How much the clause says about the question. */
  score(text: string): number;
  /** Where in the clause the question's first word appears (0 when it does not). */
  anchorAt(text: string): number;
}

/** The part of a text to keep, as a half-open range [start, end). */
export interface KeepRange {
  start: number;
  end: number;
}

/** Characters `text[from, to)` takes once shown, its cut marks included. */
function shownLength(levels: Int8Array, from: number, to: number): number {
  const n = levels.length - 1;
  return to - from + (from > 0 && levels[from]! < CUT.sentence ? 1 : 0) + (to < n && levels[to]! < CUT.sentence ? 1 : 0);
}

/** The nearest position in (from, limit] (forward) or [limit, from) (backward) at `min` or better. */
function nextCut(levels: Int8Array, from: number, limit: number, min: number): number | undefined {
  const step = limit > from ? 1 : -1;
  for (let p = from + step; step > 0 ? p <= limit : p >= limit; p += step) if (levels[p]! >= min) return p;
  return undefined;
}

/**
 * The range of a text to show: the whole of `keep` (widened to the nearest places a cut is allowed),
 * then whole clauses dropped from the end farthest from it while the shown text exceeds `max`; only
 * when no clause can go are words dropped. A `keep` longer than `max` is shortened from its end.
 */
export function trimRange(levels: Int8Array, keep: KeepRange, max: number): { from: number; to: number } {
  const n = levels.length - 1;
  let ks = Math.max(0, Math.min(keep.start, n));
  let ke = Math.max(ks, Math.min(keep.end, n));
  while (ks > 0 && levels[ks] === CUT.never) ks--;
  while (ke < n && levels[ke] === CUT.never) ke++;
  let from = 0;
  let to = n;
  while (shownLength(levels, from, to) > max) {
    const front = ks - from;
    const back = to - ke;
    let moved = false;
    for (const min of [CUT.clause, CUT.word]) {
      for (const side of front > back ? ['front', 'back'] : ['back', 'front']) {
        const p = side === 'front' ? nextCut(levels, from, ks, min) : nextCut(levels, to, ke, min);
        if (p === undefined) continue;
        if (side === 'front') from = p;
        else to = p;
        moved = true;
        break;
      }
      if (moved) break;
    }
    if (moved) continue;
    // Only what must be kept is left (from = ks, to = ke), and it is too long: keep its beginning,
    // cut between words if at all possible, else (one 200-character word) where it must.
    const limit = from + max - 2;
    return { from, to: nextCut(levels, limit + 1, from + 1, CUT.word) ?? limit };
  }
  return regrow(levels, from, to, max);
}

/** Clauses dropped from one end may leave room for one dropped from the other: take back what fits. */
function regrow(levels: Int8Array, from: number, to: number, max: number): { from: number; to: number } {
  const n = levels.length - 1;
  for (let grew = true; grew; ) {
    grew = false;
    const earlier = from > 0 ? nextCut(levels, from, 0, CUT.clause) : undefined;
    if (earlier !== undefined && shownLength(levels, earlier, to) <= max) [from, grew] = [earlier, true];
    const later = to < n ? nextCut(levels, to, n, CUT.clause) : undefined;
    if (later !== undefined && shownLength(levels, from, later) <= max) [to, grew] = [later, true];
  }
  return { from, to };
}

/** `text[from, to)` with its cuts marked by … (a cut at a sentence end needs none). */
function shown(text: string, levels: Int8Array, from: number, to: number): string {
  const n = text.length;
  const head = from > 0 && levels[from]! < CUT.sentence ? MARK : '';
  const tail = to < n && levels[to]! < CUT.sentence;
  const body = text.slice(from, to);
  return `${head}${tail ? body.replace(TRAILING_PAUSE, '') + MARK : body}`;
}

/**
 * `text` cut to at most `max` characters at safe places (see cutLevels): never inside a figure with
 * its unit, a word, or a quotation or title that fits; whole clauses go first, from the end farthest
 * from `keep` (the answer, when known; else the beginning). Cuts inside a sentence are marked with ….
 *
 * @example trimExcerpt({ text: '前面的话很长很长，水库蓄水2.35亿立方米，后面的话也很长。', max: 16, keep: { start: 9, end: 20 } })
 * // '…水库蓄水2.35亿立方米…'
 */
export function trimExcerpt(input: { text: string; max: number; keep?: KeepRange; words?: WordCutter }): string {
  const { text, max } = input;
  if (text.length <= max) return text;
  const levels = cutLevels(text, { words: input.words, maxWhole: max - 2 });
  const { from, to } = trimRange(levels, input.keep ?? { start: 0, end: 0 }, max);
  return shown(text, levels, from, to);
}

/**
 * A sentence longer than `max`: its best clause (by `rater`) kept, with as many of the clauses
 * around it as fit, dropped from the far end first and the cuts marked with ….
 * With `wholeClauses`, undefined when even the best clause does not fit (rather than cutting it);
 * otherwise an enormous clause is cut between words around the question's first word.
 */
export function trimSentence(sentence: string, max: number, rater: ClauseRater, wholeClauses?: false, words?: WordCutter): string;
export function trimSentence(sentence: string, max: number, rater: ClauseRater, wholeClauses: true, words?: WordCutter): string | undefined;
export function trimSentence(sentence: string, max: number, rater: ClauseRater, wholeClauses = false, words?: WordCutter): string | undefined {
  const levels = cutLevels(sentence, { words, maxWhole: max - 2 });
  const bounds = [0];
  for (let p = 1; p < sentence.length; p++) if (levels[p]! >= CUT.clause) bounds.push(p);
  bounds.push(sentence.length);
  let best = 0;
  let bestScore = -Infinity;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const score = rater.score(sentence.slice(bounds[i], bounds[i + 1]));
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  const start = bounds[best]!;
  const end = bounds[best + 1]!;
  let keep: KeepRange = { start, end };
  if (end - start > max - 2) {
    if (wholeClauses) return undefined;
    const at = start + rater.anchorAt(sentence.slice(start, end));
    keep = { start: at, end: at + 1 };
  }
  if (sentence.length <= max && !wholeClauses) return sentence;
  const { from, to } = trimRange(levels, keep, max);
  return shown(sentence, levels, from, to);
}

function joined(sentences: readonly { text: string }[], start: number, end: number): string {
  return sentences.slice(start, end + 1).map((s) => s.text).join('');
}

/** Whether every quotation and title mark of `text` (“…”, 「…」, 《…》) has its partner inside it. */
export function isQuoteBalanced(text: string): boolean {
  return unpairedMarks(text).length === 0;
}

/**
 * The excerpt's edges tidied: a sentence the source printed after a stray closing quote or bracket
 * must not open the excerpt with it, and a quotation cut by the excerpt (one too long to show whole)
 * loses its dangling mark.
 */
export function tidyExcerptEdges(text: string): string {
  const trimmed = text.trim().replace(LEADING_CLOSERS, '');
  const drop = new Set(unpairedMarks(trimmed));
  if (drop.size === 0) return trimmed;
  return Array.from(trimmed, (ch, i) => (drop.has(i) ? '' : ch)).join('');
}

/**
 * Sentences [start, end] around `best` moved so that no quotation is cut: a quotation that closes
 * inside the excerpt takes in the sentence that opens it (with its speaker: "唐浩文说：“…"), one that
 * opens inside takes in the sentence that closes it, dropping sentences from the far side while the
 * whole would exceed `max`. Unchanged when no such range fits.
 */
export function closeQuotes(sentences: readonly { text: string }[], best: number, [start, end]: [number, number], max: number): [number, number] {
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
