import { describe, expect, it } from 'vitest';
import { createProgressBar, formatEta } from '../../src/cli/progress-bar.js';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { isTTY, written, write: (text: string) => written.push(text) };
}

describe('createProgressBar', () => {
  it('draws the bar with done/total and an ETA from the pace so far, on a TTY', () => {
    let t = 0;
    const stream = recorder(true);
    const bar = createProgressBar(stream, { now: () => t, delayMs: 300 });
    t = 10_000;
    bar.update({ done: 100, total: 400, file: '2024/11/07/*' });
    // 100 files in 10 s: 300 left take 30 s.
    expect(stream.written.at(-1)).toMatch(/^\r\[######\.{18}\] 100\/400 ETA 30s 2024\/11\/07\/\*/u);
    bar.finish();
    expect(stream.written.at(-1)).toBe('\r\x1b[K');
  });

  it('stays quiet on a pipe, and for work done within a moment', () => {
    let t = 0;
    const pipe = recorder(false);
    const quick = recorder(true);
    const onPipe = createProgressBar(pipe, { now: () => t });
    const onTty = createProgressBar(quick, { now: () => t });
    t = 100;
    onTty.update({ done: 1, total: 2, file: 'a.txt' });
    t = 5_000;
    onPipe.update({ done: 1, total: 2, file: 'a.txt' });
    onPipe.finish();
    onTty.finish();
    expect(pipe.written).toEqual([]);
    expect(quick.written).toEqual([]);
  });
});

describe('formatEta', () => {
  it('says seconds, minutes or hours', () => {
    expect(formatEta(42.4)).toBe('42s');
    expect(formatEta(187)).toBe('3m07s');
    expect(formatEta(3900)).toBe('1h05m');
  });
});
