import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// A parser bug on one odd file: simulate it for one file name only.
vi.mock('../../src/ingest/parse-issue.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/ingest/parse-issue.js')>();
  return {
    ...real,
    parseIssue: (text: string, file: string, context: Parameters<typeof real.parseIssue>[2]) => {
      if (file === 'odd.txt') throw new Error('unexpected layout');
      return real.parseIssue(text, file, context);
    },
  };
});

const { loadIssues } = await import('../../src/ingest/load-issues.js');
const { createSilentLogger } = await import('../../src/logger.js');

describe('loadIssues', () => {
  it('skips a file the parser fails on, with a warning naming it, and loads the others', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parse-fail-'));
    writeFileSync(path.join(dir, 'good.txt'), '## 木垒县冬小麦长势喜人\n\n本报讯 记者张三报道：11月5日，木垒县冬小麦陆续出苗，长势喜人。\n');
    writeFileSync(path.join(dir, 'odd.txt'), '## 某个标题\n\n本报讯 记者李四报道：正文。\n');
    const paper = { name: '昌吉日报', timeZone: 'Asia/Shanghai', mastheadMarkers: [] };
    const { issues, warnings } = await loadIssues({ seedsDir: dir, manifest: {}, paper, logger: createSilentLogger() });
    expect(issues.map((i) => i.file)).toEqual(['good.txt']);
    expect(warnings.filter((w) => w.file === 'odd.txt')).toHaveLength(1);
    expect(warnings.find((w) => w.file === 'odd.txt')?.message).toContain('could not be parsed');
  });
});
