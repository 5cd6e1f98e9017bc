import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { parseStopwords } from '../text/stopwords.js';

/**
 * Loads `publication-cues.txt` from the config directory: the words (报纸, 报道, 那期, 见报 …) that
 * make a year or month in a question a filter on publication dates rather than part of what is
 * asked. Same format as the stopword list; the words are normalised for matching.
 *
 * @example understandQuery(q, { today, publicationCues: loadPublicationCues(config.configDir) })
 */
export function loadPublicationCues(configDir: string): string[] {
  const file = path.join(configDir, 'publication-cues.txt');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(
      `Cannot read the publication cue list ${file}: ${(cause as Error).message}. Set CONFIG_DIR to the folder holding publication-cues.txt.`,
      'CONFIG_DIR',
      { cause },
    );
  }
  return [...parseStopwords(text)];
}
