/**
 * `npm run bench`: what the archive store and the search cost as the archive grows, on realistic text.
 *
 * Archives (by characters, 1× = the five seed issues ≈ 79k characters):
 *   1×     the seeds;
 *   100×   the seeds + issues of ../shared/bench/archive-x1000 (real sentences from the seeds, CMRC 2018,
 *          DRCD and People's Daily, recombined into dated ≈ 39k-character issues), those holding the CMRC
 *          gold paragraphs first;
 *   1000×  the whole archive-x1000 (699 issues);
 *   7000×  (--full or --scales …,7000) archive-x1000 plus ≈ 4,200 issues recombined from its sentences
 *          (gold paragraphs left out, digits re-drawn so the vocabulary keeps growing), dated back to 2010:
 *          ≈ 15 years of a daily, ≈ 1.28M passages.
 * Each scale runs in child processes, so memory is per scale:
 *   1. build: openArchive into a fresh DATA_DIR (build time, database size);
 *   2. serve: openArchive again (open time: the bot's startup), the question set through the whole
 *      pipeline (p50/p95/p99), the headline vocabulary's load (the bot loads it in the background after
 *      start), RSS after it, dev hit@3, CMRC R@1 (questions whose gold paragraph is in the archive),
 *      and, at the largest scale, the time for one new issue file to become searchable.
 * Then the digest fan-out bench (tests/tools/bench-digest.ts), unless --no-digest.
 * Every figure is taken under whatever else runs on the machine: each child samples the 1-minute load
 * average every 5 s and the table shows its mean and maximum, so a figure taken under load says so.
 * Flags: --scales 1,100,1000   --full (adds 7000)   --json   --no-digest
 *        --budgets 20000,10000   also run the question set with these first-stage posting budgets
 *                     (latency, dev hit@3, CMRC R@1 for each: what a smaller budget saves and costs)
 *        --data DIR   keep each scale's archive in DIR/x<scale> and reuse it on the next run (serve
 *                     figures only, with the build figures recorded when it was built; a change of
 *                     schema or config rebuilds it, and that build is measured).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARCHIVE_FILE } from '../../src/archive/archive-db.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { openArchive } from '../../src/open-archive.js';
import { analyzeQuestion } from '../../src/search/analyze-question.js';
import { createSearchEngineCore, FIRST_STAGE_POSTINGS } from '../../src/search/search-engine-core.js';
import type { SearchEngine } from '../../src/search/types.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import { addDays } from '../../src/text/calendar.js';
import { toTraditional } from '../../src/text/normalize-for-match.js';
import { evaluateDev, loadDevQa } from './evaluation/dev-set.js';
import { latency, type Latency } from './evaluation/rank-metrics.js';

const here = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(here), '../..');
const shared = path.resolve(repoRoot, '../shared');
const x1000Dir = path.join(shared, 'bench/archive-x1000');
const cacheRoot = path.join(os.tmpdir(), 'paper-bench-archives');

interface BuildReport {
  scale: number;
  files: number;
  issues: number;
  passages: number;
  buildMs: number;
  /** CPU time of the build (user + system), comparable across machine loads. */
  buildCpuMs: number;
  dbBytes: number;
  /** Peak RSS of the build (MB). */
  buildRssMb: number;
  /** False when a kept archive (--data) was current: nothing was written, the figures are those recorded when it was built. */
  built: boolean;
  load: LoadSample;
}

/** The 1-minute load average while a child ran: mean and maximum of samples every 5 s. */
interface LoadSample {
  mean: number;
  max: number;
}

interface ServeReport {
  scale: number;
  openMs: number;
  /** CPU time of the open (user + system): what it costs whatever the load. */
  openCpuMs: number;
  queries: number;
  latency: Latency;
  /** CPU time per question: on a shared machine under load, closer to what an idle core gives than the wall time. */
  cpuLatency: Latency;
  rssMb: number;
  heapMb: number;
  devHit3: number;
  cmrcQuestions: number;
  cmrcR1: number;
  /** The same question set with other first-stage budgets (--budgets), over the same store. */
  budgets: BudgetReport[];
  /** Median time of the question analysis alone (analyzeQuestion: kind, attribute, jieba tags), per question. */
  analysisMs: number;
  /** Loading the headline vocabulary (in the background in the bot), wall and CPU; rssMb is taken after it. */
  headlines: { ms: number; cpuMs: number };
  newIssueMs?: number;
  load: LoadSample;
}

const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Samples the load average until stopped (the machine is shared: a figure under load must say so). */
function sampleLoad(): () => LoadSample {
  const samples = [os.loadavg()[0]!];
  const timer = setInterval(() => samples.push(os.loadavg()[0]!), 5000);
  timer.unref();
  return () => {
    clearInterval(timer);
    samples.push(os.loadavg()[0]!);
    return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, max: Math.max(...samples) };
  };
}

interface Gold {
  goldId: string;
  file: string;
  title: string;
  key: string;
}

interface Questions {
  cmrc: { id: string; question: string; gold_id: string }[];
  warmUp: string[];
}

/** The unpacked archive-x1000 issue files (unpacked once into the temp folder). */
function x1000Seeds(): string {
  const dir = path.join(cacheRoot, 'x1000');
  if (!existsSync(path.join(dir, 'seeds'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['xJf', path.join(x1000Dir, 'seeds.tar.xz'), '-C', dir]);
  }
  return path.join(dir, 'seeds');
}

/** A deterministic random source, so the generated archive is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/**
 * ≈ `issues` more issues recombined from the sentences of archive-x1000's generated issues (never from
 * the seeds or the files holding CMRC gold paragraphs, so no distractor repeats an answer), each digit
 * re-drawn, dated day by day back from the day before the oldest x1000 issue.
 */
function generateIssues(dir: string, issues: number, goldFiles: ReadonlySet<string>): void {
  const src = x1000Seeds();
  const random = rng(7000);
  const sentences: string[] = [];
  for (const name of readdirSync(src).sort()) {
    if (!/^\d{4}-\d{2}-\d{2}_/.test(name) || goldFiles.has(name)) continue;
    const text = readFileSync(path.join(src, name), 'utf8');
    for (const para of text.split(/\n\s*\n/)) {
      if (para.startsWith('#') || para.length < 40 || para.startsWith('□')) continue;
      for (const s of para.match(/[^。！？]+[。！？]/gu) ?? []) if (s.length >= 12) sentences.push(s.trim());
    }
    if (sentences.length > 400_000) break;
  }
  const pick = () => sentences[Math.floor(random() * sentences.length)]!.replace(/\d/g, () => String(Math.floor(random() * 10)));
  let date = '2022-01-01';
  let number = 9000;
  for (let i = 0; i < issues; i++) {
    date = addDays(date, -1);
    number -= 1;
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
    const parts = [`丝路昌吉客户端\n\n# 昌吉日报\n\n## CHANGJI RIBAO\n\n${y}年${m}月${d}日 ${weekday}\n\n总第${number}期\n\n今日8版\n`];
    let chars = 0;
    while (chars < 39_000) {
      const title = pick().replace(/[，。！？、；：“”‘’（）《》]/gu, '').slice(0, 8 + Math.floor(random() * 12));
      const paras: string[] = [];
      const count = 3 + Math.floor(random() * 6);
      for (let p = 0; p < count; p++) paras.push(Array.from({ length: 2 + Math.floor(random() * 3) }, pick).join(''));
      const body = paras.join('\n\n');
      chars += body.length;
      parts.push(`## ${title}\n\n${body}\n`);
    }
    writeFileSync(path.join(dir, `${date}_r${String(i).padStart(5, '0')}.txt`), parts.join('\n'));
  }
}

/** The issue folder for a scale, made once and cached in the temp folder. */
function seedsFor(scale: number, golds: readonly Gold[]): string {
  if (scale === 1) return path.join(repoRoot, 'seeds');
  const src = x1000Seeds();
  if (scale === 1000) return src;
  const dir = path.join(cacheRoot, `x${scale}`);
  if (existsSync(path.join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const goldFiles = new Set(golds.map((g) => g.file));
  const all = readdirSync(src).sort();
  if (scale === 7000) {
    for (const name of all) symlinkSync(path.join(src, name), path.join(dir, name));
    generateIssues(dir, 6 * (all.length - 5), goldFiles);
  } else {
    // Seeds first, then the gold files, then others until the size is reached.
    const seedChars = 79_421;
    let chars = 0;
    const ordered = [...all.filter((n) => !/^\d{4}-/.test(n)), ...all.filter((n) => goldFiles.has(n)), ...all.filter((n) => /^\d{4}-/.test(n) && !goldFiles.has(n))];
    for (const name of ordered) {
      if (chars >= seedChars * scale) break;
      symlinkSync(path.join(src, name), path.join(dir, name));
      chars += statSync(path.join(src, name)).size / 2.9; // UTF-8 bytes per character, about
    }
  }
  writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}

function loadGold(): { golds: Gold[]; questions: Questions } {
  return {
    golds: JSON.parse(readFileSync(path.join(x1000Dir, 'gold.json'), 'utf8')) as Gold[],
    questions: JSON.parse(readFileSync(path.join(x1000Dir, 'questions.json'), 'utf8')) as Questions,
  };
}

async function childBuild(scale: number, seedsDir: string, dataDir: string): Promise<BuildReport> {
  const config = loadConfig({ ...process.env, SEEDS_DIR: seedsDir, DATA_DIR: dataDir });
  const logger = createLogger({ level: 'warn' });
  const stopLoad = sampleLoad();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const opened = await openArchive({
    seedsDir,
    profile: config.profile,
    dataDir,
    paper: config.paper,
    logger,
    onProgress: ({ done, total }) => {
      if (done % 250 === 0) process.stderr.write(`bench: ${scale}× build ${done}/${total} files, ${Math.round((performance.now() - started) / 1000)} s\n`);
    },
  });
  const buildMs = performance.now() - started;
  const report: BuildReport = {
    scale,
    files: opened.report.files,
    issues: opened.archive.issues().length,
    passages: opened.search.passageCount,
    buildMs,
    buildCpuMs: cpuMs(process.cpuUsage(cpuStarted)),
    dbBytes: statSync(path.join(dataDir, ARCHIVE_FILE)).size,
    buildRssMb: process.resourceUsage().maxRSS / 1024,
    built: opened.report.added + opened.report.changed + opened.report.removed > 0,
    load: stopLoad(),
  };
  opened.close();
  return report;
}

/** A new issue that exists nowhere else, with one sentence a question can find. */
function newIssueText(): { text: string; question: string } {
  return {
    text: '丝路昌吉客户端\n\n# 昌吉日报\n\n2025年12月30日 星期二\n\n总第99001期\n\n## 奇台县试种蓝色紫花苜蓿获得成功\n\n本报讯 奇台县农业技术推广站今年试种的蓝色紫花苜蓿喜获丰收，亩产鲜草达到四吨半，比普通品种高出三成。\n\n技术人员介绍，这种苜蓿耐寒耐旱，适合在天山北坡的旱地推广种植。\n',
    question: '奇台县试种的蓝色紫花苜蓿亩产多少',
  };
}

/** The question set through the engine with one first-stage posting budget. */
interface BudgetReport {
  postings: number;
  latency: Latency;
  cpuLatency: Latency;
  devHit3: number;
  cmrcR1: number;
}

async function childServe(scale: number, seedsDir: string, dataDir: string, largest: boolean, budgets: readonly number[]): Promise<ServeReport> {
  const config = loadConfig({ ...process.env, SEEDS_DIR: seedsDir, DATA_DIR: dataDir });
  const logger = createLogger({ level: 'warn' });
  const stopLoad = sampleLoad();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const opened = await openArchive({ seedsDir, profile: config.profile, dataDir, paper: config.paper, logger, now: () => new Date('2025-12-31T04:00:00Z') });
  const { archive, search } = opened;
  search.search('昌吉州'); // the first question: part of opening for a reader
  const openMs = performance.now() - started;
  const openCpuMs = cpuMs(process.cpuUsage(cpuStarted));

  const { golds, questions } = loadGold();
  const dev = loadDevQa(path.join(shared, 'eval/dev_qa.tsv'));
  // The gold article of each CMRC question whose gold paragraph is in this archive: by file and headline.
  const goldArticle = new Map<string, string>();
  for (const g of golds) {
    // A file named after a day and a page (2024-10-31_g00000.txt) is a page of that day's issue.
    const issue = archive.issues().find((i) => i.file === g.file || (i.pages?.includes(g.file) ?? false));
    const article = issue?.articles.find((a) => a.title === g.title);
    if (article) goldArticle.set(g.goldId, article.id);
  }
  const cmrc = questions.cmrc.filter((q) => goldArticle.has(q.gold_id));

  for (const q of questions.warmUp) search.search(q);
  const timed = [...dev.map((q) => q.question), ...dev.map((q) => toTraditional(q.question)), ...cmrc.map((q) => q.question), '木垒县冬小麦', '石门子水库', '昌吉州', '2024年11月的报纸', '第12124期', '志愿服务'];
  const cmrcAsked = new Map(cmrc.map((q) => [q.question, q.gold_id]));
  /** The question set through one engine: wall and CPU time per question, CMRC R@1, dev hit@3. */
  const measure = (engine: SearchEngine): BudgetReport => {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let cmrcHits = 0;
    for (const q of new Set(timed)) {
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const answer = engine.search(q);
      cpuTimes.push(cpuMs(process.cpuUsage(c0)));
      times.push(performance.now() - t0);
      const gold = cmrcAsked.get(q);
      if (gold !== undefined && answer.results[0]?.articleId === goldArticle.get(gold)) cmrcHits++;
    }
    return {
      postings: FIRST_STAGE_POSTINGS,
      latency: latency(times),
      cpuLatency: latency(cpuTimes),
      devHit3: evaluateDev(engine, archive.issues(), dev).hitAt3,
      cmrcR1: cmrc.length === 0 ? Number.NaN : cmrcHits / cmrc.length,
    };
  };
  const engineWith = (postings: number) => {
    const engine = createSearchEngineCore({ archive, db: opened.db, paper: config.paper, profile: config.profile, logger, tokenizer: opened.tokenizer, splitSentences, now: () => new Date('2025-12-31T04:00:00Z'), firstStagePostings: postings });
    for (const q of questions.warmUp) engine.search(q);
    return engine;
  };
  // Comparing budgets: one unmeasured pass first (another engine, so no answer is cached), so that
  // neither the JIT nor the page cache favours the budgets measured later.
  if (budgets.length > 0) measure(engineWith(FIRST_STAGE_POSTINGS));
  const shipped = measure(search);
  // The headline vocabulary the bot loads in the background right after start (inline mode, /topic fallback).
  const headlinesStarted = performance.now();
  const headlinesCpu = process.cpuUsage();
  await search.loadHeadlines?.();
  const headlines = { ms: performance.now() - headlinesStarted, cpuMs: cpuMs(process.cpuUsage(headlinesCpu)) };
  // Memory of the bot's engine (headline index loaded), before any other budget's engine exists.
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  // Other first-stage budgets over the same store (--budgets): what a smaller one saves and costs.
  const budgetReports = budgets.map((postings) => ({ ...measure(engineWith(postings)), postings }));
  // The question analysis alone (issue 9: it may add at most 2 ms to the median question).
  const analysisTimes: number[] = [];
  for (const q of new Set(timed)) {
    const t0 = performance.now();
    analyzeQuestion(q, opened.tokenizer.tag);
    analysisTimes.push(performance.now() - t0);
  }

  let newIssueMs: number | undefined;
  if (largest) {
    const { text, question } = newIssueText();
    const file = path.join(seedsDir, 'zz-bench-new-issue.txt');
    writeFileSync(file, text);
    try {
      const t0 = performance.now();
      await opened.ingestFile(file);
      const found = search.search(question).results[0]?.title.includes('蓝色紫花苜蓿') ?? false;
      newIssueMs = found ? performance.now() - t0 : Number.NaN;
    } finally {
      rmSync(file, { force: true });
      await opened.removeFile(file);
    }
  }
  opened.close();
  return {
    scale,
    openMs,
    openCpuMs,
    queries: new Set(timed).size,
    latency: shipped.latency,
    cpuLatency: shipped.cpuLatency,
    budgets: budgetReports,
    rssMb: mem.rss / 2 ** 20,
    heapMb: mem.heapUsed / 2 ** 20,
    devHit3: shipped.devHit3,
    cmrcQuestions: cmrc.length,
    cmrcR1: shipped.cmrcR1,
    analysisMs: latency(analysisTimes).p50,
    headlines,
    ...(newIssueMs !== undefined ? { newIssueMs } : {}),
    load: stopLoad(),
  };
}

function runChild<T>(args: string[]): T {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', here, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    maxBuffer: 64 * 2 ** 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed (${r.status})`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

const loadText = (l: LoadSample) => `load ${l.mean.toFixed(1)}, max ${l.max.toFixed(1)}`;

/**
 * The build figures of a scale: this run's, saved beside a kept archive (--data), or — when the kept
 * archive was current and nothing was written — the ones saved when it was built.
 */
function keptBuild(dataDir: string, build: BuildReport): BuildReport {
  const saved = path.join(dataDir, 'bench-build.json');
  if (!build.built && existsSync(saved)) return { ...(JSON.parse(readFileSync(saved, 'utf8')) as BuildReport), dbBytes: build.dbBytes, built: false };
  writeFileSync(saved, JSON.stringify(build));
  return build;
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

async function parent(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const scalesArg = argv.includes('--scales') ? argv[argv.indexOf('--scales') + 1] : undefined;
  const scales = scalesArg ? scalesArg.split(',').map(Number) : [1, 100, 1000, ...(argv.includes('--full') ? [7000] : [])];
  const bad = scales.filter((s) => ![1, 100, 1000, 7000].includes(s));
  if (bad.length > 0) throw new Error(`--scales takes 1, 100, 1000 and 7000 (got ${bad.join(', ')})`);
  const budgets = argv.includes('--budgets') ? (argv[argv.indexOf('--budgets') + 1] ?? '').split(',').map(Number) : [];
  if (budgets.some((b) => !Number.isInteger(b) || b <= 0)) throw new Error('--budgets takes posting counts, e.g. --budgets 20000,10000');
  const keep = argv.includes('--data') ? path.resolve(argv[argv.indexOf('--data') + 1] ?? '') : undefined;
  const { golds } = loadGold();
  const rows: (BuildReport & { serve: ServeReport })[] = [];
  const largest = Math.max(...scales);
  for (const scale of scales) {
    const seedsDir = seedsFor(scale, golds);
    const dataDir = keep === undefined ? mkdtempSync(path.join(os.tmpdir(), `archive-bench-${scale}x-`)) : path.join(keep, `x${scale}`);
    mkdirSync(dataDir, { recursive: true });
    try {
      process.stderr.write(`bench: ${scale}× (${seedsDir} → ${dataDir}) …\n`);
      const build = keptBuild(dataDir, runChild<BuildReport>(['--child-build', String(scale), seedsDir, dataDir]));
      const serve = runChild<ServeReport>(['--child-serve', String(scale), seedsDir, dataDir, String(scale === largest), budgets.join(',')]);
      rows.push({ ...build, serve });
      process.stderr.write(`bench: ${scale}× ${JSON.stringify({ ...build, serve })}\n`);
    } finally {
      if (keep === undefined) rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(rows)}\n`);
  else {
    const out = (s = '') => process.stdout.write(`${s}\n`);
    out('| archive | issues | passages | build s (CPU s; load) | DB MB | open ms (CPU) | query p50 / p95 / p99 ms | the same, CPU ms | question analysis p50 ms | headline index load ms (CPU) | RSS MB | dev hit@3 | CMRC R@1 (questions) | new issue searchable ms | serve load |');
    out('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
    const budgetLines: string[] = [];
    for (const r of rows) {
      const s = r.serve;
      for (const b of s.budgets) {
        budgetLines.push(
          `| ${r.scale}× | ${b.postings} | ${b.latency.p50.toFixed(1)} / ${b.latency.p95.toFixed(1)} / ${b.latency.p99.toFixed(1)} | ${b.cpuLatency.p50.toFixed(1)} / ${b.cpuLatency.p95.toFixed(1)} / ${b.cpuLatency.p99.toFixed(1)} | ${f3(b.devHit3)} | ${f3(b.cmrcR1)} |`,
        );
      }
      out(
        `| ${r.scale}× | ${r.issues} | ${r.passages} | ${f1(r.buildMs / 1000)} (CPU ${f1((r.buildCpuMs ?? Number.NaN) / 1000)}; ${loadText(r.load)}) | ${f1(r.dbBytes / 2 ** 20)} | ${Math.round(s.openMs)} (${Math.round(s.openCpuMs)}) | ${s.latency.p50.toFixed(1)} / ${s.latency.p95.toFixed(1)} / ${s.latency.p99.toFixed(1)} | ${s.cpuLatency.p50.toFixed(1)} / ${s.cpuLatency.p95.toFixed(1)} / ${s.cpuLatency.p99.toFixed(1)} | ${s.analysisMs.toFixed(2)} | ${Math.round(s.headlines?.ms ?? Number.NaN)} (${Math.round(s.headlines?.cpuMs ?? Number.NaN)}) | ${Math.round(s.rssMb)} | ${f3(s.devHit3)} | ${f3(s.cmrcR1)} (${s.cmrcQuestions}) | ${s.newIssueMs === undefined ? '' : Math.round(s.newIssueMs)} | ${loadText(s.load)} |`,
      );
    }
    if (budgetLines.length > 0) {
      out();
      out(`Other first-stage posting budgets (shipped: ${FIRST_STAGE_POSTINGS}), the same questions over the same store:`);
      out('| archive | postings | query p50 / p95 / p99 ms | the same, CPU ms | dev hit@3 | CMRC R@1 |');
      out('|---|---|---|---|---|---|');
      for (const line of budgetLines) out(line);
    }
  }
  if (!argv.includes('--no-digest')) {
    const digest = spawnSync(process.execPath, ['--import', 'tsx', path.join(path.dirname(here), 'bench-digest.ts'), ...(json ? ['--json'] : [])], { cwd: repoRoot, stdio: 'inherit' });
    if (digest.status !== 0) process.exitCode = digest.status ?? 1;
  }
}

const argv = process.argv.slice(2);
const mode = argv[0];
if (mode === '--child-build' || mode === '--child-serve') {
  const [, scale = '1', seedsDir = '', dataDir = '', largest, budgets = ''] = argv;
  const task =
    mode === '--child-build'
      ? childBuild(Number(scale), seedsDir, dataDir)
      : childServe(Number(scale), seedsDir, dataDir, largest === 'true', budgets === '' ? [] : budgets.split(',').map(Number));
  task.then(
    (report) => process.stdout.write(`${JSON.stringify(report)}\n`),
    (err: unknown) => {
      process.stderr.write(`bench child: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
} else {
  parent(argv).catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
    process.exitCode = 1;
  });
}
