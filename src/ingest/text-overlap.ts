/**
 * Content overlap by character bigrams, weighted by how rare each bigram is in the file: the tool
 * used to decide which article a headline or caption printed elsewhere belongs to. Chinese has no
 * spaces, and a headline rarely repeats a whole word of its article verbatim, but it shares bigrams
 * (`香妃海棠`, `风电项目`) with it.
 */

const WORD_CHAR = /[\p{Script=Han}\p{L}\p{N}]/u;

/** Distinct bigrams of letters, digits and Han characters (punctuation and spaces break runs). */
export function bigramsOf(text: string): Set<string> {
  const out = new Set<string>();
  let prev: string | undefined;
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    if (!WORD_CHAR.test(ch)) {
      prev = undefined;
      continue;
    }
    if (prev !== undefined) out.add(prev + ch);
    prev = ch;
  }
  return out;
}

export interface OverlapScorer {
  /**
   * Share (0–1) of `query`'s bigram weight found in `doc`: 1 when every bigram of the query occurs
   * in the document. Rare bigrams weigh more, so `中华民族共同体` counts and `昌吉` barely does.
   */
  score(query: string, doc: string | Set<string>): number;
}

/** Builds a scorer whose bigram weights (inverse document frequency) come from `docs`. */
export function createOverlapScorer(docs: readonly string[]): OverlapScorer {
  const df = new Map<string, number>();
  for (const doc of docs) for (const b of bigramsOf(doc)) df.set(b, (df.get(b) ?? 0) + 1);
  const n = docs.length;
  // BM25's idf: a bigram in every document weighs almost nothing. One found in no document weighs
  // like one found in a single document, so a headline is not penalised for words its body lacks.
  const weight = (b: string) => {
    const f = Math.min(Math.max(df.get(b) ?? 0, 1), n);
    return Math.log((n - f + 0.5) / (f + 0.5) + 1);
  };
  const cache = new Map<string, Set<string>>();
  const grams = (text: string) => {
    let g = cache.get(text);
    if (!g) cache.set(text, (g = bigramsOf(text)));
    return g;
  };
  return {
    score(query, doc) {
      const q = grams(query);
      const d = typeof doc === 'string' ? grams(doc) : doc;
      let total = 0;
      let hit = 0;
      for (const b of q) {
        const w = weight(b);
        total += w;
        if (d.has(b)) hit += w;
      }
      return total === 0 ? 0 : hit / total;
    },
  };
}
