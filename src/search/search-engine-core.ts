import type Database from 'better-sqlite3';
import type { Archive } from '../archive/archive.js';
import type { Article, ArticleHead } from '../archive/model.js';
import type { PaperConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';
import type { PaperProfile } from '../profile/paper-profile.js';
import { createTokenizer, type Tokenizer } from '../text/tokenizer.js';
import { createPassageIndex, sentenceEvidence, type Candidate, type PassageRecord, type RankWeights } from './passage-index.js';
import { createHeadlineIndex } from './headline-index.js';
import { pickExcerpt, sentencesOf } from './pick-excerpt.js';
import { buildQueryModel, evidence, unseenShare, type QueryModel, type QueryModelOptions } from './query-model.js';
import type { Answer, ArchiveFacts, Outcome, SearchEngine, SearchFilters, SearchOptions, SearchResult } from './types.js';
import { articleMatcher } from './article-conditions.js';
import { analyzeQuestion, isReaderNow, nameableFact, type AnswerKind, type QuestionAnalysis } from './analyze-question.js';
import { findAnswerWindow, type AnswerWindow, type OutcomeOptions } from './decide-outcome.js';
import { directAnswerOf } from './direct-answer.js';
import { chatKindOf, detectIntent, withoutIssueContentsAsked, type ChatKind } from './intents.js';
import { stripHtml } from '../text/strip-html.js';
import { stripLeadIn } from './strip-lead-in.js';
import { hasFilters, issueMatches, understandQuery } from './understand-query.js';
import { boundQuestion } from './bound-question.js';

/**
 * When a question has an answer in the archive at all (the no-match decision), and which results
 * beside the best one are worth showing.
 *
 * The decision is made once per question, from its best hit only:
 *   sentenceEvidence(best hit) ≥ minEvidence + unseenPenalty × unseenShare(question)
 * - sentenceEvidence: the IDF-weighted share of the question's words and bigrams that one sentence
 *   of the best passage holds, with its headline (proximity: out-of-scope questions match common
 *   words scattered over a passage, answerable ones match their rare terms together);
 * - unseenShare: the IDF-weighted share of the question's terms the archive never printed. Those
 *   terms count against coverage already; a question made mostly of them (a name, a place the paper
 *   never wrote about) must also match what is left the more convincingly.
 * Once the best hit passes, the others are kept down to a looser floor (minEvidence over the whole
 * article, minRelative × the best score), so an answer ranked second or third is still shown.
 *
 * The defaults were chosen on CMRC 2018 alone (answerable: its questions on its paragraphs;
 * out of scope: the same questions asked of the newspaper seeds) and then checked, untuned, on the
 * dev and dev_oos sets: see `npm run eval`.
 */
export interface RelevanceOptions {
  /** The share of the question one sentence of the best hit (with its headline) must hold when the archive knows every term. */
  minEvidence: number;
  /** How much more it must hold per unit of the question's weight the archive has never seen. */
  unseenPenalty: number;
  /** Results after the first: dropped below this share of the best score. */
  minRelative: number;
  /**
   * A question scoped by a name the archive prints often (木垒县, 昌吉州: see QueryModel.focus) is
   * answered only by a sentence that, with its headline, holds one of its other words: one that
   * merely names the place is about something else ("木垒县今年下了几场雪" → the winter wheat).
   */
  requireFocus: boolean;
}

export const DEFAULT_RELEVANCE: RelevanceOptions = { minEvidence: 0.25, unseenPenalty: 0.3, minRelative: 0.3, requireFocus: true };

/** Every ranked result kept, for measuring the ranking alone. */
export const RELEVANCE_GATE_OFF: RelevanceOptions = { minEvidence: 0, unseenPenalty: 0, minRelative: 0, requireFocus: false };

/**
 * A filter read from a question is dropped when the best hit without it holds at least this much
 * more of the question (one sentence's share, see sentenceEvidence) than the best hit with it.
 */
const FILTER_EVIDENCE_MARGIN = 0.25;

/** Headline search (topic fallback, inline mode) keeps headlines that hold this share of the question. */
const MIN_TITLE_EVIDENCE = 0.4;

export interface SearchEngineCoreOptions {
  /** The archive the passages belong to (issue heads, dates) and its database (passages, FTS5 index, term statistics). */
  archive: Archive;
  db: Database.Database;
  paper: PaperConfig;
  /** The word lists and user dictionary the index was built with (see loadProfile). */
  profile: SearchProfile;
  logger: Logger;
  now?: () => Date;
  /** Cuts text into sentences, losing nothing (src/text/split-sentences.ts). */
  splitSentences: (text: string) => string[];
  tokenizer?: Tokenizer;
  weights?: Partial<RankWeights>;
  relevance?: Partial<RelevanceOptions>;
  /** Kinds that get a direct answer line (default: those measured precise enough, DIRECT_ANSWER_KINDS). */
  directKinds?: readonly AnswerKind[];
  /** How sure the outcome `answer` must be (see decide-outcome.ts). */
  outcome?: Partial<OutcomeOptions>;
  /** Query expansion (synonyms from the profile, abbreviations): on by default; off to measure what it adds. */
  expansion?: { synonyms: boolean; abbreviations: boolean };
  /** The first stage's absolute posting budget (default FIRST_STAGE_POSTINGS): the bench measures others. */
  firstStagePostings?: number;
}

/**
 * The first stage's term budget: the rarest query terms are looked up first, until their posting
 * lists add up to 30% of the passages or FIRST_STAGE_POSTINGS, whichever is smaller. The absolute cap
 * keeps a question's cost bounded as years are added (see README, "The archive store").
 * 20,000 (was 60,000), measured with `npm run bench -- --budgets`: at 1000× (183k passages) dev hit@3
 * 1.000 and CMRC R@1 0.982 with either, query CPU p99 88 → 62 ms; over 453k passages (the 7000×
 * build, interrupted) dev hit@3 1.000 with either, CPU p50/p99 43/137 → 31/78 ms.
 * 14,000 (was 20,000): at 7000× (1.23M passages) the slowest questions spend 60–70% of their CPU in
 * the first stage (bm25 over every passage matching a looked-up term), and 14,000 leaves every
 * question's first result, outcome and direct answer as they were (391 bench questions) while
 * 12,000 and 10,000 each lose one CMRC question (R@1 0.988 → 0.985). Below ≈ 47k passages the 30%
 * share is the smaller and nothing changes.
 */
export const FIRST_STAGE_POSTINGS = 14_000;

/** What search takes from the paper profile. */
export type SearchProfile = Pick<PaperProfile, 'stopwords' | 'userDict' | 'genericNouns' | 'publicationCues' | 'synonyms'>;

const DEFAULT_LIMIT = 5;
/** Ranked questions kept for paging and repeats (inline mode asks the same prefix again and again). */
const RECENT_ANSWERS = 200;

/** An article-level condition on candidates (see SearchOptions.phrases / exclude). */
type ArticleTest = (article: Article) => boolean;

interface ArticleHit {
  best: Candidate;
  score: number;
  evidence: number;
  /** Set on a first hit that holds the question's scoping name but nothing of what is asked: related at most. */
  topicOnly?: boolean;
}

interface Ranked {
  filters: SearchFilters;
  model: QueryModel;
  hits: ArticleHit[];
  /** Set for a question that is only a date: the articles of those issues. */
  listing?: PassageRecord[];
}

/** The outcome of a ranked question, decided once (see decide-outcome.ts). */
interface Judged extends Ranked {
  outcome: Outcome;
  analysis?: QuestionAnalysis;
  /** The window of the first result's article that answers (outcome `answer`). */
  window?: AnswerWindow;
  chat?: ChatKind;
  archive?: ArchiveFacts;
}

/**
 * The search engine over injected collaborators (passage builder, sentence splitter): see
 * createSearchEngine for the wired-up version.
 */
export function createSearchEngineCore(options: SearchEngineCoreOptions): SearchEngine {
  const log = options.logger.child({ module: 'search' });
  const tokenizer = options.tokenizer ?? createTokenizer(options.profile);
  const relevance = { ...DEFAULT_RELEVANCE, ...options.relevance };
  const publicationCues = options.profile.publicationCues;
  const expansion = options.expansion ?? { synonyms: true, abbreviations: true };
  const now = options.now ?? (() => new Date());
  // One formatter for "today in the paper's time zone": building an Intl formatter per question is slow.
  const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: options.paper.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const today = () => dayFormat.format(now());
  const { archive } = options;
  const firstStageBudget: QueryModelOptions = { maxPostings: options.firstStagePostings ?? FIRST_STAGE_POSTINGS };

  // The first stage reads the archive's database; passages and statistics are cached between
  // questions and forgotten whenever the archive changes (a new, changed or deleted issue file).
  const index = createPassageIndex({ db: options.db, archive, weights: options.weights });
  let seenVersion = archive.version;
  const issues = () => archive.issues();
  const headlines = createHeadlineIndex({ db: options.db, archive, tokenizer });
  const firstPassage = (articleId: string): PassageRecord | undefined => index.passagesOfArticle(articleId)[0];
  // Candidates carry their article's head only (perf): a condition on the article's text reads the whole article.
  const keepsArticle = (keep: ArticleTest, head: ArticleHead): boolean => {
    const article = index.article(head.id);
    return article !== undefined && keep(article);
  };

  const modelOf = (text: string, question: string): QueryModel => {
    const norm = normalizeForMatch(text);
    const terms = tokenizer.query(norm, { isKnown: (w) => index.stats.wordDf(w) > 0 });
    const tags = new Map<string, string>();
    for (const t of norm === '' ? [] : tokenizer.tag(norm)) if (!tags.has(t.word)) tags.set(t.word, t.tag);
    return buildQueryModel(terms, index.stats, question, {
      tagOf: (w) => tags.get(w),
      isStopword: (w) => tokenizer.isStopword(w),
      ...firstStageBudget,
      ...(expansion.synonyms ? { synonyms: options.profile.synonyms } : {}),
      abbreviations: expansion.abbreviations,
    });
  };

  /** An article's passages as sentences (computed once per passage and kept). */
  const articleSentences = (record: PassageRecord) => {
    const siblings = index.passagesOfArticle(record.article.id);
    if (siblings.length === 0) siblings.push(record);
    return { siblings, passages: siblings.map((r) => (r.sentences ??= sentencesOf(r.passage.text, options.splitSentences))) };
  };

  const toResult = (record: PassageRecord, model: QueryModel, score: number, anchor?: AnswerWindow): SearchResult => {
    const { article, issue } = record;
    const { siblings, passages } = articleSentences(record);
    const excerpt = pickExcerpt({ model, passages, focus: Math.max(0, siblings.indexOf(record)), anchor, words: tokenizer });
    const result: SearchResult = {
      articleId: article.id,
      issueId: issue.id,
      passageId: record.passage.id,
      title: article.title,
      paper: issue.paper || options.paper.name,
      date: issue.date,
      dateSource: issue.dateSource,
      excerpt: excerpt.text,
      highlights: excerpt.highlights,
      score: Math.round(score * 1000) / 1000,
    };
    if (article.kicker !== undefined) result.kicker = article.kicker;
    if (issue.number !== undefined) result.issueNumber = issue.number;
    return result;
  };

  /** One hit per article (its best passage), so one article never fills the top of the list. */
  const groupByArticle = (candidates: Candidate[]): ArticleHit[] => {
    const hits = new Map<string, ArticleHit>();
    for (const c of candidates) {
      const hit = hits.get(c.record.article.id);
      if (hit === undefined) hits.set(c.record.article.id, { best: c, score: c.score, evidence: c.evidence });
      else hit.evidence = Math.max(hit.evidence, c.evidence);
    }
    return [...hits.values()];
  };

  /** The no-match decision (see RelevanceOptions): nothing, or the ranked list down to a looser floor. */
  const relevant = (hits: ArticleHit[], model: QueryModel): ArticleHit[] => {
    const top = hits[0];
    if (top === undefined) return [];
    const bar = relevance.minEvidence + relevance.unseenPenalty * unseenShare(model);
    const rest = hits.slice(1).filter((h) => h.evidence >= relevance.minEvidence && h.score >= relevance.minRelative * top.score);
    if (sentenceEvidence(model, top.best.record, relevance.requireFocus) >= bar) return [top, ...rest];
    // The archive writes about the subject (石门子水库) but no sentence holds what is asked of it: the
    // articles are related, never "nothing found" — and never the answer.
    if (relevance.requireFocus && model.focus.length > 0 && sentenceEvidence(model, top.best.record) >= bar) return [{ ...top, topicOnly: true }, ...rest];
    return [];
  };

  const rankQuestion = (text: string, question: string, filters: SearchFilters, keep?: ArticleTest) => {
    const model = modelOf(text, question);
    if (model.words.length === 0 && model.bigrams.length === 0) return { model, hits: undefined };
    const byIssue = hasFilters(filters) ? (r: PassageRecord) => issueMatches(r.issue, filters) : undefined;
    // features: the search syntax's article conditions ("短语", -词) apply to candidates, whatever the first stage.
    const filter = keep === undefined ? byIssue : (r: PassageRecord) => (byIssue?.(r) ?? true) && keepsArticle(keep, r.article);
    // Date and issue-number filters also narrow the first stage itself (inside SQLite), so a rare day is never crowded out.
    const scope = hasFilters(filters) ? { issueIds: issues().filter((i) => issueMatches(i, filters)).map((i) => i.id) } : undefined;
    return { model, hits: relevant(groupByArticle(index.rank(model, filter, scope)), model) };
  };

  /** A question with nothing to search but a date ("11月7日的报纸"): the articles of those issues, newest first. */
  const listIssues = (filters: SearchFilters, keep?: ArticleTest): PassageRecord[] => {
    const chosen = issues().filter((i) => issueMatches(i, filters)).sort((a, b) => b.date.localeCompare(a.date));
    const out: PassageRecord[] = [];
    for (const issue of chosen) {
      for (const article of issue.articles) {
        const first = firstPassage(article.id);
        if (first !== undefined && (keep === undefined || keepsArticle(keep, first.article))) out.push(first);
      }
    }
    return out;
  };

  /** Whether a text has anything to search once its dates are cut out ("2024年11月有什么" has not). */
  const hasContent = (text: string) => tokenizer.query(normalizeForMatch(text)).words.length > 0;

  /** Everything a question ranks to, before paging: kept for a while so "more results" and repeats cost nothing. */
  const rankAll = (userQuery: string, explicitFilters: SearchFilters | undefined, keep?: ArticleTest): Ranked => {
    const query = stripHtml(userQuery);
    const understood = understandQuery(query, { today: today(), issueDates: issues().map((i) => i.date), publicationCues, hasContent });
    const explicit = hasFilters(explicitFilters);
    const filters = explicit ? { ...explicitFilters } : understood.filters;
    const text = explicit || hasFilters(understood.filters) ? understood.rest : query;
    const first = rankQuestion(text, query, filters, keep);
    if (first.hits === undefined) {
      // Nothing left to search but the date: list what was printed then.
      return { filters, model: first.model, hits: [], listing: hasFilters(filters) ? listIssues(filters, keep) : [] };
    }
    if (explicit || !hasFilters(filters)) return { filters, model: first.model, hits: first.hits };
    if (first.hits.length === 0) {
      // A date in the question may be part of what is asked ("1998年6月5日开工"), not the issue wanted:
      // when the filtered archive has nothing relevant, search everything, with the date kept as words
      // or, failing that, without it.
      // The reader's "now" (今天石门子水库有多高) is never a word of the fact: search without it only.
      const readerNow = understood.found.length > 0 && understood.found.every((f) => isReaderNow(f.text));
      for (const retryText of readerNow ? [text] : [query, text]) {
        const retry = rankQuestion(retryText, query, {}, keep);
        if (retry.hits !== undefined && retry.hits.length > 0) return { filters: {}, model: retry.model, hits: retry.hits };
      }
      return { filters, model: first.model, hits: first.hits };
    }
    // A filter read from the question must not return an unrelated article: when the whole archive
    // answers the same words clearly better, the date was about the fact, not the issue.
    const open = rankQuestion(text, query, {}, keep);
    const filteredBest = sentenceEvidence(first.model, first.hits[0]!.best.record);
    const openBest = open.hits?.[0] === undefined ? 0 : sentenceEvidence(open.model, open.hits[0].best.record);
    if (open.hits !== undefined && openBest - filteredBest >= FILTER_EVIDENCE_MARGIN) return { filters: {}, model: open.model, hits: open.hits };
    return { filters, model: first.model, hits: first.hits };
  };
  /**
   * answer / related / none: `answer` needs a window of the first article holding the question's
   * subject, its attribute and a span of the kind asked (decide-outcome.ts).
   */
  const judge = (query: string, ranked: Ranked): Judged => {
    if (ranked.listing !== undefined) return { ...ranked, outcome: ranked.listing.length > 0 ? 'answer' : 'none' };
    const analysis = analyzeQuestion(query, tokenizer.tag);
    const top = ranked.hits[0]?.best.record;
    if (top === undefined) return { ...ranked, outcome: 'none', analysis };
    if (ranked.hits[0]!.topicOnly === true) return { ...ranked, outcome: 'related', analysis };
    const sentences = articleSentences(top).passages.flat();
    const window = findAnswerWindow({ question: normalizeForMatch(query), model: ranked.model, analysis, sentences, title: top.normTitle, tag: tokenizer.tag, options: options.outcome, alternatives: (w) => (expansion.synonyms ? (options.profile.synonyms.get(w) ?? []) : []), isPrinted: (w) => index.stats.wordDf(w) > 0 || (Array.from(w).length === 2 && index.stats.bigramDf(w) > 0), isStopword: (w) => tokenizer.isStopword(w), issueYear: Number(top.issue.date.slice(0, 4)) });
    return { ...ranked, outcome: window === undefined ? 'related' : 'answer', analysis, window };
  };

  const answerQuestion = (asked: string, filters: SearchFilters | undefined, keep?: ArticleTest): Judged => {
    // 你好，我想问问… / 帮我查一下…: the lead-in asks nothing; what follows is the question.
    const query = stripLeadIn(asked);
    // 你好呀，机器人: the whole message is chat before any lead-in is taken off it.
    const chat = chatKindOf(asked) ?? chatKindOf(query);
    if (chat !== undefined) {
      // Chat is answered as chat: never searched, so 你好 or 讲个笑话 never brings up an article.
      return { filters: {}, model: modelOf('', ''), hits: [], outcome: 'none', chat };
    }
    const intent = hasFilters(filters) ? undefined : detectIntent(query, { isDate: () => false })?.kind;
    if (intent === 'latest' || intent === 'earliest') {
      // "最新的报道是什么" / "最早的一期是哪天": that issue's articles, as /latest shows them, not a match on the word 最新.
      const pick = (d: string | undefined, i: { date: string }) => (d === undefined || (intent === 'latest' ? i.date > d : i.date < d) ? i.date : d);
      const day = issues().reduce<string | undefined>(pick, undefined);
      const chosen = day === undefined ? {} : { date: day };
      const listing = day === undefined ? [] : listIssues(chosen, keep);
      return { filters: chosen, model: modelOf('', ''), hits: [], listing, outcome: listing.length > 0 ? 'answer' : 'none' };
    }
    if (intent === 'archive') {
      // "资料库有多少期报纸": the archive's own counts (QA A9), never a search for 资料库.
      const all = [...issues()].sort((a, b) => a.date.localeCompare(b.date));
      const [first, last] = [all[0], all.at(-1)];
      const facts: ArchiveFacts = { issues: all.length, articles: archive.articleCount?.() ?? all.reduce((n, i) => n + i.articles.length, 0), years: [...new Set(all.map((i) => i.date.slice(0, 4)))] };
      if (first !== undefined && last !== undefined) {
        facts.earliest = { date: first.date, dateSource: first.dateSource };
        facts.latest = { date: last.date, dateSource: last.dateSource };
      }
      return { filters: {}, model: modelOf('', ''), hits: [], listing: [], outcome: all.length > 0 ? 'answer' : 'none', archive: facts };
    }
    // 11月7日那期讲了啥, 昨天的报纸有什么新闻: a date and "what did it hold" list that issue, as the date alone does (QA round 3 Q13).
    const dated = withoutIssueContentsAsked(query);
    if (dated !== query.trim() && dated !== '') {
      const listed = rankAll(dated, filters, keep);
      if (listed.listing !== undefined) return judge(dated, listed);
    }
    return judge(query, rankAll(query, filters, keep));
  };
  const recent = new Map<string, Judged>();

  /** The archive changed (an issue file was added, changed or removed): forget what was cached from it. */
  const syncWithArchive = () => {
    if (archive.version === seenVersion) return;
    seenVersion = archive.version;
    index.reset();
    recent.clear();
  };

  return {
    get passageCount() {
      syncWithArchive();
      return index.size;
    },
    search(message: string, searchOptions: SearchOptions = {}): Answer {
      syncWithArchive();
      // A long message is searched by its beginning only: its cost is then bounded (see boundQuestion).
      const { text: query, shortened } = boundQuestion(message);
      const limit = searchOptions.limit ?? DEFAULT_LIMIT;
      const offset = searchOptions.offset ?? 0;
      const conditions = { phrases: searchOptions.phrases ?? [], exclude: searchOptions.exclude ?? [] };
      const key = JSON.stringify([query, searchOptions.filters ?? {}, today(), conditions]);
      let ranked = recent.get(key);
      if (ranked === undefined) {
        ranked = answerQuestion(query, searchOptions.filters, articleMatcher(conditions));
        if (recent.size >= RECENT_ANSWERS) recent.delete(recent.keys().next().value!);
      } else {
        recent.delete(key);
      }
      recent.set(key, ranked);
      const { filters, model, listing, outcome, analysis, window, chat } = ranked;
      // features: newest first on request; a stable sort keeps relevance order within an issue date.
      const hits = searchOptions.order === 'date' ? [...ranked.hits].sort((a, b) => b.best.record.issue.date.localeCompare(a.best.record.issue.date)) : ranked.hits;
      const results =
        listing !== undefined
          ? listing.slice(offset, offset + limit).map((record) => toResult(record, model, 1))
          : hits.slice(offset, offset + limit).map((h, i) => toResult(h.best.record, model, h.score, h === ranked.hits[0] ? window : undefined));
      const answer: Answer = { query, filters, outcome, results };
      if (analysis !== undefined && listing === undefined) {
        const fact = nameableFact(analysis, (w) => tokenizer.tag(w)[0]?.tag ?? '');
        answer.asks = { kind: analysis.kind, attribute: analysis.attribute, ...(fact !== undefined ? { fact } : {}) };
      }
      if (chat !== undefined) answer.chat = chat;
      if (shortened) answer.shortened = true;
      if (ranked.archive !== undefined) answer.archive = ranked.archive;
      const direct = outcome === 'answer' && analysis !== undefined && window !== undefined ? directAnswerOf(analysis, window, options.directKinds) : undefined;
      if (direct !== undefined) answer.direct = direct;
      return answer;
    },
    loadHeadlines: () => headlines.load(),
    searchTitles(userQuery: string, limit = DEFAULT_LIMIT): SearchResult[] {
      syncWithArchive();
      const query = stripHtml(boundQuestion(userQuery).text);
      const model = modelOf(query, query);
      if (model.words.length === 0 && model.bigrams.length === 0) return [];
      // Headlines: MiniSearch over their words (prefix + fuzzy, as typed), their postings in FTS5's title columns.
      const found = headlines.search(query, 200);
      const maxScore = found[0]?.score ?? 1;
      const hits: { record: PassageRecord; score: number }[] = [];
      for (const h of found) {
        const record = firstPassage(h.articleId);
        if (record === undefined || evidence(model, record.normTitle) < MIN_TITLE_EVIDENCE) continue;
        hits.push({ record, score: h.score / maxScore + evidence(model, record.normTitle) });
      }
      hits.sort((a, b) => b.score - a.score || b.record.issue.date.localeCompare(a.record.issue.date));
      return hits.slice(0, limit).map((h) => toResult(h.record, model, h.score));
    },
  };
}
