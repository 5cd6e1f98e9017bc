import { numberSpans, type Span } from '../text/number-spans.js';
import { pairedSpans } from '../text/paired-spans.js';

/** jieba's plain cut of normalised text (Tokenizer.cut): every piece, punctuation included. */
export interface WordCutter {
  cut(text: string): string[];
}

/** How good a place to cut is: never, between words, after a clause (，；：), after a sentence. */
export const CUT = { never: 0, word: 1, clause: 2, sentence: 3 } as const;

const CLAUSE_END = new Set(['，', ',', '；', ';', '：', ':']);
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '…']);
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '〉', '】']);

function forbidInside(levels: Int8Array, spans: readonly Span[]): void {
  for (const s of spans) levels.fill(CUT.never, s.start + 1, s.end);
}

/**
 * Positions strictly inside a jieba word of `text`. jieba cuts the text as printed, not its normalised
 * form: the boundaries then need no mapping back, and normalising (OpenCC) would cost more than the cut.
 */
function insideWords(text: string, words: WordCutter): number[] {
  const pieces = words.cut(text);
  // jieba returns every character; if it ever does not, no word is known and only the other rules hold.
  if (pieces.join('') !== text) return [];
  const out: number[] = [];
  let at = 0;
  for (const piece of pieces) {
    for (let q = at + 1; q < at + piece.length; q++) out.push(q);
    at += piece.length;
  }
  return out;
}

/** A letter or digit of a Latin word or figure (cheaper than a Unicode class, and all that matters without jieba). */
function isAsciiWordChar(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xff10 && code <= 0xff19);
}

/**
 * For each position 0..text.length of `text`, how good a place it is to cut (see CUT): never inside
 * a figure with its unit (2.35亿立方米, 2024年11月5日), a word (jieba's, when `words` is given; else
 * never inside a run of Latin letters or digits), or a quotation, title or bracket; figures, quotations
 * and the like longer than `maxWhole` cannot be shown whole, so they may be cut (at clauses, or words).
 * With `quotations: false`, only words and figures count (for highlighting words inside a quotation).
 * The two ends are sentence ends.
 */
export function cutLevels(text: string, options: { words?: WordCutter; maxWhole?: number; quotations?: boolean } = {}): Int8Array {
  const n = text.length;
  const levels = new Int8Array(n + 1).fill(CUT.word);
  for (let i = 1; i < n; i++) {
    const prev = text[i - 1]!;
    const ch = text[i]!;
    const prevCode = text.charCodeAt(i - 1);
    // Never split a surrogate pair, or a Latin word or figure when no segmenter says otherwise.
    if ((prevCode >= 0xd800 && prevCode <= 0xdbff) || (options.words === undefined && isAsciiWordChar(prevCode) && isAsciiWordChar(text.charCodeAt(i)))) levels[i] = CUT.never;
    else if (CLAUSE_END.has(prev)) levels[i] = CUT.clause;
    else if (!CLOSERS.has(ch) && !SENTENCE_END.has(ch) && (SENTENCE_END.has(prev) || (CLOSERS.has(prev) && endsSentence(text, i - 1)))) levels[i] = CUT.sentence;
  }
  if (options.words !== undefined) for (const at of insideWords(text, options.words)) levels[at] = CUT.never;
  const maxWhole = options.maxWhole ?? Infinity;
  const fits = (s: Span) => s.end - s.start <= maxWhole;
  forbidInside(levels, numberSpans(text).filter(fits));
  if (options.quotations !== false) forbidInside(levels, pairedSpans(text).filter(fits));
  levels[0] = CUT.sentence;
  levels[n] = CUT.sentence;
  return levels;
}

/** Whether the closing marks ending at `at` follow a sentence end ("好。”"). */
function endsSentence(text: string, at: number): boolean {
  let k = at;
  while (k >= 0 && CLOSERS.has(text[k]!)) k--;
  return k >= 0 && SENTENCE_END.has(text[k]!);
}
