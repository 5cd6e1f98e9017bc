import MiniSearch from 'minisearch';
import type { Archive } from '../archive/archive.js';
import { titleTextOf } from '../archive/index-terms.js';
import type { IssueHead } from '../archive/model.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';
import type { Tokenizer } from '../text/tokenizer.js';

/** One headline found: its article and MiniSearch's score. */
export interface HeadlineHit {
  articleId: string;
  score: number;
}

export interface HeadlineIndex {
  /**
   * Headlines (kicker, headline, subtitle) matching a query typed so far: the last word as a prefix
   * ("棉" finds 棉花), longer words with a little fuzziness. Best first.
   */
  search(query: string, limit?: number): HeadlineHit[];
}

interface HeadlineDoc {
  id: string;
  terms: string[];
}

const SEP = '\u0000';

/**
 * The in-memory headline index MiniSearch is best at: titles only (small even at fifteen years:
 * ≈ 20 terms per article), prefix and fuzzy matching for as-you-type lookups (inline mode, the /topic
 * fallback). Loaded from the archive's heads on first use and kept in step with it (issues added,
 * replaced or removed) before each search.
 */
export function createHeadlineIndex(archive: Archive, tokenizer: Tokenizer): HeadlineIndex {
  const ms = new MiniSearch<HeadlineDoc>({
    idField: 'id',
    fields: ['terms'],
    extractField: (doc, field) => (field === 'id' ? doc.id : doc.terms.join(SEP)),
    tokenize: (text) => (text === '' ? [] : text.split(SEP)),
    processTerm: (term) => (term === '' ? null : term),
  });
  const indexed = new Map<string, IssueHead>();
  let seenVersion = -1;

  const termsOf = (title: string) => {
    const norm = normalizeForMatch(title);
    return [...new Set([...tokenizer.words(norm), ...tokenizer.bigrams(norm)])];
  };

  const sync = () => {
    if (archive.version === seenVersion) return;
    seenVersion = archive.version;
    const current = new Map(archive.issues().map((i) => [i.id, i]));
    for (const [id, issue] of indexed) {
      if (current.get(id) === issue) continue;
      for (const a of issue.articles) if (ms.has(a.id)) ms.discard(a.id);
      indexed.delete(id);
    }
    for (const [id, issue] of current) {
      if (indexed.has(id)) continue;
      ms.addAll(issue.articles.filter((a) => !ms.has(a.id)).map((a) => ({ id: a.id, terms: termsOf(titleTextOf(a) || a.title) })));
      indexed.set(id, issue);
    }
  };

  return {
    search(query, limit = 20) {
      sync();
      const norm = normalizeForMatch(query.trim());
      const words = tokenizer.words(norm);
      const terms = [...new Set([...words, ...tokenizer.bigrams(norm)])];
      if (terms.length === 0) return [];
      const last = words[words.length - 1];
      const hits = ms.search(terms.join(SEP), {
        tokenize: (text) => text.split(SEP),
        processTerm: (t) => t,
        prefix: (term) => term === last,
        fuzzy: (term) => (Array.from(term).length >= 4 ? 0.25 : false),
        combineWith: 'OR',
      });
      return hits.slice(0, limit).map((h) => ({ articleId: String(h.id), score: h.score }));
    },
  };
}
