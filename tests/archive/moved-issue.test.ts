import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openArchiveStore, type ArchiveStore } from '../../src/archive/open-archive-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { testProfile } from '../support/test-profile.js';

const SEED = readdirSync('seeds').find((f) => f.startsWith('004'))!;
const FLAT = '2023-03-24.txt';
const TREE = path.join('2023', '03', '24.txt');

let root: string;
let seedsDir: string;
let store: ArchiveStore;

beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'moved-issue-'));
  seedsDir = path.join(root, 'seeds');
  mkdirSync(path.join(seedsDir, '2023', '03'), { recursive: true });
  mkdirSync(path.join(root, 'data'));
  copyFileSync(path.join('seeds', SEED), path.join(seedsDir, FLAT));
  store = await openArchiveStore({ seedsDir, profile: testProfile, dataDir: path.join(root, 'data'), paper: testProfile.paper, logger: createSilentLogger() });
});

afterEach(() => {
  store.close();
  rmSync(root, { recursive: true, force: true });
});

/** Every article id of the archive with its headline. */
const articles = () => store.archive.issues().flatMap((i) => i.articles.map((a) => ({ id: a.id, title: a.title })));

/** Each old id opens the article of the same headline under a new id. */
function expectLinksResolve(before: { id: string; title: string }[]): void {
  expect(before.length).toBeGreaterThan(0);
  for (const { id, title } of before) {
    const ref = store.archive.article(id);
    expect(ref?.article.title, id).toBe(title);
    expect(ref?.article.id).not.toBe(id);
  }
}

describe('an issue file moved or renamed (QA O4)', () => {
  it('keeps links to its articles working after a sync', async () => {
    const before = articles();
    renameSync(path.join(seedsDir, FLAT), path.join(seedsDir, TREE));
    expect(await store.sync()).toMatchObject({ added: 1, removed: 1 });
    expect(store.archive.issues()).toHaveLength(1);
    expectLinksResolve(before);
  });

  it('keeps them working when the watcher sees the new name before the old one goes', async () => {
    const before = articles();
    copyFileSync(path.join(seedsDir, FLAT), path.join(seedsDir, TREE));
    expect((await store.ingestFile(path.join(seedsDir, TREE)))?.kind).toBe('duplicate');
    unlinkSync(path.join(seedsDir, FLAT));
    await store.removeFile(path.join(seedsDir, FLAT));
    expect(store.archive.issues().map((i) => i.file)).toEqual(['2023/03/24.txt']);
    expectLinksResolve(before);
  });

  it('keeps them working when the watcher sees the old name go first', async () => {
    const before = articles();
    renameSync(path.join(seedsDir, FLAT), path.join(seedsDir, TREE));
    await store.removeFile(path.join(seedsDir, FLAT));
    expect(store.archive.issues()).toHaveLength(0);
    expect(store.archive.article(before[0]!.id)).toBeUndefined();
    await store.ingestFile(path.join(seedsDir, TREE));
    expectLinksResolve(before);
  });

  it('keeps the links of a deleted issue dead', async () => {
    const before = articles();
    unlinkSync(path.join(seedsDir, FLAT));
    await store.sync();
    expect(store.archive.article(before[0]!.id)).toBeUndefined();
  });
});
