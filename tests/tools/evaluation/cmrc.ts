import { readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type { Article, Issue } from '../../../src/archive/model.js';
import { normalizeForMatch } from '../../../src/text/normalize-for-match.js';
import { getJieba, type Tokenizer } from '../../../src/text/tokenizer.js';
import type { Answer, SearchEngine } from '../../../src/search/types.js';
import { emptyMix, tally, type OutcomeMix } from './outcome-mix.js';
import { latency, rankMetrics, type Latency, type RankMetrics } from './rank-metrics.js';

/**
 * CMRC 2018 as a passage-retrieval benchmark (public, CC BY-SA 4.0): Wikipedia paragraphs and the
 * questions written about them. Each paragraph becomes an article of one synthetic issue, so the
 * engine is measured exactly as it runs on the paper (passages, headline field, one result per article).
 */
export interface CmrcParagraph {
  id: string;
  title: string;
  text: string;
}
export interface CmrcQuery {
  id: string;
  question: string;
  gold_id: string;
}

export function loadCmrc(dir: string): { corpus: CmrcParagraph[]; queries: CmrcQuery[] } {
  const lines = (file: string) =>
    readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as unknown);
  return { corpus: lines('corpus.jsonl') as CmrcParagraph[], queries: lines('queries.jsonl') as CmrcQuery[] };
}

/**
 * One issue holding every paragraph as an article (headline = the Wikipedia title). Its date is far
 * from any date a question mentions, so a year in a question never narrows the search.
 */
export function cmrcIssue(corpus: readonly CmrcParagraph[]): Issue {
  const articles: Article[] = corpus.map((c) => ({
    id: c.id,
    issueId: 'cmrc2018',
    title: c.title,
    titleDerived: false,
    kind: 'news',
    paragraphs: [c.text],
    captions: [],
    topics: [],
    places: [],
  }));
  return { id: 'cmrc2018', paper: 'CMRC 2018', date: '1900-01-01', dateSource: 'manifest', file: 'cmrc2018', articles, boilerplate: [], warnings: [] };
}

export interface BenchmarkRow extends RankMetrics {
  name: string;
  buildMs: number;
  latency: Latency;
  /** The engine's outcomes (baselines have none). */
  outcomes?: OutcomeMix;
  /** Share of questions whose gold paragraph came first with outcome `answer`. */
  answeredAt1?: number;
}

/** The engine's rank of each gold paragraph (distinct articles, top 10); `onAnswer` sees every answer (one pass serves other measures). */
export function evaluateEngineOnCmrc(
  name: string,
  engine: SearchEngine,
  queries: readonly CmrcQuery[],
  buildMs: number,
  onAnswer?: (query: CmrcQuery, answer: Answer, index: number) => void,
): BenchmarkRow {
  const ranks: number[] = [];
  const times: number[] = [];
  const outcomes = emptyMix();
  let answered = 0;
  for (const [index, q] of queries.entries()) {
    const started = performance.now();
    const answer = engine.search(q.question, { limit: 10 });
    times.push(performance.now() - started);
    onAnswer?.(q, answer, index);
    tally(outcomes, answer.outcome, answer.chat !== undefined);
    const ids = [...new Set(answer.results.map((r) => r.articleId))];
    const rank = ids.indexOf(q.gold_id) + 1;
    ranks.push(rank);
    if (rank === 1 && answer.outcome === 'answer') answered++;
  }
  return { name, ...rankMetrics(ranks), buildMs, latency: latency(times), outcomes, answeredAt1: answered / Math.max(queries.length, 1) };
}

interface Doc {
  id: string;
  title: string;
  text: string;
}

/**
 * The baselines the engine must beat, as plain MiniSearch indexes over whole paragraphs with the
 * title as a second field (the same information the engine gets):
 * - `default`: MiniSearch's own tokenizer (splits on spaces and punctuation: almost nothing in Chinese);
 * - `jieba`: jieba words (NFKC + lowercase, punctuation removed), no stopwords;
 * - `bigrams`: character bigrams of the same normalised text.
 */
export function evaluateBaselinesOnCmrc(
  corpus: readonly CmrcParagraph[],
  queries: readonly CmrcQuery[],
  tokenizer: Tokenizer,
  which: (name: string) => boolean = () => true,
): BenchmarkRow[] {
  const jieba = getJieba();
  const wordlike = /[\p{L}\p{N}]/u;
  const configs: { name: string; options: ConstructorParameters<typeof MiniSearch<Doc>>[0] }[] = [
    { name: 'MiniSearch default tokenizer', options: { fields: ['title', 'text'] } },
    {
      name: 'jieba words only',
      options: {
        fields: ['title', 'text'],
        tokenize: (text) => jieba.cut(normalizeForMatch(text), true).filter((t) => wordlike.test(t)),
        processTerm: (t) => t,
      },
    },
    {
      name: 'character bigrams only',
      options: {
        fields: ['title', 'text'],
        tokenize: (text) => tokenizer.bigrams(normalizeForMatch(text)),
        processTerm: (t) => t,
      },
    },
  ];
  const docs: Doc[] = corpus.map((c) => ({ id: c.id, title: c.title, text: c.text }));
  return configs.filter((c) => which(c.name)).map(({ name, options }) => {
    const started = performance.now();
    const ms = new MiniSearch<Doc>(options);
    ms.addAll(docs);
    const buildMs = performance.now() - started;
    const ranks: number[] = [];
    const times: number[] = [];
    for (const q of queries) {
      const t0 = performance.now();
      const hits = ms.search(q.question);
      times.push(performance.now() - t0);
      ranks.push(hits.slice(0, 10).findIndex((h) => h.id === q.gold_id) + 1);
    }
    return { name, ...rankMetrics(ranks), buildMs, latency: latency(times) };
  });
}
