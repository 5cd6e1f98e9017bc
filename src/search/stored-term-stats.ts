import type Database from 'better-sqlite3';
import { readMeta } from '../archive/archive-db.js';
import type { TermStats } from './term-stats.js';

/** Lookups remembered between questions; forgotten whenever the archive changes. */
const CACHE = 20000;

/**
 * Document frequencies read from the archive's side tables (word_df, bigram_df, char_df; for terms
 * printed only in headlines, title_word_df and title_bigram_df), kept by the writer in the same
 * transaction as the passages: one indexed lookup per query term.
 */
export function createStoredTermStats(db: Database.Database): TermStats & { reset(): void } {
  const lookups = {
    word: db.prepare('SELECT df FROM word_df WHERE term = ?').pluck(),
    bigram: db.prepare('SELECT df FROM bigram_df WHERE term = ?').pluck(),
    char: db.prepare('SELECT df FROM char_df WHERE term = ?').pluck(),
    titleWord: db.prepare('SELECT df FROM title_word_df WHERE term = ?').pluck(),
    titleBigram: db.prepare('SELECT df FROM title_bigram_df WHERE term = ?').pluck(),
  };
  let cache = new Map<string, number>();
  let docCount: number | undefined;
  const df = (kind: keyof typeof lookups, term: string): number => {
    const key = `${kind}\u0000${term}`;
    let n = cache.get(key);
    if (n === undefined) {
      n = (lookups[kind].get(term) as number | undefined) ?? 0;
      if (cache.size >= CACHE) cache = new Map();
      cache.set(key, n);
    }
    return n;
  };
  const readOnly = () => {
    throw new Error('the stored term statistics are written by the archive writer, not by the search');
  };
  return {
    get docCount() {
      docCount ??= Number(readMeta(db, 'passages') ?? '0');
      return docCount;
    },
    // A term printed only in headlines (走俏, 新苗吐翠: QA Q9) counts with the number of articles whose
    // headline holds it: known to the question model and looked up in the title columns, never "unseen".
    wordDf: (w) => df('word', w) || df('titleWord', w),
    bigramDf: (b) => df('bigram', b) || df('titleBigram', b),
    charDf: (c) => df('char', c),
    add: readOnly,
    remove: readOnly,
    toJSON: readOnly,
    reset() {
      cache = new Map();
      docCount = undefined;
    },
  };
}
