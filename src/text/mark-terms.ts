import { numberSpans, type Span } from './number-spans.js';

/**
 * The occurrences of `terms` in `text` that show as highlighted: every occurrence, longer terms
 * first, never overlapping, letters compared case-insensitively. An occurrence that starts or ends
 * inside a figure is skipped (27个 is not bold inside 127个). The one marking rule of the bot's HTML
 * and the ask CLI's 【】, so what the search engine checked (see highlightsIn) is what the reader sees.
 */
export function termOccurrences(text: string, terms: readonly string[]): Span[] {
  const out: Span[] = [];
  const wanted = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (wanted.length === 0) return out;
  const marked = new Uint8Array(text.length);
  // Case-folding only when it keeps positions aligned (a few letters change length when lowercased).
  const folded = text.toLowerCase();
  const haystack = folded.length === text.length ? folded : text;
  const inFigure = new Uint8Array(text.length + 1);
  for (const s of numberSpans(text)) inFigure.fill(1, s.start + 1, s.end);
  for (const term of wanted) {
    const needle = haystack === folded ? term.toLowerCase() : term;
    for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
      const end = i + needle.length;
      if (inFigure[i] || inFigure[end] || marked.subarray(i, end).some(Boolean)) continue;
      marked.fill(1, i, end);
      out.push({ start: i, end });
    }
  }
  return out;
}

/**
 * Which characters of `text` show as highlighted for `terms` (see termOccurrences): 1 for bold.
 * @example markTerms('种冬小麦', ['小麦', '冬小麦']) // [0, 1, 1, 1]
 */
export function markTerms(text: string, terms: readonly string[]): Uint8Array {
  const marked = new Uint8Array(text.length);
  for (const o of termOccurrences(text, terms)) marked.fill(1, o.start, o.end);
  return marked;
}
