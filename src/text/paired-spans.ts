import type { Span } from './number-spans.js';

/** Opening mark → its closing partner: quotations, titles and brackets a cut must not split. */
export const PAIRS: ReadonlyMap<string, string> = new Map([
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['《', '》'],
  ['〈', '〉'],
  ['（', '）'],
  ['(', ')'],
  ['【', '】'],
]);
const CLOSING = new Map([...PAIRS].map(([open, close]) => [close, open]));

/**
 * The quotations, titles and bracketed asides of `text` (“…”, 「…」, 《…》, （…） …) as half-open
 * spans, marks included, in order of their opening. Marks without a partner are left out: the
 * paper sometimes prints “ where ” was meant, and a mark cut off by an excerpt has none.
 * @example pairedSpans('他说：“好。”') // [{ start: 3, end: 7 }]
 */
export function pairedSpans(text: string): Span[] {
  const open: { mark: string; at: number }[] = [];
  const out: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (PAIRS.has(ch)) {
      open.push({ mark: ch, at: i });
      continue;
    }
    const opener = CLOSING.get(ch);
    if (opener === undefined) continue;
    // Close the nearest opener of the same kind; openers of other kinds inside it had no partner.
    const k = open.map((o) => o.mark).lastIndexOf(opener);
    if (k < 0) continue;
    out.push({ start: open[k]!.at, end: i + 1 });
    open.length = k;
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Quotation and title marks: an excerpt that holds one without its partner has cut a quotation.
 * Brackets are left out: the paper numbers lists with a lone "1）", which cuts nothing.
 */
const QUOTATION_MARKS = new Set(['“', '”', '「', '」', '『', '』', '《', '》']);

/** Positions of the quotation and title marks of `text` that have no partner inside it. */
export function unpairedMarks(text: string): number[] {
  const paired = new Set<number>();
  for (const s of pairedSpans(text)) {
    paired.add(s.start);
    paired.add(s.end - 1);
  }
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (QUOTATION_MARKS.has(text[i]!) && !paired.has(i)) out.push(i);
  return out;
}
