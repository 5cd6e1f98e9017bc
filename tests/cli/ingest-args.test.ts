import { describe, expect, it } from 'vitest';
import { parseIngestArgs } from '../../src/cli/ingest-args.js';

describe('parseIngestArgs', () => {
  it('reads the options', () => {
    expect(parseIngestArgs([])).toEqual({ kind: 'run', json: false, summaryOnly: false });
    expect(parseIngestArgs(['--json'])).toEqual({ kind: 'run', json: true, summaryOnly: false });
    expect(parseIngestArgs(['--summary'])).toEqual({ kind: 'run', json: false, summaryOnly: true });
    expect(parseIngestArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('refuses what it does not know instead of ignoring it', () => {
    expect(parseIngestArgs(['--bogus'])).toEqual({ kind: 'problem', message: 'unknown option --bogus.' });
    expect(parseIngestArgs(['--json', '--summary'])).toMatchObject({ kind: 'problem' });
  });

  it('refuses a folder argument and says how to ingest another folder (the archive mirrors SEEDS_DIR)', () => {
    expect(parseIngestArgs(['/archive/tree'])).toMatchObject({ kind: 'problem', message: expect.stringContaining('SEEDS_DIR=/archive/tree npm run ingest') });
  });
});
