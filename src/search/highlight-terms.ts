import { normalizeWithMap } from '../text/normalize-for-match.js';
import type { QueryModel } from './query-model.js';

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
