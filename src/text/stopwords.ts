import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { normalizeForMatch } from './normalize-for-match.js';

/**
 * Parses a stopword list: one word a line, `#` starts a comment line, blank lines ignored.
 * Words are normalised the same way as the text they are compared with.
 */
export function parseStopwords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    words.add(normalizeForMatch(line));
  }
  return words;
}

/** Loads `stopwords.txt` from the config directory. */
export function loadStopwords(configDir: string): Set<string> {
  const file = path.join(configDir, 'stopwords.txt');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(
      `Cannot read the stopword list ${file}: ${(cause as Error).message}. Set CONFIG_DIR to the folder holding stopwords.txt.`,
      'CONFIG_DIR',
      { cause },
    );
  }
  return parseStopwords(text);
}
