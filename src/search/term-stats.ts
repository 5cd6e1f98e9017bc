/**
 * Document frequencies of words, bigrams and single Han characters over the indexed passages:
 * the IDF behind the re-ranker's coverage scores and the pruning of near-universal query terms.
 * MiniSearch keeps these internally but does not expose them.
 */
export interface TermStats {
  /** Number of live passages. */
  readonly docCount: number;
  wordDf(word: string): number;
  bigramDf(bigram: string): number;
  charDf(char: string): number;
  add(doc: DocTerms): void;
  remove(doc: DocTerms): void;
  toJSON(): SerializedTermStats;
}

export interface DocTerms {
  words: readonly string[];
  bigrams: readonly string[];
}

export interface SerializedTermStats {
  docCount: number;
  words: [string, number][];
  bigrams: [string, number][];
  chars: [string, number][];
}

function bump(map: Map<string, number>, keys: Iterable<string>, by: number): void {
  for (const k of keys) {
    const n = (map.get(k) ?? 0) + by;
    if (n <= 0) map.delete(k);
    else map.set(k, n);
  }
}

/** Counts each term once per passage. */
export function createTermStats(from?: SerializedTermStats): TermStats {
  let docCount = from?.docCount ?? 0;
  const words = new Map(from?.words ?? []);
  const bigrams = new Map(from?.bigrams ?? []);
  const chars = new Map(from?.chars ?? []);

  const apply = (doc: DocTerms, by: number) => {
    docCount += by;
    bump(words, new Set(doc.words), by);
    const pairs = new Set(doc.bigrams);
    bump(bigrams, pairs, by);
    // Single characters come from the bigrams (every Han character of a run of two or more).
    const singles = new Set<string>();
    for (const b of pairs) {
      singles.add(b[0]!);
      singles.add(b[1]!);
    }
    bump(chars, singles, by);
  };

  return {
    get docCount() {
      return docCount;
    },
    wordDf: (w) => words.get(w) ?? 0,
    bigramDf: (b) => bigrams.get(b) ?? 0,
    charDf: (c) => chars.get(c) ?? 0,
    add: (doc) => apply(doc, 1),
    remove: (doc) => apply(doc, -1),
    toJSON: () => ({ docCount, words: [...words], bigrams: [...bigrams], chars: [...chars] }),
  };
}
