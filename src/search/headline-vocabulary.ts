import MiniSearch from 'minisearch';

/**
 * The distinct words of the archive's headlines, in MiniSearch, for what it is best at: a word being
 * typed (prefix) and a slip of the keyboard (fuzzy). The headlines' postings stay in the archive's
 * FTS5 title columns: at fifteen years MiniSearch over every headline's words and bigrams took
 * ≈ 3.2M postings, 50 s of CPU and 320 MB of heap; over the ≈ 93k distinct words it is ≈ 1–2 s and
 * tens of MB, loaded after start (see createHeadlineIndex).
 */
export interface HeadlineVocabulary {
  readonly size: number;
  /** Adds words (already normalised); known ones are skipped. */
  add(words: Iterable<string>): void;
  /** The same, a chunk at a time with the event loop free in between: the bot keeps answering. */
  addInChunks(words: readonly string[]): Promise<void>;
  /**
   * The vocabulary words a typed word stands for, best first, at most `max`: itself, the longer words
   * it begins (`prefix`: the word being typed), and words one edit away (`fuzzy`, words of four
   * characters or more, as before).
   */
  expand(word: string, options: { prefix: boolean }, max: number): string[];
}

interface VocabularyDoc {
  w: string;
}

/** Words of this many characters or more are also matched one edit away (0.25 × length, rounded). */
const FUZZY_MIN_CHARS = 4;
const FUZZY = 0.25;
const CHUNK = 500;

export function createHeadlineVocabulary(): HeadlineVocabulary {
  const ms = new MiniSearch<VocabularyDoc>({
    idField: 'w',
    fields: ['w'],
    // One document per word: the word is its only term (already normalised, no lowercasing needed).
    tokenize: (text) => [text],
    processTerm: (term) => term,
  });
  const fresh = (words: Iterable<string>) => [...new Set(words)].filter((w) => w !== '' && !ms.has(w)).map((w) => ({ w }));
  return {
    get size() {
      return ms.documentCount;
    },
    add(words) {
      ms.addAll(fresh(words));
    },
    async addInChunks(words) {
      for (let i = 0; i < words.length; i += CHUNK) {
        ms.addAll(fresh(words.slice(i, i + CHUNK)));
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    expand(word, options, max) {
      const fuzzy = Array.from(word).length >= FUZZY_MIN_CHARS ? FUZZY : false;
      const hits = ms.search(word, { prefix: options.prefix, fuzzy, combineWith: 'OR' });
      return hits.slice(0, max).map((h) => String(h.id));
    },
  };
}
