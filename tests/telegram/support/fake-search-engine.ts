import { normalizeForMatch } from '../../../src/text/normalize-for-match.js';
import type { Archive } from '../../../src/archive/archive.js';
import type { Answer, SearchEngine, SearchOptions, SearchResult } from '../../../src/search/types.js';

/**
 * A predictable stand-in for the search engine, so bot tests do not depend on ranking: the query is
 * split on spaces and punctuation, an article matches when its headline or a paragraph contains a
 * term, more matched terms rank first. The excerpt is the first matching paragraph (≤ 200 chars).
 * Phrases, exclusions and the date order (SearchOptions) are honoured as the real engine does.
 */
export interface FakeSearchEngine extends SearchEngine {
  readonly queries: { query: string; options?: SearchOptions }[];
}

export function createFakeSearchEngine(archive: Archive): FakeSearchEngine {
  const queries: { query: string; options?: SearchOptions }[] = [];
  const all = (query: string): SearchResult[] => {
    // Folded to simplified as the real engine does, so a question in traditional characters finds the same articles.
    const terms = normalizeForMatch(query).split(/[\s，。？?！!、]+/).filter((t) => t.length > 0);
    const results: SearchResult[] = [];
    for (const head of [...archive.issues()].reverse()) {
      const issue = archive.readIssue(head.id)!;
      for (const article of issue.articles) {
        const texts = [article.title, ...article.paragraphs];
        const matched = terms.filter((t) => texts.some((x) => x.includes(t)));
        if (matched.length === 0) continue;
        const paragraph = article.paragraphs.find((p) => matched.some((t) => p.includes(t))) ?? article.paragraphs[0] ?? article.title;
        results.push({
          articleId: article.id,
          issueId: issue.id,
          passageId: `${article.id}#0`,
          title: article.title,
          kicker: article.kicker,
          paper: issue.paper,
          date: issue.date,
          dateSource: issue.dateSource,
          issueNumber: issue.number,
          excerpt: paragraph.slice(0, 200),
          highlights: matched.filter((t) => paragraph.includes(t)),
          score: matched.length,
        });
      }
    }
    return results.sort((a, b) => b.score - a.score);
  };
  return {
    queries,
    search(query: string, options?: SearchOptions): Answer {
      queries.push({ query, options });
      const offset = options?.offset ?? 0;
      // The search syntax's conditions and the date order, as the real engine applies them (on whole articles).
      const text = (r: SearchResult) => {
        const ref = archive.article(r.articleId);
        return ref ? [ref.article.title, ...ref.article.paragraphs].join('\n') : '';
      };
      let results = all(query).filter((r) => (options?.phrases ?? []).every((p) => text(r).includes(p)) && !(options?.exclude ?? []).some((w) => text(r).includes(w)));
      if (options?.order === 'date') results = [...results].sort((a, b) => b.date.localeCompare(a.date));
      return { query, filters: options?.filters ?? {}, outcome: results.length > 0 ? 'answer' : 'none', results: results.slice(offset, offset + (options?.limit ?? 5)) };
    },
    searchTitles(query: string, limit = 5): SearchResult[] {
      queries.push({ query });
      return all(query)
        .filter((r) => r.title.includes(query))
        .slice(0, limit);
    },
    get passageCount() {
      return archive.issues().reduce((n, i) => n + i.articles.length, 0);
    },
  };
}
