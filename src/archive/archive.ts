import type { PaperConfig } from '../config.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';
import { articleRefsNewestFirst, issueHeadLookups } from './issue-head-lookups.js';
import { classifyArticle } from './classify-article.js';
import type { Article, ArticleHead, Issue, IssueHead } from './model.js';
import type { TopicsConfig } from './topics-config.js';

/** An article with its text, together with the issue that printed it: what reading and citing need. */
export interface ArticleRef {
  article: Article;
  issue: IssueHead;
}

/** An article's head (no text) with its issue: what lists of articles need. */
export interface ArticleHeadRef {
  article: ArticleHead;
  issue: IssueHead;
}

export interface TopicSummary {
  name: string;
  kind: 'topic' | 'place';
  count: number;
}

/**
 * The archive and its lookups. Issues are kept sorted oldest first. Lists hold heads (facts, headlines,
 * tags); article text is read on demand: `article(id)` for one article, `readIssue(id)` for a whole issue.
 * It can take a new issue while the bot runs (`upsertIssue`); `version` changes when it does.
 */
export interface Archive {
  readonly paper: PaperConfig;
  readonly version: number;
  issues(): readonly IssueHead[];
  latest(): IssueHead | undefined;
  issueById(id: string): IssueHead | undefined;
  issuesOn(date: string): IssueHead[];
  issueByNumber(number: number): IssueHead | undefined;
  /** Previous and next issue in date order. */
  neighbours(issueId: string): { previous?: IssueHead; next?: IssueHead };
  /** The closest issues before and after a date that has none. */
  nearest(date: string): { before?: IssueHead; after?: IssueHead };
  /** An article with its text. */
  article(articleId: string): ArticleRef | undefined;
  /** An issue with the text of every article (digests). */
  readIssue(issueId: string): Issue | undefined;
  topics(): TopicSummary[];
  /** Articles tagged with a topic or place (exact name), newest issue first. */
  articlesByTopic(name: string): ArticleHeadRef[];
  dateRange(): { first: string; last: string } | undefined;
  /**
   * How many articles print `term` in their headline lines or text (compared as search compares),
   * counted up to `limit` (default 1000): "does this word occur at all" without reading every issue.
   */
  countArticlesWith(term: string, limit?: number): number;
  /** How many articles the archive holds (一共收了多少篇文章), without reading every issue's heads where it can. */
  articleCount?(): number;
  /**
   * When the issue was last written into the archive (ingested or re-ingested), if the archive records it: a
   * digest holds back an issue written moments ago, whose file may still be arriving (QA O5).
   */
  writtenAt?(issueId: string): Date | undefined;
  /** Adds an issue, or replaces the one from the same file. Assigns topics and places. */
  upsertIssue(issue: Issue): void;
  /** Drops the issue read from `file` (its file was deleted); returns it, or undefined if none was. */
  removeIssue(file: string): IssueHead | undefined;
}

/** An article's head: the fields lists show (see ArticleHead). */
export function articleHeadOf(article: Article): ArticleHead {
  const { id, issueId, kicker, title, titleDerived, subtitle, kind, topics, places } = article;
  const head: ArticleHead = { id, issueId, title, titleDerived, kind, topics, places };
  if (kicker !== undefined) head.kicker = kicker;
  if (subtitle !== undefined) head.subtitle = subtitle;
  return head;
}

/** The head of an issue: the same facts, its articles' heads, no text, boilerplate or warnings. */
export function headOf(issue: Issue): IssueHead {
  const { articles, boilerplate: _b, warnings: _w, ...facts } = issue;
  return { ...facts, articles: articles.map(articleHeadOf) };
}

/** Builds the archive from parsed issues, tagging each article with topics and places from config. */
export function createArchive(issues: readonly Issue[], options: { paper: PaperConfig; topics: TopicsConfig }): Archive {
  let full: Issue[] = [];
  let sorted: IssueHead[] = [];
  let byId = new Map<string, IssueHead>();
  let fullById = new Map<string, Issue>();
  let articles = new Map<string, ArticleRef>();
  let version = 0;

  const tag = (issue: Issue): Issue => ({
    ...issue,
    articles: issue.articles.map((a) => ({ ...a, ...classifyArticle(a, options.topics) })),
  });

  const reindex = (list: Issue[]) => {
    full = [...list].sort((a, b) => a.date.localeCompare(b.date) || (a.number ?? 0) - (b.number ?? 0) || a.file.localeCompare(b.file));
    sorted = full.map(headOf);
    byId = new Map(sorted.map((i) => [i.id, i]));
    fullById = new Map(full.map((i) => [i.id, i]));
    articles = new Map();
    for (const issue of full) for (const article of issue.articles) articles.set(article.id, { article, issue: byId.get(issue.id)! });
    version++;
  };
  reindex(issues.map(tag));

  const refsNewestFirst = (pred: (a: ArticleHead) => boolean): ArticleHeadRef[] => articleRefsNewestFirst(sorted, pred);

  return {
    paper: options.paper,
    get version() {
      return version;
    },
    ...issueHeadLookups(() => sorted, () => byId),
    article: (id) => articles.get(id),
    readIssue: (id) => fullById.get(id),
    topics() {
      const out: TopicSummary[] = [];
      for (const t of options.topics.topics) {
        out.push({ name: t.name, kind: 'topic', count: refsNewestFirst((a) => a.topics.includes(t.name)).length });
      }
      for (const p of options.topics.places) {
        out.push({ name: p.name, kind: 'place', count: refsNewestFirst((a) => a.places.includes(p.name)).length });
      }
      return out;
    },
    articlesByTopic: (name) => refsNewestFirst((a) => a.topics.includes(name) || a.places.includes(name)),
    countArticlesWith(term, limit = 1000) {
      const t = normalizeForMatch(term).trim();
      if (t === '') return 0;
      let n = 0;
      for (const issue of full) {
        for (const a of issue.articles) {
          if (n >= limit) return n;
          const printed = [a.kicker, a.titleDerived ? undefined : a.title, a.subtitle, ...a.paragraphs, ...a.captions].filter(Boolean).join('\n');
          if (normalizeForMatch(printed).includes(t)) n++;
        }
      }
      return n;
    },
    upsertIssue(issue) {
      reindex([...full.filter((i) => i.file !== issue.file && i.id !== issue.id), tag(issue)]);
    },
    removeIssue(file) {
      const gone = sorted.find((i) => i.file === file);
      if (gone) reindex(full.filter((i) => i.id !== gone.id));
      return gone;
    },
  };
}
