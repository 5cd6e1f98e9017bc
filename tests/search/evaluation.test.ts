import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { testProfile } from '../support/test-profile.js';
import { createSilentLogger } from '../../src/logger.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import type { SearchEngine } from '../../src/search/types.js';
import { evaluateDev, evaluateOos, loadDevOos, loadDevQa } from '../tools/evaluation/dev-set.js';
import { overlaps } from '../tools/evaluation/direct-answers.js';
import { rankMetrics } from '../tools/evaluation/rank-metrics.js';
import { fixtureIssues } from '../fixtures/search/issues.js';

/**
 * The evaluation tools, on small fixtures of the repository's own. Measuring against the shared
 * evaluation sets is `npm run eval`'s job, not the tests'.
 */
const fixtures = path.resolve('tests/fixtures/evaluation');
const paper = testProfile.paper;
let engine: SearchEngine;

beforeAll(async () => {
  engine = await createSearchEngine({ issues: fixtureIssues(), paper, profile: testProfile, logger: createSilentLogger(), now: () => new Date('2024-11-09T02:00:00Z') });
});

describe('evaluateDev', () => {
  it('counts a question whose first excerpt holds the answer with outcome answer', () => {
    const questions = loadDevQa(path.join(fixtures, 'dev_qa.tsv'));
    expect(questions).toHaveLength(3);
    const report = evaluateDev(engine, fixtureIssues(), questions);
    expect(report.precisionAt1, JSON.stringify(report.misses)).toBe(1);
    expect(report.outcomes.answer).toBe(3);
    expect(report.longestExcerpt).toBeLessThanOrEqual(200);
  });

  it('counts a miss when the answer string is in no excerpt', () => {
    const report = evaluateDev(engine, fixtureIssues(), [{ id: 'z', seed: 'a', question: '奇台县马铃薯平均亩产多少', answer: '不存在的答案' }]);
    expect(report.precisionAt1).toBe(0);
    expect(report.misses.map((m) => m.id)).toEqual(['z']);
  });
});

describe('evaluateOos', () => {
  it('reads the category column and tells chat from a question with no answer', () => {
    const questions = loadDevOos(path.join(fixtures, 'dev_oos.tsv'));
    expect(questions.map((q) => q.category)).toEqual(['known-words', 'chat']);
    const report = evaluateOos(engine, questions);
    expect(report.answered).toEqual([]);
    expect(report.outcomes.chat).toBe(1);
    expect(report.outcomes.chat + report.outcomes.none + report.outcomes.related).toBe(2);
  });
});

describe('rankMetrics and overlaps', () => {
  it('computes recall and MRR from ranks (0 = not found)', () => {
    expect(rankMetrics([1, 2, 0, 11])).toEqual({ queries: 4, recall1: 0.25, recall3: 0.5, recall10: 0.5, mrr10: (1 + 0.5) / 4 });
  });

  it('takes a shown span as right when it and an annotated answer contain one another', () => {
    expect(overlaps('约40万亩', ['40万亩'])).toBe(true);
    expect(overlaps('1998年', ['1998年6月'])).toBe(true);
    expect(overlaps('2000年', ['1998年6月'])).toBe(false);
  });
});

describe('npm run eval', () => {
  it('names the missing evaluation file and exits non-zero instead of claiming success', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/tools/eval.ts', '--shared', '/nonexistent-shared'], { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('/nonexistent-shared/eval/dev_qa.tsv');
    expect(run.stdout).not.toContain('all targets met');
  });
});
