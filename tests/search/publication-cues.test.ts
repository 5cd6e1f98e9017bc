import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { loadPublicationCues } from '../../src/search/publication-cues.js';

describe('loadPublicationCues', () => {
  it('reads the cue words from the config directory, without comments', () => {
    const cues = loadPublicationCues('config');
    expect(cues).toEqual(expect.arrayContaining(['报纸', '报道', '见报', '那期']));
    expect(cues.some((c) => c.startsWith('#'))).toBe(false);
  });

  it('fails with a ConfigError naming the file when it is missing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cues-'));
    expect(() => loadPublicationCues(dir)).toThrow(ConfigError);
    expect(() => loadPublicationCues(dir)).toThrow(/publication-cues\.txt/);
  });
});
