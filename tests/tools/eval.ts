/**
 * `npm run eval`: answer quality, measured. Every set reports P@1, hit@3 and the outcome mix
 * (answer / related / none / chat).
 * - dev_qa.tsv (also in traditional characters, OpenCC cn → tw) and dev_qa2.tsv (a reader's words,
 *   two-sentence and fact questions): P@1 = the first excerpt holds the answer and the outcome is `answer`;
 * - dev_oos.tsv and dev_oos2.tsv (facts the archive never printed, and chat): no `answer` outcome;
 * - CMRC 2018 (../shared/bench/cmrc2018): Recall@1/3/10 and MRR@10 beside MiniSearch's default
 *   tokenizer, jieba only and bigrams only; its questions asked of the newspaper (should find
 *   nothing); direct-answer precision and coverage by kind of question (answers.jsonl);
 * - DRCD (../shared/bench/drcd), the unanswerable split: false-answer rate on the held-out
 *   paragraphs' questions, R@1 on the others.
 * Flags: --no-cmrc, --no-drcd (skip a benchmark), --sets <list> (measure only these, comma-separated:
 * dev, cmrc, drcd, baselines; while iterating, e.g. `--sets dev,cmrc`; without --sets: dev, cmrc and drcd —
 * `baselines` (CMRC with the gate off, without query expansion, and plain MiniSearch) only when named),
 * --json (one JSON summary on stdout), --shared <dir> (where the shared data is; default ../shared),
 * --extra <file.tsv> (one more question set in dev_qa2's columns, e.g. a helper's own reader-style questions:
 * measured and listed with the dev sets, no target).
 * Exit code 3 when a target is missed (everything measured), 2 when evaluation data is missing (named on stderr), 1 on a crash.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { openArchive } from '../../src/open-archive.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import { cmrcIssue, evaluateBaselinesOnCmrc, evaluateEngineOnCmrc, loadCmrc, type BenchmarkRow } from './evaluation/cmrc.js';
import { evaluateDev, evaluateOos, loadDevOos, loadDevQa, type DevReport, type OosReport } from './evaluation/dev-set.js';
import { createDirectAnswerTally, loadAnswers, type DirectAnswerRow } from './evaluation/direct-answers.js';
import { DRCD_FILES, drcdIssue, evaluateDrcd, loadDrcd } from './evaluation/drcd.js';
import { emptyMix, formatMix } from './evaluation/outcome-mix.js';
import { MissingEvaluationDataError, requireFiles } from './evaluation/shared-data.js';
import type { AnswerKind } from '../../src/search/analyze-question.js';
import { DIRECT_ANSWER_KINDS } from '../../src/search/direct-answer.js';
import { RELEVANCE_GATE_OFF, type RelevanceOptions } from '../../src/search/search-engine-core.js';
import { toTraditional } from '../../src/text/normalize-for-match.js';
import { createTokenizer } from '../../src/text/tokenizer.js';

const out = (s = '') => process.stdout.write(`${s}\n`);
const pct = (x: number) => x.toFixed(3);
const ALL_KINDS: AnswerKind[] = ['quantity', 'date', 'duration', 'person', 'organisation', 'place', 'reason', 'method', 'yesno', 'other'];
/** A kind's direct answers count as measured once this many were shown. */
const MIN_SHOWN = 20;

function printDev(label: string, r: DevReport): void {
  out(`${label}: ${r.questions} questions  P@1 ${pct(r.precisionAt1)} (first excerpt holds it, any outcome: ${pct(r.firstHolds)})  hit@3 ${pct(r.hitAt3)}  MRR ${pct(r.mrr)}  longest excerpt ${r.longestExcerpt} chars`);
  out(`  outcomes: ${formatMix(r.outcomes)}`);
  for (const m of r.misses) {
    out(`  miss ${m.id} [${m.outcome}] (answer at rank ${m.rank || '—'}) ${m.question}  → want “${m.answer}”`);
    if (m.rank !== 1 && m.topExcerpt !== undefined) out(`       first: ${m.topTitle}｜${m.topExcerpt}`);
  }
}

function printOos(label: string, r: OosReport): void {
  out(`${label}: ${r.questions} questions  P@1 —  hit@3 —  (nothing answers them)  told "answer": ${r.answered.length}, with any result: ${r.withResults}`);
  out(`  outcomes: ${formatMix(r.outcomes)}`);
  for (const a of r.answered) out(`  answered ${a.id} ${a.question} → ${a.title}｜${a.excerpt}`);
}

function printTable(rows: readonly BenchmarkRow[]): void {
  out('| configuration | R@1 | R@3 | R@10 | MRR@10 | build ms | query mean / p95 ms |');
  out('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    out(`| ${r.name} | ${pct(r.recall1)} | ${pct(r.recall3)} | ${pct(r.recall10)} | ${pct(r.mrr10)} | ${Math.round(r.buildMs)} | ${r.latency.mean.toFixed(2)} / ${r.latency.p95.toFixed(2)} |`);
  }
}

function printDirect(rows: readonly DirectAnswerRow[]): void {
  out('| kind | questions | direct answers shown | precision | coverage | shown to readers |');
  out('|---|---|---|---|---|---|');
  for (const r of rows) {
    out(`| ${r.kind} | ${r.questions} | ${r.shown} | ${r.shown > 0 ? pct(r.precision) : '—'} | ${pct(r.coverage)} | ${DIRECT_ANSWER_KINDS.includes(r.kind) ? 'yes' : 'no'} |`);
  }
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  // --sets dev,cmrc: only these parts (dev = the newspaper sets, baselines = CMRC's other tokenizers and the run without expansion).
  const setsAt = argv.indexOf('--sets');
  const sets = setsAt >= 0 ? new Set((argv[setsAt + 1] ?? '').split(',').map((s) => s.trim())) : undefined;
  const wants = (set: string) => sets === undefined || sets.has(set);
  const skipCmrc = argv.includes('--no-cmrc') || !wants('cmrc');
  const skipDrcd = argv.includes('--no-drcd') || !wants('drcd');
  const skipDev = !wants('dev');
  // The baselines triple CMRC's cost and track no open target: measured when asked for.
  const skipBaselines = sets === undefined || !sets.has('baselines');
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  // --shared <dir>: the shared evaluation data somewhere else than beside the repository.
  const sharedAt = argv.indexOf('--shared');
  const shared = sharedAt >= 0 && argv[sharedAt + 1] !== undefined ? path.resolve(argv[sharedAt + 1]!) : path.resolve(repoRoot, '../shared');
  const evalFile = (name: string) => path.join(shared, 'eval', name);
  const cmrcDir = path.join(shared, 'bench/cmrc2018');
  const drcdDir = path.join(shared, 'bench/drcd');
  // Everything measured must be there before anything is measured: a partial run is not a result.
  requireFiles([
    ...['dev_qa.tsv', 'dev_qa2.tsv', 'dev_oos.tsv', 'dev_oos2.tsv'].map(evalFile),
    ...(skipCmrc ? [] : ['corpus.jsonl', 'queries.jsonl', 'answers.jsonl'].map((f) => path.join(cmrcDir, f))),
    ...(skipDrcd ? [] : DRCD_FILES.map((f) => path.join(drcdDir, f))),
  ]);

  const config = loadConfig();
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : 'warn' });
  const say = json ? () => undefined : out;
  const startedAt = performance.now();
  const elapsed = () => `${((performance.now() - startedAt) / 1000).toFixed(0)} s`;
  // Long passes report on stderr every 1000 questions, so a slow or stuck run shows where it is.
  const progress = (label: string, index: number, total: number) => {
    if ((index + 1) % 1000 === 0 || index + 1 === total) process.stderr.write(`eval: ${label} ${index + 1}/${total} (${elapsed()})\n`);
  };
  const failures: string[] = [];
  const summary: Record<string, unknown> = {};

  // The archive opened as every entry point opens it, in memory (the figures never depend on DATA_DIR).
  const opened = await openArchive({ seedsDir: config.seedsDir, profile: config.profile, paper: { ...config.paper, timeZone: config.timeZone }, logger, now: () => new Date('2025-12-31T04:00:00Z') });
  const issues = opened.archive.issues();
  // Fixed clock: relative dates in questions must not change the figures from day to day.
  const engine = opened.search;
  say(`archive: ${issues.length} issues, ${engine.passageCount} passages`);

  if (skipDev) say('newspaper dev sets: skipped (--sets)');
  else {
    const dev = evaluateDev(engine, issues, loadDevQa(evalFile('dev_qa.tsv')));
    const trad = evaluateDev(engine, issues, loadDevQa(evalFile('dev_qa.tsv')), toTraditional);
    const dev2 = evaluateDev(engine, issues, loadDevQa(evalFile('dev_qa2.tsv')));
    const oos = evaluateOos(engine, loadDevOos(evalFile('dev_oos.tsv')));
    const oos2 = evaluateOos(engine, loadDevOos(evalFile('dev_oos2.tsv')));
    // --extra: questions nobody tuned to, to tell a general gain from one that fits dev_qa2 only.
    const extraAt = argv.indexOf('--extra');
    const extraFile = extraAt >= 0 ? argv[extraAt + 1] : undefined;
    const extra = extraFile === undefined ? undefined : evaluateDev(engine, issues, loadDevQa(path.resolve(extraFile)));
    if (!json) {
      out();
      printDev('dev_qa (simplified)', dev);
      printDev('dev_qa (traditional, cn→tw)', trad);
      printDev('dev_qa2 (a reader\'s words)', dev2);
      printOos('dev_oos', oos);
      printOos('dev_oos2 (known words, chat)', oos2);
      if (extra !== undefined) printDev(`extra (${path.basename(extraFile!)})`, extra);
    }
    Object.assign(summary, { dev, traditional: trad, dev2, oos, oos2, ...(extra !== undefined ? { extra } : {}) });
    if (dev.precisionAt1 < 0.92) failures.push(`dev_qa P@1 ${pct(dev.precisionAt1)} < 0.92`);
    if (dev.longestExcerpt > 200 || dev2.longestExcerpt > 200) failures.push('an excerpt has more than 200 characters');
    if (trad.hitAt3 < 0.95) failures.push(`traditional hit@3 ${pct(trad.hitAt3)} < 0.95`);
    if (dev2.precisionAt1 < 0.9) failures.push(`dev_qa2 P@1 ${pct(dev2.precisionAt1)} < 0.90`);
    if (oos.answered.length > 0) failures.push(`${oos.answered.length} dev_oos questions told they have an answer`);
    if (oos2.answered.length > 0) failures.push(`${oos2.answered.length} dev_oos2 questions told they have an answer`);
  }

  if (skipCmrc) {
    say('CMRC 2018: skipped (--no-cmrc)');
  } else {
    const { corpus, queries } = loadCmrc(cmrcDir);
    // Wikipedia questions asked of the newspaper: nothing there answers them.
    let foreign = 0;
    let foreignAnswered = 0;
    for (const q of queries) {
      const a = engine.search(q.question, { limit: 1 });
      if (a.results.length > 0) foreign++;
      if (a.outcome === 'answer') foreignAnswered++;
    }
    say();
    say(`CMRC 2018 questions asked of the newspaper archive: ${foreign} of ${queries.length} (${pct(foreign / queries.length)}) got results, ${foreignAnswered} told "answer" (want few)`);
    summary.cmrcOnNewspaper = { questions: queries.length, withResults: foreign, answered: foreignAnswered };
    if (foreignAnswered / queries.length > 0.015) failures.push(`${pct(foreignAnswered / queries.length)} of CMRC questions got an answer from the newspaper > 0.015`);

    const issue = cmrcIssue(corpus);
    const tokenizer = createTokenizer(config.profile);
    const core = async (relevance?: RelevanceOptions, directKinds?: readonly AnswerKind[]) => {
      const started = performance.now();
      const e = await createSearchEngine({ issues: [issue], paper: config.paper, profile: config.profile, logger, tokenizer, relevance, directKinds });
      return { engine: e, ms: performance.now() - started };
    };
    // As shipped, but with every kind's direct answer line on, to measure which kinds earn it: one
    // pass gives the ranking, the outcomes and the direct answers.
    const shipped = await core(undefined, ALL_KINDS);
    const direct = createDirectAnswerTally(loadAnswers(path.join(cmrcDir, 'answers.jsonl')));
    const rows: BenchmarkRow[] = [
      evaluateEngineOnCmrc('this engine as shipped (no-match gate on)', shipped.engine, queries, shipped.ms, (q, answer, i) => {
        direct.add(q, answer);
        progress('CMRC as shipped', i, queries.length);
      }),
    ];
    if (!skipBaselines) {
      // The ranking alone (gate off), the same engine without query expansion (expansion must not cost
      // CMRC anything), and plain MiniSearch indexes the ranking must beat.
      const ranking = await core(RELEVANCE_GATE_OFF);
      rows.unshift(evaluateEngineOnCmrc('this engine: ranking (no-match gate off)', ranking.engine, queries, ranking.ms, (_q, _a, i) => progress('CMRC ranking', i, queries.length)));
      const started = performance.now();
      const plain = await createSearchEngine({ issues: [issue], paper: config.paper, profile: config.profile, logger, tokenizer, expansion: { synonyms: false, abbreviations: false } });
      const plainMs = performance.now() - started;
      rows.push(evaluateEngineOnCmrc('as shipped without query expansion', plain, queries, plainMs, (_q, _a, i) => progress('CMRC without expansion', i, queries.length)), ...evaluateBaselinesOnCmrc(corpus, queries, tokenizer));
    }
    say(`CMRC 2018: ${corpus.length} paragraphs (${shipped.engine.passageCount} passages), ${queries.length} questions`);
    if (!json) printTable(rows);
    const asShipped = rows.find((r) => r.name.startsWith('this engine as shipped'))!;
    say(`  as shipped: P@1 (= R@1) ${pct(asShipped.recall1)}  hit@3 ${pct(asShipped.recall3)}  outcomes: ${formatMix(asShipped.outcomes ?? emptyMix())}  gold first with outcome "answer": ${pct(asShipped.answeredAt1 ?? 0)}`);
    if (skipBaselines) say('  (the ranking with the gate off, without query expansion, and the MiniSearch baselines: `npm run eval -- --sets cmrc,baselines`)');
    const directRows = direct.rows();
    say();
    say('Direct answer line ("答：…") on CMRC 2018, by kind of question (precision: the span overlaps an annotated answer):');
    if (!json) printDirect(directRows);
    summary.cmrc = rows;
    summary.directAnswers = directRows;
    if (asShipped.recall1 < 0.98) failures.push(`CMRC R@1 as shipped ${pct(asShipped.recall1)} < 0.98`);
    if (!skipBaselines) {
      const ranked = rows[0]!;
      const withoutExpansion = rows[2]!;
      if (asShipped.recall1 < withoutExpansion.recall1) failures.push(`query expansion lowers CMRC R@1: ${pct(asShipped.recall1)} < ${pct(withoutExpansion.recall1)} without it`);
      for (const b of rows.slice(3)) {
        if (b.recall1 >= ranked.recall1 || b.mrr10 >= ranked.mrr10) failures.push(`baseline "${b.name}" is not below the engine's ranking`);
      }
    }
    for (const r of directRows) {
      if (!DIRECT_ANSWER_KINDS.includes(r.kind)) continue;
      if (r.shown < MIN_SHOWN) failures.push(`direct answers for ${r.kind}: only ${r.shown} shown on CMRC, too few to measure`);
      else if (r.precision < 0.85) failures.push(`direct-answer precision for ${r.kind} ${pct(r.precision)} < 0.85`);
    }
  }

  if (skipDrcd) {
    say('DRCD: skipped (--no-drcd)');
  } else {
    const { corpus, queries, heldout } = loadDrcd(drcdDir);
    const e = await createSearchEngine({ issues: [drcdIssue(corpus, heldout)], paper: config.paper, profile: config.profile, logger });
    const r = evaluateDrcd(e, queries, heldout);
    say();
    say(`DRCD unanswerable split: ${corpus.length - heldout.size} paragraphs indexed, ${heldout.size} held out`);
    say(`  answerable (${r.answerable.queries}): P@1 (= R@1) ${pct(r.answerable.recall1)}  hit@3 ${pct(r.answerable.recall3)}  MRR@10 ${pct(r.answerable.mrr10)}  gold first with outcome "answer": ${pct(r.answerable.answeredAt1)}`);
    say(`    outcomes: ${formatMix(r.answerable.outcomes)}`);
    say(`  unanswerable (${r.unanswerable.queries}): false-answer rate ${pct(r.unanswerable.falseAnswerRate)}  P@1 —  hit@3 —`);
    say(`    outcomes: ${formatMix(r.unanswerable.outcomes)}`);
    say(`  query mean / p50 / p95 ms: ${r.latency.mean.toFixed(2)} / ${r.latency.p50.toFixed(2)} / ${r.latency.p95.toFixed(2)}`);
    summary.drcd = r;
    if (r.unanswerable.falseAnswerRate > 0.1) failures.push(`DRCD false-answer rate ${pct(r.unanswerable.falseAnswerRate)} > 0.10`);
    if (r.answerable.recall1 < 0.95) failures.push(`DRCD answerable R@1 ${pct(r.answerable.recall1)} < 0.95`);
  }

  summary.failures = failures;
  if (json) out(JSON.stringify(summary));
  else {
    say();
    say(failures.length === 0 ? 'all targets met' : `targets missed:\n  ${failures.join('\n  ')}`);
    say(`(evaluated in ${elapsed()})`);
  }
  // 3, not 1: everything was measured and the figures are above, but some targets are not reached yet.
  // 1 stays for a crash and 2 for missing data, so CI can tell "measured, short of target" from "measured nothing".
  return failures.length === 0 ? 0 : TARGETS_MISSED;
}

/** Exit code of a complete evaluation that missed one or more targets (listed under "targets missed"). */
const TARGETS_MISSED = 3;

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`eval: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
    process.exitCode = err instanceof MissingEvaluationDataError ? 2 : 1;
  },
);
