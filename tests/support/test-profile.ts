import { fileURLToPath } from 'node:url';
import { loadProfile } from '../../src/profile/load-profile.js';
import { createTokenizer, type Tokenizer } from '../../src/text/tokenizer.js';

/** The repository's own paper profile (config/), loaded as the bot loads it. */
export const testProfile = loadProfile(fileURLToPath(new URL('../../config/', import.meta.url)));

/** The tokenizer over the repository's profile. */
export function profileTokenizer(): Tokenizer {
  return createTokenizer(testProfile);
}
