/**
 * The archive model: what ingest produces and every later layer reads.
 * Dates are ISO `YYYY-MM-DD` strings in the paper's time zone.
 */

/**
 * How an issue's date is known: printed in its masthead, recorded by an editor, given by the archive's
 * filing (the file's path or name: 2024/11/07/…, 20241107_01.txt), or inferred from its text.
 */
export type DateSource = 'masthead' | 'manifest' | 'filename' | 'inferred';

/** What kind of item an article is. `photo` items are captioned pictures with no body of their own. */
export type ArticleKind = 'news' | 'feature' | 'photo' | 'commentary' | 'brief';

export interface Issue {
  /** Stable short id (derived from the file name), safe for callback data. */
  id: string;
  paper: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  dateSource: DateSource;
  /** 总第N期, when printed. */
  number?: number;
  /** 星期四, when printed. */
  weekday?: string;
  /** 甲辰年十月初七, when printed. */
  lunarDate?: string;
  /** 今日4版, when printed. */
  pageCount?: number;
  /**
   * Source file: its path under SEEDS_DIR (`000_79b3c460d300cb0d.txt`, `2024-11-07.txt`), or for an
   * issue kept as one file per page, the pattern naming its pages (`2024/11/07/*`, `20241107_*.txt`).
   */
  file: string;
  /** The page files the issue was read from, in page order, when it is kept as one file per page. */
  pages?: string[];
  articles: Article[];
  /** Masthead and boilerplate lines that are not article text (kept so nothing is lost). */
  boilerplate: string[];
  /** Human-readable notes about anything odd in the file (never fatal). */
  warnings: string[];
}

export interface Article {
  /** Stable id: the same file ingested twice gives the same ids. `[A-Za-z0-9_-]`, ≤ 24 chars. */
  id: string;
  issueId: string;
  /** 引题: the line printed above the headline. */
  kicker?: string;
  title: string;
  /** True when no headline was printed and `title` was derived from the lead sentence. */
  titleDerived: boolean;
  /** 副题: the line below the headline, usually starting with ——. */
  subtitle?: string;
  /** □本报记者 杨鹤, 本报讯 记者杨雪楠, 新华社记者 … */
  byline?: string;
  /** 新华社北京11月6日电, 本报讯 … */
  dateline?: string;
  /**
   * The printed lead-in taken off the first paragraph, verbatim (`本报讯 记者杨雪楠报道：`,
   * `新华社北京11月6日电`); `dateline` and `byline` were read from it. Added by ingest (optional).
   */
  lead?: string;
  /** A closing line printed after the body, e.g. `（新华社北京11月4日电）`. Added by ingest (optional). */
  signoff?: string;
  kind: ArticleKind;
  /** Body paragraphs, cleaned (hard wraps joined, OCR spaces removed, tags stripped). */
  paragraphs: string[];
  /** Photo captions belonging to this article (for `photo` items, the caption is the content). */
  captions: string[];
  /** Topic names from config/topics.json, assigned from content. Filled by the archive. */
  topics: string[];
  /** Counties/cities the article is about. Filled by the archive. */
  places: string[];
}

/**
 * An article as the archive lists it: what lists of articles show (headline, kind, tags). The rest
 * (text, byline, lead-in) is read from the archive's store on demand (`Archive.article`), so fifteen
 * years of bodies never sit in memory.
 */
export type ArticleHead = Pick<Article, 'id' | 'issueId' | 'kicker' | 'title' | 'titleDerived' | 'subtitle' | 'kind' | 'topics' | 'places'>;

/** An issue as the archive lists it: its facts and its articles' heads (see ArticleHead). */
export interface IssueHead extends Omit<Issue, 'articles' | 'boilerplate' | 'warnings'> {
  articles: ArticleHead[];
}

/** A search unit: a run of whole sentences of one article, roughly 80–250 characters. */
export interface Passage {
  /** `${articleId}#${n}` */
  id: string;
  articleId: string;
  /** Position of this passage within its article (0-based). */
  n: number;
  text: string;
}
