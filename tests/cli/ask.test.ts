import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatAnswer } from '../../src/cli/ask.js';
import { runCli, type CliRun } from '../support/run-cli.js';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ask-cli-test-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * Runs the ask command as a user would; logs at info so that any log on stdout would break the JSON.
 */
function ask(args: string[], input?: string, logLevel: string | null = 'info'): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: logLevel ?? undefined, DATA_DIR: dataDir, SEEDS_DIR: 'seeds', CONFIG_DIR: 'config', BOT_TOKEN: '' };
  if (logLevel === null) delete env.LOG_LEVEL;
  return runCli(['src/cli/ask.ts', ...args], env, input ?? '');
}

interface JsonAnswer {
  query: string;
  outcome: string;
  filters: Record<string, unknown>;
  results: { articleId: string; title: string; paper: string; date: string; dateSource: string; issueNumber?: number; excerpt: string; score: number }[];
}

describe('ask --json', () => {
  it('prints one JSON object and nothing else on stdout', async () => {
    const { status, stdout, stderr } = await ask(['--json', '石门子水库位于哪条河的上游']);
    expect(status, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]!) as JsonAnswer;
    expect(answer.query).toBe('石门子水库位于哪条河的上游');
    expect(answer.filters).toEqual({});
    expect(['answer', 'related']).toContain(answer.outcome);
    expect(answer.results.length).toBeGreaterThan(0);
    const first = answer.results[0]!;
    expect(Object.keys(first)).toEqual(expect.arrayContaining(['articleId', 'title', 'paper', 'date', 'dateSource', 'excerpt', 'score']));
    expect(first.paper).toBe('昌吉日报');
    expect(first.excerpt).toContain('石门子水库');
    expect(first.excerpt).not.toMatch(/<[^>]+>|\*\*/);
    // The logs went to stderr.
    expect(stderr).toContain('archive');
  });

  it('reads questions from stdin, one per line, and prints one JSON object per line', async () => {
    const { status, stdout, stderr } = await ask(['--json'], '第12124期\n\n火星探测器明年何时发射\n');
    expect(status, stderr).toBe(0);
    const answers = stdout.trim().split('\n').map((l) => JSON.parse(l) as JsonAnswer);
    expect(answers.map((a) => a.query)).toEqual(['第12124期', '火星探测器明年何时发射']);
    expect(answers[0]!.filters).toEqual({ issueNumber: 12124 });
    expect(answers[0]!.results.length).toBeGreaterThan(0);
    expect(answers[0]!.results.every((r) => r.issueNumber === 12124)).toBe(true);
    expect(answers[1]!.results).toEqual([]);
    expect(answers[1]!.outcome).toBe('none');
  });
});

describe('ask', () => {
  it('prints readable results with the headline, the source and the excerpt', async () => {
    const { status, stdout } = await ask(['木垒县冬小麦长势怎么样']);
    expect(status).toBe(0);
    expect(stdout).toContain('问：木垒县冬小麦长势怎么样');
    expect(stdout).toContain('昌吉日报 2024-11-07');
    expect(stdout).toMatch(/【[^】]*冬小麦[^】]*】/u);
  });

  it('prints the answer alone, without log lines, when LOG_LEVEL is not set', async () => {
    const { status, stdout, stderr } = await ask(['木垒县冬小麦长势怎么样'], undefined, null);
    expect(status, stderr).toBe(0);
    expect(stdout.startsWith('问：木垒县冬小麦长势怎么样\n')).toBe(true);
    expect(stderr).toBe('');
  });
});

describe('ask with search syntax (the same pipeline as the bot)', () => {
  it('leaves out articles with an excluded word and keeps the quoted phrase', async () => {
    const plain = await ask(['--json', '冬小麦']);
    const plainAnswer = JSON.parse(plain.stdout.trim()) as JsonAnswer;
    expect(plainAnswer.results.some((r) => r.title.includes('木垒'))).toBe(true);

    const { status, stdout, stderr } = await ask(['--json', '"冬小麦" -木垒']);
    expect(status, stderr).toBe(0);
    const answer = JSON.parse(stdout.trim()) as JsonAnswer;
    expect(answer.results.length).toBeGreaterThan(0);
    for (const r of answer.results) expect(`${r.title}${r.excerpt}`).not.toContain('木垒');
  });

  it('answers a question of only exclusions with a hint and exit code 2, not with results', async () => {
    const { status, stdout } = await ask(['--json', '-小麦']);
    expect(status).toBe(2);
    const answer = JSON.parse(stdout.trim()) as { outcome: string; problem: string; hint: string; results: unknown[] };
    expect(answer).toMatchObject({ outcome: 'none', problem: 'only-exclusions', results: [] });
    expect(answer.hint).toContain('-广告');
  });

  it('searches a question whose quote mark is left open, as a web search does', async () => {
    const { status, stdout } = await ask(['--json', '他说“石门子水库']);
    expect(status).toBe(0);
    const answer = JSON.parse(stdout.trim()) as { results: { title: string }[] };
    expect(answer.results.length).toBeGreaterThan(0);
  });
});

describe('ask refuses what it cannot use', () => {
  it('an unknown option, an empty question and an empty stdin each get the usage and exit code 2', async () => {
    for (const run of [await ask(['--bogus', '石门子水库']), await ask(['']), await ask([], '')]) {
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('usage: npm run -s ask');
    }
  });

  it('says in text mode whether the first excerpt answers or the reports are only related', async () => {
    const { status, stdout } = await ask(['木垒县冬小麦长势怎么样']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/结果：(找到答案|报纸上有)/u);
  });
});

describe('formatAnswer', () => {
  const result = { articleId: 'a1', issueId: 'i1', passageId: 'a1#0', title: '石门子水库', paper: '昌吉日报', date: '2024-11-05', dateSource: 'masthead' as const, excerpt: '石门子水库坝高110米，实践站127个。', highlights: ['石门子水库', '27个'], score: 1 };

  it('gives a related outcome in the bot’s words, then the reports', () => {
    const text = formatAnswer({ query: '石门子水库的电话是多少', filters: {}, outcome: 'related', results: [result], asks: { kind: 'quantity', attribute: ['电话'], fact: '电话' } });
    expect(text).toContain('结果：报纸上有关于「石门子水库」的报道，但没有一篇写明「电话」是多少。以下是这些报道：');
    expect(text).toContain('1. 石门子水库');
  });

  it('gives a none outcome with what to try', () => {
    const text = formatAnswer({ query: '做', filters: {}, outcome: 'none', results: [] });
    expect(text).toContain('结果：抱歉，资料库里没有找到与这个问题相关的报道。可以换个说法');
  });

  it('brackets highlights as the bot bolds them, never a figure inside a longer one', () => {
    const text = formatAnswer({ query: '石门子水库', filters: {}, outcome: 'answer', results: [result] });
    expect(text).toContain('【石门子水库】坝高110米，实践站127个。');
  });
});
