import { readFileSync } from 'node:fs';
import type { Issue } from '../../../src/archive/model.js';
import type { SearchEngine } from '../../../src/search/types.js';

/** A development question: which seed file answers it, and a string the excerpt must contain. */
export interface DevQuestion {
  id: string;
  /** Prefix of the seed file that answers it (e.g. `002`). */
  seed: string;
  question: string;
  answer: string;
}

/** An out-of-scope question: nothing in the archive answers it. */
export interface OosQuestion {
  id: string;
  question: string;
}

function rows(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => l.split('\t'));
}

export function loadDevQa(file: string): DevQuestion[] {
  return rows(file).map(([id = '', seed = '', question = '', answer = '']) => ({ id, seed, question, answer }));
}

export function loadDevOos(file: string): OosQuestion[] {
  return rows(file).map(([id = '', question = '']) => ({ id, question }));
}

export interface DevMiss {
  id: string;
  question: string;
  answer: string;
  /** 1-based rank of the first excerpt holding the answer, 0 when none of the top 10 does. */
  rank: number;
  topTitle?: string;
  topExcerpt?: string;
}

export interface DevReport {
  questions: number;
  precisionAt1: number;
  hitAt3: number;
  mrr: number;
  longestExcerpt: number;
  /** Every question whose first result does not hold the answer. */
  misses: DevMiss[];
}

const squash = (s: string) => s.replace(/\s+/gu, '');

/**
 * Asks each question (optionally rewritten, e.g. into traditional characters) and checks whether
 * the excerpts shown contain the answer, whitespace ignored, from an issue of the right seed file.
 */
export function evaluateDev(engine: SearchEngine, issues: readonly Issue[], questions: readonly DevQuestion[], rewrite: (q: string) => string = (q) => q): DevReport {
  const fileOf = new Map(issues.map((i) => [i.id, i.file]));
  let p1 = 0;
  let hit3 = 0;
  let mrr = 0;
  let longest = 0;
  const misses: DevMiss[] = [];
  for (const q of questions) {
    const { results } = engine.search(rewrite(q.question), { limit: 10 });
    for (const r of results) longest = Math.max(longest, r.excerpt.length);
    const rank =
      results.findIndex((r) => (fileOf.get(r.issueId) ?? '').startsWith(q.seed) && squash(r.excerpt).includes(squash(q.answer))) + 1;
    if (rank === 1) p1++;
    if (rank >= 1 && rank <= 3) hit3++;
    if (rank >= 1) mrr += 1 / rank;
    if (rank !== 1) misses.push({ id: q.id, question: rewrite(q.question), answer: q.answer, rank, topTitle: results[0]?.title, topExcerpt: results[0]?.excerpt });
  }
  const n = Math.max(questions.length, 1);
  return { questions: questions.length, precisionAt1: p1 / n, hitAt3: hit3 / n, mrr: mrr / n, longestExcerpt: longest, misses };
}

export interface OosReport {
  questions: number;
  /** Questions that wrongly got results, with the first one. */
  answered: { id: string; question: string; title: string; excerpt: string }[];
}

export function evaluateOos(engine: SearchEngine, questions: readonly OosQuestion[]): OosReport {
  const answered: OosReport['answered'] = [];
  for (const q of questions) {
    const first = engine.search(q.question).results[0];
    if (first !== undefined) answered.push({ id: q.id, question: q.question, title: first.title, excerpt: first.excerpt });
  }
  return { questions: questions.length, answered };
}
