import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, Issue } from '../../../src/archive/model.js';
import type { SearchEngine } from '../../../src/search/types.js';
import { emptyMix, tally, type OutcomeMix } from './outcome-mix.js';
import { latency, rankMetrics, type Latency, type RankMetrics } from './rank-metrics.js';

/**
 * DRCD (public, CC BY-SA 3.0) as an answerability benchmark: one paragraph of each article with
 * two or more is held out of the index (heldout.json). Its questions are unanswerable although
 * their subject is still indexed through the sibling paragraphs; the others are answerable.
 */
export interface DrcdParagraph {
  id: string;
  title: string;
  text: string;
}
export interface DrcdQuery {
  id: string;
  question: string;
  gold_id: string;
  answers: string[];
}

export const DRCD_FILES = ['corpus.jsonl', 'queries.jsonl', 'heldout.json'];

export function loadDrcd(dir: string): { corpus: DrcdParagraph[]; queries: DrcdQuery[]; heldout: Set<string> } {
  const lines = (file: string) =>
    readFileSync(path.join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as unknown);
  const heldout = new Set(JSON.parse(readFileSync(path.join(dir, 'heldout.json'), 'utf8')) as string[]);
  return { corpus: lines('corpus.jsonl') as DrcdParagraph[], queries: lines('queries.jsonl') as DrcdQuery[], heldout };
}

/** One issue holding every paragraph not held out, as an article headed by its Wikipedia title. */
export function drcdIssue(corpus: readonly DrcdParagraph[], heldout: ReadonlySet<string>): Issue {
  const articles: Article[] = corpus
    .filter((c) => !heldout.has(c.id))
    .map((c) => ({ id: c.id, issueId: 'drcd', title: c.title, titleDerived: false, kind: 'news', paragraphs: [c.text], captions: [], topics: [], places: [] }));
  return { id: 'drcd', paper: 'DRCD', date: '1900-01-01', dateSource: 'manifest', file: 'drcd', articles, boilerplate: [], warnings: [] };
}

export interface DrcdReport {
  answerable: RankMetrics & { outcomes: OutcomeMix; answeredAt1: number };
  unanswerable: { queries: number; outcomes: OutcomeMix; falseAnswerRate: number };
  latency: Latency;
}

/**
 * Answerable questions: rank of the gold paragraph (R@1, hit@3) and `answeredAt1` (gold first and
 * outcome `answer`). Unanswerable ones: the share told they have an answer (outcome `answer`).
 */
export function evaluateDrcd(engine: SearchEngine, queries: readonly DrcdQuery[], heldout: ReadonlySet<string>): DrcdReport {
  const ranks: number[] = [];
  const times: number[] = [];
  const answerable = emptyMix();
  const unanswerable = emptyMix();
  let answeredAt1 = 0;
  let held = 0;
  for (const q of queries) {
    const started = performance.now();
    const answer = engine.search(q.question, { limit: 10 });
    times.push(performance.now() - started);
    if (heldout.has(q.gold_id)) {
      held++;
      tally(unanswerable, answer.outcome, answer.chat !== undefined);
      continue;
    }
    tally(answerable, answer.outcome, answer.chat !== undefined);
    const rank = [...new Set(answer.results.map((r) => r.articleId))].indexOf(q.gold_id) + 1;
    ranks.push(rank);
    if (rank === 1 && answer.outcome === 'answer') answeredAt1++;
  }
  return {
    answerable: { ...rankMetrics(ranks), outcomes: answerable, answeredAt1: answeredAt1 / Math.max(ranks.length, 1) },
    unanswerable: { queries: held, outcomes: unanswerable, falseAnswerRate: unanswerable.answer / Math.max(held, 1) },
    latency: latency(times),
  };
}
