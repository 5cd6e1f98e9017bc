import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchIssues, type IssueWatcher } from '../../src/ingest/watch-issues.js';
import { createSilentLogger } from '../../src/logger.js';

let dir: string;
let watcher: IssueWatcher | undefined;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'watch-issues-'));
});
afterEach(async () => {
  await watcher?.close();
  watcher = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the first event for which `accept` is true (the test times out otherwise). */
function collector() {
  const seen: { file: string; event: string }[] = [];
  const waiters: { accept: (f: string) => boolean; resolve: () => void }[] = [];
  const onFile = (file: string, event: 'add' | 'change') => {
    seen.push({ file: path.basename(file), event });
    for (const w of waiters.filter((x) => x.accept(path.basename(file)))) w.resolve();
  };
  const until = (accept: (f: string) => boolean) =>
    seen.some((s) => accept(s.file)) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ accept, resolve }));
  return { seen, onFile, until };
}

describe('watchIssues', () => {
  it('by default waits out a short stall in a copy: the issue is read once, whole; `~` temp names are not issues', async () => {
    const c = collector();
    const texts: string[] = [];
    watcher = await watchIssues({ seedsDir: dir, onFile: (file, event) => (texts.push(readFileSync(file, 'utf8')), c.onFile(file, event)), logger: createSilentLogger() });
    const file = path.join(dir, 'slow.txt');
    writeFileSync(path.join(dir, '~slow.txt'), '临时文件');
    writeFileSync(file, '第一部分');
    // A copy that pauses for longer than chokidar's old 500 ms window, well within the default.
    await new Promise((resolve) => setTimeout(resolve, 900));
    appendFileSync(file, '第二部分');
    await c.until((f) => f === 'slow.txt');
    expect(texts).toEqual(['第一部分第二部分']);
    expect(c.seen).toEqual([{ file: 'slow.txt', event: 'add' }]);
  });

  it('does not follow folder links that loop back into the tree, and reports a new file once by its real path', async () => {
    mkdirSync(path.join(dir, '2024', '11'), { recursive: true });
    symlinkSync('.', path.join(dir, 'loop'));
    symlinkSync('..', path.join(dir, '2024', 'up'));
    const c = collector();
    const files: string[] = [];
    const lines: { level: number; link?: string }[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
    watcher = await watchIssues({ seedsDir: dir, onFile: (file, event) => (files.push(path.relative(dir, file)), c.onFile(file, event)), logger, stabilityMs: 100 });
    writeFileSync(path.join(dir, '2024', '11', '07.txt'), '新的一期');
    await c.until((f) => f === '07.txt');
    await watcher.close();
    watcher = undefined;
    expect(files).toEqual([path.join('2024', '11', '07.txt')]);
    // One warning per looping link, naming it.
    expect(lines.filter((l) => l.link !== undefined).map((l) => [l.level, l.link]).sort()).toEqual([[40, path.join('2024', 'up')], [40, 'loop']]);
  });

  it('reports a new issue file once it is fully written, and not files that were there at start', async () => {
    writeFileSync(path.join(dir, 'old.txt'), '旧的一期');
    const c = collector();
    watcher = await watchIssues({ seedsDir: dir, onFile: c.onFile, logger: createSilentLogger(), stabilityMs: 100 });
    writeFileSync(path.join(dir, 'notes.md'), 'not an issue');
    writeFileSync(path.join(dir, 'new.txt'), '新的一期');
    await c.until((f) => f === 'new.txt');
    expect(c.seen).toEqual([{ file: 'new.txt', event: 'add' }]);
  });

  it('keeps watching after a callback fails', async () => {
    const c = collector();
    let first = true;
    watcher = await watchIssues({
      seedsDir: dir,
      onFile: (file, event) => {
        c.onFile(file, event);
        if (first) {
          first = false;
          throw new Error('broken issue');
        }
      },
      logger: createSilentLogger(),
      stabilityMs: 100,
    });
    writeFileSync(path.join(dir, 'a.txt'), 'a');
    await c.until((f) => f === 'a.txt');
    writeFileSync(path.join(dir, 'b.txt'), 'b');
    await c.until((f) => f === 'b.txt');
    expect(c.seen.map((s) => s.file)).toEqual(['a.txt', 'b.txt']);
  });

  it('reports a deleted issue file', async () => {
    writeFileSync(path.join(dir, 'gone.txt'), '要删除的一期');
    const removed: string[] = [];
    let done: () => void = () => {};
    const seen = new Promise<void>((resolve) => (done = resolve));
    watcher = await watchIssues({
      seedsDir: dir,
      onFile: () => {},
      onRemove: (file) => {
        removed.push(path.basename(file));
        done();
      },
      logger: createSilentLogger(),
      stabilityMs: 100,
    });
    unlinkSync(path.join(dir, 'gone.txt'));
    await seen;
    expect(removed).toEqual(['gone.txt']);
  });
});
