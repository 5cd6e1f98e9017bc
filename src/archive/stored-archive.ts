import type Database from 'better-sqlite3';
import type { PaperConfig } from '../config.js';
import { articleRefsNewestFirst, issueHeadLookups } from './issue-head-lookups.js';
import type { Archive, ArticleHeadRef, TopicSummary } from './archive.js';
import type { Article, ArticleHead, Issue, IssueHead } from './model.js';
import type { TopicsConfig } from './topics-config.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { countArticlesWith } from './count-articles-with.js';

/** The archive's reading side over its database, plus the hooks the ingest side calls after each write. */
export interface StoredArchive extends Archive {
  /** Re-reads one issue's head after it was written (or drops it when it is gone). */
  refreshIssue(issueId: string, previousId?: string): void;
  /** The same for a batch of issues written together, with one re-sort (a bulk build writes thousands). */
  refreshIssues(changes: readonly { issueId: string; previous: readonly string[] }[]): void;
  /** Re-reads every head (after a bulk write). */
  reload(): void;
}

const byDate = (a: IssueHead, b: IssueHead) => a.date.localeCompare(b.date) || (a.number ?? 0) - (b.number ?? 0) || a.file.localeCompare(b.file);

/**
 * The Archive over the SQLite store: issue and article heads (dates, headlines, tags: ≈ 1 KB per
 * article) are loaded once and kept in memory for browsing; article text is read on demand.
 * `upsertIssue`/`removeIssue` are the in-process ingest path (see openArchive); the watcher and
 * `npm run ingest` write through the same writer.
 */
export function createStoredArchive(
  db: Database.Database,
  options: {
    paper: PaperConfig;
    topics: TopicsConfig;
    /** The tokenizer the index was built with: term lookups must cut terms the same way. */
    tokenizer: Tokenizer;
    write: { upsert(issue: Issue): string | undefined; remove(file: string): string | undefined };
  },
): StoredArchive {
  const q = {
    // Opening reads the facts of every issue (date, number, file …) but not its articles' heads:
    // those are parsed the first time an issue's articles are asked for (see lazyArticles).
    facts: db.prepare("SELECT json_remove(head, '$.articles') FROM issues").pluck(),
    articleHeads: db.prepare("SELECT json_extract(head, '$.articles') FROM issues WHERE id = ?").pluck(),
    head: db.prepare('SELECT head FROM issues WHERE id = ?').pluck(),
    article: db.prepare('SELECT body FROM articles WHERE id = ?').pluck(),
    articlesOf: db.prepare('SELECT body FROM articles WHERE issue_id = ? ORDER BY seq').pluck(),
    extra: db.prepare('SELECT extra FROM issues WHERE id = ?').pluck(),
    articleCount: db.prepare('SELECT count(*) FROM articles').pluck(),
    successor: db.prepare('SELECT successor FROM retired_articles WHERE id = ? AND successor IS NOT NULL').pluck(),
  };
  let sorted: IssueHead[] = [];
  let byId = new Map<string, IssueHead>();
  let version = 0;
  let topicCache: { version: number; counts: Map<string, number> } | undefined;

  const reindex = (list: IssueHead[]) => {
    sorted = list.sort(byDate);
    byId = new Map(sorted.map((i) => [i.id, i]));
    version++;
  };
  /**
   * An issue head whose `articles` are read from the database on first access, then kept. Parsing
   * every article head at open was most of the open time at fifteen years (≈ 126k articles, 0.6 s
   * of CPU); a question reads the heads of the few issues its candidates come from.
   */
  const lazyArticles = (facts: Omit<IssueHead, 'articles'>): IssueHead => {
    const head = facts as IssueHead;
    Object.defineProperty(head, 'articles', {
      configurable: true,
      enumerable: true,
      get() {
        const text = q.articleHeads.get(head.id) as string | undefined;
        const articles = text === undefined ? [] : (JSON.parse(text) as ArticleHead[]);
        Object.defineProperty(head, 'articles', { value: articles, writable: true, configurable: true, enumerable: true });
        return articles;
      },
    });
    return head;
  };
  const loadAll = () => (q.facts.all() as string[]).map((f) => lazyArticles(JSON.parse(f) as Omit<IssueHead, 'articles'>));
  reindex(loadAll());

  const refsNewestFirst = (pred: (a: ArticleHead) => boolean): ArticleHeadRef[] => articleRefsNewestFirst(sorted, pred);

  /** Articles per tag, counted once per archive version (a scan of every head). */
  const tagCounts = () => {
    if (topicCache?.version !== version) {
      const counts = new Map<string, number>();
      for (const issue of sorted) for (const a of issue.articles) for (const tag of new Set([...a.topics, ...a.places])) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      topicCache = { version, counts };
    }
    return topicCache.counts;
  };

  const refreshIssues = (changes: readonly { issueId: string; previous: readonly string[] }[]) => {
    if (changes.length === 0) return;
    const gone = new Set(changes.flatMap((c) => [c.issueId, ...c.previous]));
    const fresh = changes.flatMap((c) => {
      const text = q.head.get(c.issueId) as string | undefined;
      return text === undefined ? [] : [JSON.parse(text) as IssueHead];
    });
    reindex([...sorted.filter((i) => !gone.has(i.id)), ...fresh]);
  };
  const refreshIssue = (issueId: string, previousId?: string) => refreshIssues([{ issueId, previous: previousId === undefined ? [] : [previousId] }]);

  return {
    paper: options.paper,
    get version() {
      return version;
    },
    ...issueHeadLookups(() => sorted, () => byId),
    article(id) {
      // An id from before its issue file was moved or renamed (a shared link) opens the article under its new id.
      const body = (q.article.get(id) ?? q.article.get(q.successor.get(id) ?? '')) as string | undefined;
      if (body === undefined) return undefined;
      const article = JSON.parse(body) as Article;
      const issue = byId.get(article.issueId);
      return issue === undefined ? undefined : { article, issue };
    },
    readIssue(id) {
      const head = byId.get(id);
      if (head === undefined) return undefined;
      const { boilerplate, warnings } = JSON.parse((q.extra.get(id) as string | undefined) ?? '{"boilerplate":[],"warnings":[]}') as Pick<Issue, 'boilerplate' | 'warnings'>;
      const articles = (q.articlesOf.all(id) as string[]).map((b) => JSON.parse(b) as Article);
      const { articles: _heads, ...facts } = head;
      return { ...facts, articles, boilerplate, warnings };
    },
    writtenAt(id) {
      const extra = q.extra.get(id) as string | undefined;
      const at = extra === undefined ? undefined : (JSON.parse(extra) as { writtenAt?: string }).writtenAt;
      return at === undefined ? undefined : new Date(at);
    },
    topics() {
      const counts = tagCounts();
      const out: TopicSummary[] = [];
      for (const t of options.topics.topics) out.push({ name: t.name, kind: 'topic', count: counts.get(t.name) ?? 0 });
      for (const p of options.topics.places) out.push({ name: p.name, kind: 'place', count: counts.get(p.name) ?? 0 });
      return out;
    },
    articlesByTopic: (name) => refsNewestFirst((a) => a.topics.includes(name) || a.places.includes(name)),
    countArticlesWith: (term, limit) => countArticlesWith(db, options.tokenizer, term, limit),
    articleCount: () => q.articleCount.get() as number,
    upsertIssue(issue) {
      const previous = sorted.find((i) => i.file === issue.file && i.id !== issue.id)?.id;
      const id = options.write.upsert(issue);
      if (id !== undefined) refreshIssue(id, previous);
    },
    removeIssue(file) {
      const gone = sorted.find((i) => i.file === file);
      if (gone === undefined) return undefined;
      options.write.remove(file);
      refreshIssue(gone.id);
      return gone;
    },
    refreshIssue,
    refreshIssues,
    reload: () => reindex(loadAll()),
  };
}
