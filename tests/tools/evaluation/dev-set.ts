import { readFileSync } from 'node:fs';
import type { IssueHead } from '../../../src/archive/model.js';
import type { SearchEngine } from '../../../src/search/types.js';
import { emptyMix, tally, type OutcomeMix } from './outcome-mix.js';

/** A development question: which seed file answers it, and a string the excerpt must contain. */
export interface DevQuestion {
  id: string;
  /** Prefix of the seed file that answers it (e.g. `002`). */
  seed: string;
  question: string;
  answer: string;
  /** dev_qa2's category (paraphrase, two-sentence, who, when, how-many), if given. */
  category?: string;
}

/** An out-of-scope question: nothing in the archive answers it. */
export interface OosQuestion {
  id: string;
  question: string;
  /** dev_oos2's category (known-words, chat), if given. */
  category?: string;
}

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

/** dev_qa.tsv and dev_qa2.tsv: id, seed prefix, question, answer[, category]. */
export function loadDevQa(file: string): DevQuestion[] {
  return rows(file).map(([id = '', seed = '', question = '', answer = '', category]) => ({ id, seed, question, answer, ...(category ? { category } : {}) }));
}

/** dev_oos.tsv and dev_oos2.tsv: id, question[, category]. */
export function loadDevOos(file: string): OosQuestion[] {
  return rows(file).map(([id = '', question = '', category]) => ({ id, question, ...(category ? { category } : {}) }));
}

export interface DevMiss {
  id: string;
  question: string;
  answer: string;
  outcome: string;
  /** 1-based rank of the first excerpt holding the answer, 0 when none of the top 10 does. */
  rank: number;
  topTitle?: string;
  topExcerpt?: string;
}

export interface DevReport {
  questions: number;
  /** The first excerpt holds the answer and the outcome says so (`answer`): what the reader is told is the answer. */
  precisionAt1: number;
  /** The first excerpt holds the answer, whatever the outcome. */
  firstHolds: number;
  hitAt3: number;
  mrr: number;
  longestExcerpt: number;
  outcomes: OutcomeMix;
  /** Every question not answered by the first excerpt with outcome `answer`. */
  misses: DevMiss[];
}

const squash = (s: string) => s.replace(/\s+/gu, '');

/**
 * Asks each question (optionally rewritten, e.g. into traditional characters) and checks whether
 * the excerpts shown contain the answer, whitespace ignored, from an issue of the right seed file.
 */
export function evaluateDev(engine: SearchEngine, issues: readonly Pick<IssueHead, 'id' | 'file'>[], questions: readonly DevQuestion[], rewrite: (q: string) => string = (q) => q): DevReport {
  const fileOf = new Map(issues.map((i) => [i.id, i.file]));
  let p1 = 0;
  let first = 0;
  let hit3 = 0;
  let mrr = 0;
  let longest = 0;
  const outcomes = emptyMix();
  const misses: DevMiss[] = [];
  for (const q of questions) {
    const answer = engine.search(rewrite(q.question), { limit: 10 });
    const { results } = answer;
    tally(outcomes, answer.outcome, answer.chat !== undefined);
    for (const r of results) longest = Math.max(longest, r.excerpt.length);
    const rank = results.findIndex((r) => (fileOf.get(r.issueId) ?? '').startsWith(q.seed) && squash(r.excerpt).includes(squash(q.answer))) + 1;
    if (rank === 1) first++;
    if (rank === 1 && answer.outcome === 'answer') p1++;
    if (rank >= 1 && rank <= 3) hit3++;
    if (rank >= 1) mrr += 1 / rank;
    if (rank !== 1 || answer.outcome !== 'answer') {
      misses.push({ id: q.id, question: rewrite(q.question), answer: q.answer, outcome: answer.outcome, rank, topTitle: results[0]?.title, topExcerpt: results[0]?.excerpt });
    }
  }
  const n = Math.max(questions.length, 1);
  return { questions: questions.length, precisionAt1: p1 / n, firstHolds: first / n, hitAt3: hit3 / n, mrr: mrr / n, longestExcerpt: longest, outcomes, misses };
}

export interface OosReport {
  questions: number;
  outcomes: OutcomeMix;
  /** Questions told they have an answer (outcome `answer`), with the first result. */
  answered: { id: string; question: string; title: string; excerpt: string }[];
  /** Questions that got any result (`related` included). */
  withResults: number;
}

export function evaluateOos(engine: SearchEngine, questions: readonly OosQuestion[]): OosReport {
  const answered: OosReport['answered'] = [];
  const outcomes = emptyMix();
  let withResults = 0;
  for (const q of questions) {
    const answer = engine.search(q.question);
    tally(outcomes, answer.outcome, answer.chat !== undefined);
    const first = answer.results[0];
    if (first !== undefined) withResults++;
    if (answer.outcome === 'answer' && first !== undefined) answered.push({ id: q.id, question: q.question, title: first.title, excerpt: first.excerpt });
  }
  return { questions: questions.length, outcomes, answered, withResults };
}
