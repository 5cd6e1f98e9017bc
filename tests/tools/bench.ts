/**
 * `npm run bench`: what the search engine costs as the archive grows. For 1×, 10× and 100× the seed
 * archive (re-dated copies of the seeds), each in fresh child processes so memory is per scale:
 *   1. build the index and write the cache (build time, cache size);
 *   2. in a new process, start from the cache (cold start), then ask a fixed question set
 *      (dev questions, the same in 繁体, and Wikipedia questions the paper cannot answer):
 *      latency p50/p95/p99, heap and RSS.
 * Flags: --scales 1,10,100   --json (one JSON summary on stdout).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { loadIssues } from '../../src/ingest/load-issues.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import { loadCmrc } from './evaluation/cmrc.js';
import { loadDevQa } from './evaluation/dev-set.js';
import { latency, type Latency } from './evaluation/rank-metrics.js';
import { replicateArchive } from './evaluation/replicate-archive.js';
import { toTraditional } from '../../src/text/normalize-for-match.js';
import { statSync, readdirSync } from 'node:fs';

const here = fileURLToPath(import.meta.url);
const repoRoot = path.resolve(path.dirname(here), '../..');
const shared = path.resolve(repoRoot, '../shared');

interface BuildReport {
  scale: number;
  issues: number;
  passages: number;
  buildMs: number;
  cacheBytes: number;
}

interface ServeReport {
  scale: number;
  coldStartMs: number;
  queries: number;
  latency: Latency;
  heapMb: number;
  rssMb: number;
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * The questions asked at every scale: the same set, so latencies compare. Each is asked once (the
 * engine keeps recent answers, and a repeat would only time that cache); `warmUp` are other questions.
 */
function questionSet(): { timed: string[]; warmUp: string[] } {
  const warmUp: string[] = [];
  const qs: string[] = [];
  const dev = path.join(shared, 'eval/dev_qa.tsv');
  if (existsSync(dev)) {
    const qa = loadDevQa(dev).map((q) => q.question);
    qs.push(...qa, ...qa.map(toTraditional));
  }
  const cmrc = path.join(shared, 'bench/cmrc2018');
  if (existsSync(path.join(cmrc, 'queries.jsonl'))) {
    const { queries } = loadCmrc(cmrc);
    for (let i = 0; i < queries.length; i += 10) qs.push(queries[i]!.question);
    for (let i = 5; i < queries.length && warmUp.length < 30; i += 10) warmUp.push(queries[i]!.question);
  }
  qs.push('木垒县冬小麦', '石门子水库', '社会工作', '昌吉州', '2024年11月的报纸', '第12124期', '呼图壁县香妃海棠', '志愿服务');
  return { timed: [...new Set(qs)], warmUp };
}

/** Child: build the scaled archive's index and write its cache under dataDir. */
async function childBuild(scale: number, dataDir: string): Promise<BuildReport> {
  const config = loadConfig();
  const logger = createLogger({ level: 'warn' });
  const { issues } = await loadIssues({ seedsDir: config.seedsDir, manifest: config.profile.manifest, paper: config.paper, logger });
  const archive = replicateArchive(issues, scale);
  const started = performance.now();
  const engine = await createSearchEngine({ issues: archive, paper: config.paper, profile: config.profile, logger });
  const buildMs = performance.now() - started;
  return { scale, issues: archive.length, passages: engine.passageCount, buildMs, cacheBytes: dataDir === '' ? 0 : dirBytes(dataDir) };
}

/** Child: start from the cache in a fresh process, then time the question set. */
async function childServe(scale: number, dataDir: string): Promise<ServeReport> {
  const config = loadConfig();
  const logger = createLogger({ level: 'warn' });
  const { issues } = await loadIssues({ seedsDir: config.seedsDir, manifest: config.profile.manifest, paper: config.paper, logger });
  const archive = replicateArchive(issues, scale);
  gc();
  const started = performance.now();
  const engine = await createSearchEngine({ issues: archive, paper: config.paper, profile: config.profile, logger, now: () => new Date('2025-12-31T04:00:00Z') });
  const coldStartMs = performance.now() - started;
  const { timed, warmUp } = questionSet();
  for (const q of warmUp) engine.search(q); // JIT
  const times: number[] = [];
  for (const q of timed) {
    const t0 = performance.now();
    engine.search(q);
    times.push(performance.now() - t0);
  }
  gc();
  const mem = process.memoryUsage();
  return { scale, coldStartMs, queries: times.length, latency: latency(times), heapMb: mem.heapUsed / 2 ** 20, rssMb: mem.rss / 2 ** 20 };
}

function runChild<T>(args: string[]): T {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', here, ...args], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    maxBuffer: 64 * 2 ** 20,
  });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as T;
}

const f1 = (x: number) => x.toFixed(1);

async function parent(argv: string[]): Promise<void> {
  const json = argv.includes('--json');
  const scalesArg = argv[argv.indexOf('--scales') + 1];
  const scales = argv.includes('--scales') && scalesArg ? scalesArg.split(',').map(Number) : [1, 10, 100];
  const rows: (BuildReport & ServeReport)[] = [];
  for (const scale of scales) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `search-bench-${scale}x-`));
    try {
      if (!json) process.stderr.write(`bench: ${scale}× …\n`);
      const build = runChild<BuildReport>(['--child-build', String(scale), dataDir]);
      const serve = runChild<ServeReport>(['--child-serve', String(scale), dataDir]);
      rows.push({ ...build, ...serve });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(rows)}\n`);
    return;
  }
  const out = (s = '') => process.stdout.write(`${s}\n`);
  out('| archive | issues | passages | build s | cache MB | cold start ms | query p50 / p95 / p99 ms | heap MB | RSS MB |');
  out('|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    out(
      `| ${r.scale}× | ${r.issues} | ${r.passages} | ${f1(r.buildMs / 1000)} | ${f1(r.cacheBytes / 2 ** 20)} | ${Math.round(r.coldStartMs)} | ${r.latency.p50.toFixed(2)} / ${r.latency.p95.toFixed(2)} / ${r.latency.p99.toFixed(2)} | ${f1(r.heapMb)} | ${f1(r.rssMb)} |`,
    );
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first !== undefined && last !== undefined && last !== first) {
    const k = last.passages / first.passages;
    const per = (a: number, b: number) => (b - a) / (last.passages - first.passages);
    const heapPerPassageKb = (per(first.heapMb, last.heapMb) * 1024);
    const cachePerPassageKb = per(first.cacheBytes, last.cacheBytes) / 1024;
    const p99PerKPassages = per(first.latency.p99, last.latency.p99) * 1000;
    out();
    out(`Growth from ${first.scale}× to ${last.scale}× (${k.toFixed(0)}× the passages, ${last.queries} timed questions per scale):`);
    out(`- build ${f1(last.buildMs / first.buildMs)}×, cold start ${f1(last.coldStartMs / first.coldStartMs)}×, cache ${f1(last.cacheBytes / first.cacheBytes)}×, heap ${f1(last.heapMb / first.heapMb)}×, p99 ${f1(last.latency.p99 / Math.max(first.latency.p99, 0.01))}×.`);
    out(`- about ${f1(heapPerPassageKb)} KB of heap and ${f1(cachePerPassageKb)} KB of cache per passage; p99 grows ≈${p99PerKPassages.toFixed(2)} ms per 1,000 passages.`);
    const byHeap = (3 * 1024) / Math.max(heapPerPassageKb / 1024, 1e-6);
    const byLatency = p99PerKPassages > 0 ? (100 / p99PerKPassages) * 1000 : Infinity;
    const byString = (512 * 2 ** 20) / Math.max(cachePerPassageKb * 1024, 1);
    out(
      `- one machine: a 3 GB heap holds ≈${Math.round(byHeap / 1000)}k passages; p99 reaches 100 ms near ≈${Number.isFinite(byLatency) ? `${Math.round(byLatency / 1000)}k` : '∞'} passages; the cache is one JSON string, which V8 caps at ≈512M characters (≈${Math.round(byString / 1000)}k passages). The smallest of these is the limit: beyond it, shard the index (by year) and query the shards in turn.`,
    );
    out(`  (Copies repeat the seeds' vocabulary, so a real archive of the same size has more distinct terms: treat these as upper bounds on capacity.)`);
  }
}

const argv = process.argv.slice(2);
const mode = argv[0];
if (mode === '--child-build' || mode === '--child-serve') {
  const scale = Number(argv[1]);
  const dataDir = argv[2] ?? '';
  const task = mode === '--child-build' ? childBuild(scale, dataDir) : childServe(scale, dataDir);
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
