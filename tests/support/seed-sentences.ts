import { readdirSync, readFileSync } from 'node:fs';
import { splitSentences } from '../../src/text/split-sentences.js';

/**
 * Sentences of the repository's seed issues (seeds/): real newspaper text with its figures, names,
 * dates and quotations, for property tests of what readers are shown. Lines shorter than 40
 * characters (mastheads, headlines) and markdown headings are left out.
 */
export function seedSentences(): string[] {
  const dir = new URL('../../seeds/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n'))
    .filter((line) => line.length >= 40 && !line.startsWith('#'))
    .flatMap((line) => splitSentences(line.trim()));
}
