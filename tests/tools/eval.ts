/**
 * `npm run eval`: retrieval quality, measured.
 * - the dev questions (../shared/eval/dev_qa.tsv): does the first / a top-3 excerpt hold the answer?
 * - the same questions in traditional characters (OpenCC cn → tw);
 * - the out-of-scope questions (dev_oos.tsv) must get no results; so should Wikipedia questions
 *   (CMRC 2018) asked of the newspaper;
 * - CMRC 2018 (../shared/bench/cmrc2018): Recall@1/3/10 and MRR@10 of the engine beside MiniSearch's
 *   default tokenizer, jieba only and bigrams only, in the same run.
 * Flags: --no-cmrc (skip the benchmark), --json (one JSON summary on stdout).
 * Exit code 1 when a target is missed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { loadIssues } from '../../src/ingest/load-issues.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import { cmrcIssue, evaluateBaselinesOnCmrc, evaluateEngineOnCmrc, loadCmrc, type BenchmarkRow } from './evaluation/cmrc.js';
import { evaluateDev, evaluateOos, loadDevOos, loadDevQa, type DevReport } from './evaluation/dev-set.js';
import { buildPassages } from '../../src/archive/build-passages.js';
import { createSearchEngineCore, RELEVANCE_GATE_OFF, type RelevanceOptions } from '../../src/search/search-engine-core.js';
import { toTraditional } from '../../src/text/normalize-for-match.js';
import { createTokenizer } from '../../src/text/tokenizer.js';
import { splitSentences } from '../../src/text/split-sentences.js';

const out = (s = '') => process.stdout.write(`${s}\n`);
const pct = (x: number) => x.toFixed(3);

function printDev(label: string, r: DevReport): void {
  out(`${label}: ${r.questions} questions  P@1 ${pct(r.precisionAt1)}  hit@3 ${pct(r.hitAt3)}  MRR ${pct(r.mrr)}  longest excerpt ${r.longestExcerpt} chars`);
  for (const m of r.misses) {
    out(`  miss ${m.id} (answer at rank ${m.rank || '—'}) ${m.question}  → want “${m.answer}”`);
    if (m.rank !== 1 && m.topExcerpt !== undefined) out(`       first: ${m.topTitle}｜${m.topExcerpt}`);
  }
}

function printTable(rows: readonly BenchmarkRow[]): void {
  out('| configuration | R@1 | R@3 | R@10 | MRR@10 | build ms | query mean / p95 ms |');
  out('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    out(`| ${r.name} | ${pct(r.recall1)} | ${pct(r.recall3)} | ${pct(r.recall10)} | ${pct(r.mrr10)} | ${Math.round(r.buildMs)} | ${r.latency.mean.toFixed(2)} / ${r.latency.p95.toFixed(2)} |`);
  }
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const skipCmrc = argv.includes('--no-cmrc');
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const shared = path.resolve(repoRoot, '../shared');
  const config = loadConfig();
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn' });
  const say = json ? () => undefined : out;
  const failures: string[] = [];
  const summary: Record<string, unknown> = {};

  const { issues } = await loadIssues({ seedsDir: config.seedsDir, manifest: config.profile.manifest, paper: config.paper, logger });
  // Fixed clock: relative dates in questions must not change the figures from day to day.
  const engine = await createSearchEngine({ issues, paper: config.paper, profile: config.profile, logger, now: () => new Date('2025-12-31T04:00:00Z') });
  say(`archive: ${issues.length} issues, ${engine.passageCount} passages`);

  const devFile = path.join(shared, 'eval/dev_qa.tsv');
  const oosFile = path.join(shared, 'eval/dev_oos.tsv');
  if (!existsSync(devFile) || !existsSync(oosFile)) {
    say(`no dev set at ${path.join(shared, 'eval')}: skipping the dev questions`);
  } else {
    const qa = loadDevQa(devFile);
    const dev = evaluateDev(engine, issues, qa);
    const trad = evaluateDev(engine, issues, qa, toTraditional);
    const oos = evaluateOos(engine, loadDevOos(oosFile));
    say();
    if (!json) printDev('dev (simplified)', dev);
    if (!json) printDev('dev (traditional, cn→tw)', trad);
    say(`dev_oos: ${oos.questions} questions, ${oos.answered.length} wrongly answered`);
    for (const a of oos.answered) say(`  answered ${a.id} ${a.question} → ${a.title}｜${a.excerpt}`);
    summary.dev = dev;
    summary.traditional = trad;
    summary.oos = oos;
    if (dev.precisionAt1 < 0.92) failures.push(`dev P@1 ${pct(dev.precisionAt1)} < 0.92`);
    if (dev.hitAt3 < 1) failures.push(`dev hit@3 ${pct(dev.hitAt3)} < 1.00`);
    if (dev.longestExcerpt > 200) failures.push(`an excerpt has ${dev.longestExcerpt} > 200 characters`);
    if (trad.hitAt3 < 0.95) failures.push(`traditional hit@3 ${pct(trad.hitAt3)} < 0.95`);
    if (oos.answered.length > 0) failures.push(`${oos.answered.length} out-of-scope questions got results`);
  }

  const cmrcDir = path.join(shared, 'bench/cmrc2018');
  if (skipCmrc) {
    say('CMRC 2018: skipped (--no-cmrc)');
  } else if (!existsSync(path.join(cmrcDir, 'corpus.jsonl'))) {
    say(`no CMRC 2018 benchmark at ${cmrcDir}: skipping it`);
  } else {
    const { corpus, queries } = loadCmrc(cmrcDir);
    // Wikipedia questions asked of the newspaper: nothing there answers them.
    const foreign = queries.filter((q) => engine.search(q.question, { limit: 1 }).results.length > 0).length;
    say();
    say(`CMRC 2018 questions asked of the newspaper archive: ${foreign} of ${queries.length} (${pct(foreign / queries.length)}) got results (want few)`);
    summary.cmrcOnNewspaper = { questions: queries.length, answered: foreign };
    if (foreign / queries.length > 0.015) failures.push(`${pct(foreign / queries.length)} of CMRC questions got results from the newspaper > 0.015`);

    const issue = cmrcIssue(corpus);
    const tokenizer = createTokenizer(config.profile);
    const core = (relevance?: RelevanceOptions) => {
      const started = performance.now();
      const e = createSearchEngineCore({ issues: [issue], paper: config.paper, profile: config.profile, logger, tokenizer, passagesOf: buildPassages, splitSentences, relevance });
      return { engine: e, ms: performance.now() - started };
    };
    const ranking = core(RELEVANCE_GATE_OFF);
    const shipped = core();
    const rows: BenchmarkRow[] = [
      evaluateEngineOnCmrc('this engine: ranking (no-match gate off)', ranking.engine, queries, ranking.ms),
      evaluateEngineOnCmrc('this engine as shipped (no-match gate on)', shipped.engine, queries, shipped.ms),
      ...evaluateBaselinesOnCmrc(corpus, queries, tokenizer),
    ];
    say(`CMRC 2018: ${corpus.length} paragraphs (${ranking.engine.passageCount} passages), ${queries.length} questions`);
    if (!json) printTable(rows);
    summary.cmrc = rows;
    // The targets apply to what readers get: the engine as shipped, no-match gate on. The ranking
    // alone (gate off) must still beat every baseline.
    const [ranked, asShipped] = [rows[0]!, rows[1]!];
    if (asShipped.recall1 < 0.975) failures.push(`CMRC R@1 as shipped ${pct(asShipped.recall1)} < 0.975`);
    if (asShipped.mrr10 < 0.985) failures.push(`CMRC MRR@10 as shipped ${pct(asShipped.mrr10)} < 0.985`);
    for (const b of rows.slice(2)) {
      if (b.recall1 >= ranked.recall1 || b.mrr10 >= ranked.mrr10) failures.push(`baseline "${b.name}" is not below the engine's ranking`);
    }
  }

  summary.failures = failures;
  if (json) out(JSON.stringify(summary));
  else {
    say();
    say(failures.length === 0 ? 'all targets met' : `targets missed:\n  ${failures.join('\n  ')}`);
  }
  return failures.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
    process.exitCode = 1;
  },
);
