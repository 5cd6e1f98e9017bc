import { PassThrough, Readable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { botCommands } from '../../src/telegram/commands.js';
import { chatInTerminal, renderHtmlForTerminal } from '../../src/telegram/terminal-chat.js';
import { makeFixtureArchive } from './support/archive-fixture.js';
import { createFakeSearchEngine } from './support/fake-search-engine.js';

async function chat(lines: string[], tty = false): Promise<string> {
  const archive = makeFixtureArchive();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  Object.assign(output, { isTTY: tty });
  await chatInTerminal(
    { timeZone: 'Asia/Shanghai', apiRoot: undefined },
    { archive, search: createFakeSearchEngine(archive), logger: pino({ level: 'silent' }), now: () => new Date('2024-11-12T04:00:00Z') },
    { input: Readable.from([lines.join('\n') + '\n']), output, commands: botCommands() },
  );
  return printed;
}

describe('chatInTerminal', () => {
  it('answers piped questions and commands in order, then returns at end of input', async () => {
    const out = await chat(['冬小麦', '/latest']);
    const answer = out.indexOf('关于「冬小麦」');
    const latest = out.indexOf('《昌吉日报》约2024年11月11日');
    expect(answer).toBeGreaterThan(-1);
    expect(latest).toBeGreaterThan(answer);
    expect(out).toContain('你：冬小麦');
  });

  it('shows buttons as numbered choices and presses one when its number is typed', async () => {
    const out = await chat(['/latest', '1']);
    expect(out).toContain('[1] 1. 天山天池景区冬季旅游升温');
    expect(out).toContain('天山天池景区推出冬季旅游线路');
  });

  it('tells a typed number with no such button apart from a question, and searches nothing for it', async () => {
    const out = await chat(['/latest', '99', '1']);
    const buttons = (out.match(/\[(\d+)\]/g) ?? []).length;
    expect(buttons).toBeGreaterThan(1);
    expect(out).toContain(`没有编号为 99 的按钮：请输入 1–`);
    expect(out).not.toContain('关于「99」');
    expect(out).not.toContain('第99期');
    // The buttons are still there to press.
    expect(out).toContain('天山天池景区推出冬季旅游线路');
  });

  it('edits in place when a navigation button is pressed', async () => {
    const out = await chat(['/latest', '2']);
    expect(out).toContain('[2] ◀ 上一期 11月8日');
    expect(out).toContain('更新了上一条消息');
    expect(out).toContain('《昌吉日报》2024年11月8日 星期五');
  });

  it('prints plain text without tags or entities when not a terminal', async () => {
    const out = await chat(['<b>A&B</b>']);
    expect(out).toContain('「<b>A&B</b>」');
    expect(out).not.toContain('&amp;');
    expect(out).not.toContain('\x1b[');
  });

  it('shows inline query results for @bot queries', async () => {
    const out = await chat(['@archive_terminal_bot 冬小麦']);
    expect(out).toContain('1. 木垒县冬小麦田间管理纪实');
  });
});

describe('renderHtmlForTerminal', () => {
  it('renders bold as ANSI bold on a terminal and strips it otherwise', () => {
    expect(renderHtmlForTerminal('<b>标题</b> &lt;x&gt;', true)).toBe('\x1b[1m标题\x1b[22m <x>');
    expect(renderHtmlForTerminal('<b>标题</b> &lt;x&gt;', false)).toBe('标题 <x>');
  });
  it('shows a link with its address', () => {
    expect(renderHtmlForTerminal('<a href="https://t.me/x">分享</a>', false)).toBe('分享 (https://t.me/x)');
  });
});

describe('chatInTerminal with a long script', () => {
  it('answers every line of a piped script (no flood protection for the one local reader)', async () => {
    const out = await chat(Array.from({ length: 12 }, () => '冬小麦'));
    expect(out.split('关于「冬小麦」').length - 1).toBe(12);
  });
});
