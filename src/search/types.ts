import type { DateSource, Issue } from '../archive/model.js';
import type { AnswerKind } from './analyze-question.js';
import type { ChatKind } from './intents.js';

/** Restricts a search to some issues. Dates are ISO `YYYY-MM-DD`, inclusive. */
export interface SearchFilters {
  date?: string;
  dateFrom?: string;
  dateTo?: string;
  issueNumber?: number;
}

/** One answer to a question: an article and the excerpt of it that best answers. */
export interface SearchResult {
  articleId: string;
  issueId: string;
  passageId: string;
  title: string;
  kicker?: string;
  paper: string;
  date: string;
  /** `inferred` dates are approximate: say so to the reader. */
  dateSource: DateSource;
  issueNumber?: number;
  /** Plain text, ≤ 200 characters, cut at sentence boundaries, centred on the answering sentences. */
  excerpt: string;
  /** The matched terms as they appear in the excerpt (so the caller can bold them), longest first. */
  highlights: string[];
  score: number;
}

/**
 * What a question got: `answer` (the first result's excerpt holds the fact asked), `related`
 * (articles on the subject, but none states the fact: say so before showing them), `none`.
 */
export type Outcome = 'answer' | 'related' | 'none';

/** The span of the first excerpt that answers, shown first in bold ("答：约40万亩") when it is reliable. */
export interface DirectAnswer {
  text: string;
  kind: AnswerKind;
}

export interface Answer {
  query: string;
  /** The filters actually applied: from the options, or understood from the question. */
  filters: SearchFilters;
  /** Decided once per question, the same for every page. */
  outcome: Outcome;
  /** Ranked results: for `answer` the first one answers; for `related`, articles on the subject. */
  results: SearchResult[];
  /** What kind of answer the question asks for (quantity, date, person …), and its attribute. */
  asks?: {
    kind: AnswerKind;
    attribute: string[];
    /**
     * The attribute as a reader would name the missing fact (价格, 电话; 成立 for a date), if one
     * can be: never a name (刘兵山) or a verb in "「淘汰」是多少". What a related reply quotes.
     */
    fact?: string;
  };
  /** Set for chat (greetings, thanks, 讲个笑话): answered as chat, never searched. */
  chat?: ChatKind;
  /** A short answer span, only for kinds whose measured precision is high (see direct-answer.ts). */
  direct?: DirectAnswer;
  /**
   * Set when `-词` exclusions left nothing (outcome `none`) though the question alone finds reports:
   * how many (up to EXCLUSION_PROBE_LIMIT), so the reply says the exclusion removed them (see askWithSyntax).
   */
  excludedMatches?: number;
  /** Set for a question about the archive itself (资料库有多少期报纸): its own counts, nothing searched. */
  archive?: ArchiveFacts;
  /** Set when the message was too long to search whole: only its beginning (`query`) was searched; tell the reader. */
  shortened?: true;
}

/** What the archive holds: how many issues, the oldest and the newest (dateSource `inferred` is read 约). */
export interface ArchiveFacts {
  issues: number;
  /** How many articles, and the years the issues span (a question may ask either: QA round 3 Q3). */
  articles?: number;
  years?: string[];
  earliest?: { date: string; dateSource: string };
  latest?: { date: string; dateSource: string };
}

export interface SearchOptions {
  /** How many results (default 5). */
  limit?: number;
  offset?: number;
  /** Explicit filters; they win over dates found in the question and are never dropped. */
  filters?: SearchFilters;
  // --- features (issue 12): search syntax and ordering; applied to candidates, so any first stage keeps them ---
  /** Each phrase must appear in the article (headline or text) as written, compared with normalizeForMatch folding. */
  phrases?: readonly string[];
  /** Articles whose headline or text contains any of these are left out. */
  exclude?: readonly string[];
  /** `date`: the same results, newest issue first (relevance breaks ties). Default `relevance`. */
  order?: SearchOrder;
}

/** How results are ordered: by how well they answer, or newest issue first. */
export type SearchOrder = 'relevance' | 'date';

export interface SearchEngine {
  /** Query understanding applies: dates and issue numbers in the question become filters. */
  search(query: string, options?: SearchOptions): Answer;
  /** Headline/kicker search, for topic fallback and inline mode. */
  searchTitles(query: string, limit?: number): SearchResult[];
  /** Loads the headline vocabulary for searchTitles in the background (the bot, right after start); optional for test doubles. */
  loadHeadlines?(): Promise<void>;
  readonly passageCount: number;
}
