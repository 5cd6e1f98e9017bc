import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_FILE, verifyArchiveDb } from '../../src/archive/archive-db.js';
import { openArchiveStore } from '../../src/archive/open-archive-store.js';
import { testProfile } from '../support/test-profile.js';
import { createSilentLogger } from '../../src/logger.js';

const paper = testProfile.paper;
const SEEDS = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const CHILD = path.resolve('tests/archive/support/ingest-child.ts');

let root: string;
let seedsDir: string;
let dataDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'archive-crash-'));
  seedsDir = path.join(root, 'seeds');
  dataDir = path.join(root, 'data');
  mkdirSync(seedsDir);
  mkdirSync(dataDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** `count` distinct issues made from the seeds: each copy gets its own number, date and a sentence of its own. */
function writeIssues(count: number, from = 0): void {
  for (let i = from; i < from + count; i++) {
    const seed = readFileSync(path.join('seeds', SEEDS[i % SEEDS.length]!), 'utf8');
    const text = seed.replace(/总第\d+期/u, `总第${20000 + i}期`).replace(/(\d{4})年(\d{1,2})月/u, `20${10 + (i % 15)}年$2月`);
    writeFileSync(path.join(seedsDir, `copy-${String(i).padStart(3, '0')}.txt`), `${text}\n\n## 第${i}号测试稿\n\n这是第${i}份测试稿件的正文，用来区分每一份副本的内容。\n`);
  }
}

/** Runs the ingest child and SIGKILLs it once it has written `after` files. Resolves with the progress it reported. */
function killMidIngest(after: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, seedsDir, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let done = 0;
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/progress (\d+)/g)) done = Number(m[1]);
      if (d.toString().includes('finished')) reject(new Error('the ingest finished before it could be killed'));
      if (done >= after) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve(done) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

function rawCounts(file: string): { issues: number; passages: number; fts: number; okFiles: number } {
  const db = new Database(file, { readonly: true });
  try {
    verifyArchiveDb(db, file);
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return { issues: n('SELECT count(*) AS n FROM issues'), passages: n('SELECT count(*) AS n FROM passages'), fts: n('SELECT count(*) AS n FROM fts_docsize'), okFiles: n("SELECT count(*) AS n FROM files WHERE status = 'ok'") };
  } finally {
    db.close();
  }
}

describe('ingest killed with SIGKILL', () => {
  it('leaves the previous consistent archive, and the next start finishes the job', { timeout: 120_000 }, async () => {
    writeIssues(3);
    const first = await openArchiveStore({ seedsDir, dataDir, profile: testProfile, paper, logger: createSilentLogger() });
    expect(first.archive.issues()).toHaveLength(3);
    first.close();

    writeIssues(40, 3);
    const progressed = await killMidIngest(8);
    expect(progressed).toBeGreaterThanOrEqual(8);
    const after = rawCounts(path.join(dataDir, ARCHIVE_FILE));
    // Whole files only: every issue has its file record, and the index holds exactly the passages.
    expect(after.issues).toBe(after.okFiles);
    expect(after.issues).toBeGreaterThanOrEqual(3);
    expect(after.issues).toBeLessThan(43);
    expect(after.fts).toBe(after.passages);

    const resumed = await openArchiveStore({ seedsDir, dataDir, profile: testProfile, paper, logger: createSilentLogger() });
    expect(resumed.archive.issues()).toHaveLength(43);
    expect(resumed.report.added).toBe(43 - after.issues);
    resumed.close();
  });

  it('during a first build keeps no half-built archive, and the next start resumes the build', { timeout: 120_000 }, async () => {
    writeIssues(30);
    await killMidIngest(6);
    expect(existsSync(path.join(dataDir, ARCHIVE_FILE))).toBe(false);
    const partial = rawCounts(path.join(dataDir, `${ARCHIVE_FILE}.next`));
    expect(partial.issues).toBe(partial.okFiles);

    const resumed = await openArchiveStore({ seedsDir, dataDir, profile: testProfile, paper, logger: createSilentLogger() });
    expect(resumed.archive.issues()).toHaveLength(30);
    // Resumed, not restarted: only the files the killed build had not written are read again.
    expect(resumed.report.added).toBe(30 - partial.issues);
    resumed.close();
    expect(existsSync(path.join(dataDir, `${ARCHIVE_FILE}.next`))).toBe(false);
  });
});
