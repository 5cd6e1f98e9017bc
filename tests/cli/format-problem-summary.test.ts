import { describe, expect, it } from 'vitest';
import { formatProblemSummary } from '../../src/cli/format-problem-summary.js';
import type { IngestProblem } from '../../src/open-archive.js';

describe('formatProblemSummary', () => {
  it('sums the files left out up by kind, with what to do, then names each', () => {
    const problems: IngestProblem[] = [
      { file: 'a.txt', kind: 'empty', message: 'a.txt is empty (0 bytes); nothing to ingest.' },
      { file: 'big.txt', kind: 'refused', message: 'big.txt is 50.0 MB, far larger than one issue; refused.' },
      { file: 'b.txt', kind: 'empty', message: 'b.txt holds only whitespace.' },
    ];
    const lines = formatProblemSummary(problems).trimEnd().split('\n');
    expect(lines).toEqual([
      '3 file(s) not in the archive:',
      expect.stringMatching(/^ {2}empty: 2 \(.*remove it/u),
      '    a.txt is empty (0 bytes); nothing to ingest.',
      '    b.txt holds only whitespace.',
      expect.stringMatching(/^ {2}refused: 1 \(.*split it/u),
      '    big.txt is 50.0 MB, far larger than one issue; refused.',
    ]);
  });

  it('names a few files of a kind and counts the rest, so thousands of files stay readable', () => {
    const problems: IngestProblem[] = Array.from({ length: 2000 }, (_, i) => ({ file: `${i}.txt`, kind: 'empty' as const, message: `${i}.txt is empty` }));
    const text = formatProblemSummary(problems, 20);
    expect(text).toContain('  empty: 2000');
    expect(text).toContain('… and 1980 more');
    expect(text.split('\n').length).toBeLessThan(30);
  });

  it('says nothing when nothing was left out', () => {
    expect(formatProblemSummary([])).toBe('');
  });
});
