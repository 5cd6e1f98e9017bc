import { describe, expect, it } from 'vitest';
import { parseIngestArgs } from '../../src/cli/ingest-args.js';

describe('parseIngestArgs', () => {
  it('reads the options and one folder', () => {
    expect(parseIngestArgs([])).toEqual({ kind: 'run', json: false, summaryOnly: false });
    expect(parseIngestArgs(['--json', '/archive/tree'])).toEqual({ kind: 'run', json: true, summaryOnly: false, seedsDir: '/archive/tree' });
    expect(parseIngestArgs(['--summary'])).toEqual({ kind: 'run', json: false, summaryOnly: true });
    expect(parseIngestArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('refuses what it does not know instead of ignoring it', () => {
    expect(parseIngestArgs(['--bogus'])).toEqual({ kind: 'problem', message: 'unknown option --bogus.' });
    expect(parseIngestArgs(['a', 'b'])).toEqual({ kind: 'problem', message: 'one folder at a time, not 2 (a, b).' });
    expect(parseIngestArgs(['--json', '--summary'])).toMatchObject({ kind: 'problem' });
  });
});
