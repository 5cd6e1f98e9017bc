import { growRange } from './grow-range.js';

const CLAUSE = /(?<=[，,：:；;])/u;
/** Punctuation that closes something: never the first character of an excerpt. */
const LEADING_CLOSERS = /^[\s”’」』）)》〉】\]，,。．、；;：:！!？?]+/u;

/** How the window choice rates a piece of text for the question (trimming itself knows no question). */
export interface ClauseRater {
  /** How much the clause says about the question. */
  score(text: string): number;
  /** Where in the clause the question's first word appears (0 when it does not). */
  anchorAt(text: string): number;
}

/**
 * A sentence longer than `max`: keep the best clauses around the best one, marking the cuts with ….
 * With `wholeClauses`, undefined when even the best clause does not fit (rather than cutting it).
 */
export function trimSentence(sentence: string, max: number, rater: ClauseRater): string;
export function trimSentence(sentence: string, max: number, rater: ClauseRater, wholeClauses: true): string | undefined;
export function trimSentence(sentence: string, max: number, rater: ClauseRater, wholeClauses = false): string | undefined {
  const clauses = sentence.split(CLAUSE).map((text) => ({ text, score: rater.score(text) }));
  let best = 0;
  clauses.forEach((c, i) => {
    if (c.score > clauses[best]!.score) best = i;
  });
  const bestClause = clauses[best]!;
  if (bestClause.text.length > max - 2) {
    if (wholeClauses) return undefined;
    // One enormous clause: centre a window on the first matched word.
    const at = rater.anchorAt(bestClause.text);
    const from = Math.max(0, Math.min(at - Math.floor((max - 2) / 3), bestClause.text.length - (max - 2)));
    return `${from > 0 ? '…' : ''}${bestClause.text.slice(from, from + max - 2)}…`;
  }
  const [start, end] = growRange(clauses, best, max - 2);
  const body = clauses.slice(start, end + 1).map((c) => c.text).join('');
  return `${start > 0 ? '…' : ''}${body}${end < clauses.length - 1 ? '…' : ''}`;
}

function joined(sentences: readonly { text: string }[], start: number, end: number): string {
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

/** Whether every “ of `text` has its ” inside it. */
export function isQuoteBalanced(text: string): boolean {
  return danglingQuotes(text).length === 0;
}

/**
 * The excerpt's edges tidied: a sentence the source printed after a stray closing quote or bracket
 * must not open the excerpt with it, and a quotation cut by the excerpt loses its dangling mark.
 */
export function tidyExcerptEdges(text: string): string {
  const trimmed = text.trim().replace(LEADING_CLOSERS, '');
  const drop = new Set(danglingQuotes(trimmed));
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
