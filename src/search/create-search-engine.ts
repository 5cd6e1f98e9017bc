import { buildPassages } from '../archive/build-passages.js';
import type { Issue } from '../archive/model.js';
import type { PaperConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { splitSentences } from '../text/split-sentences.js';
import { createSearchEngineCore, type SearchProfile } from './search-engine-core.js';
import type { SearchEngine } from './types.js';

/**
 * The archive's search engine: builds the index over every passage (or loads it from the cache
 * under `dataDir`, rebuilt when the archive, the config or the index format changed, or when the
 * cache is corrupt), and answers questions in Chinese.
 *
 * @example
 * const search = await createSearchEngine({ issues, paper: config.paper, profile: config.profile, dataDir: config.dataDir, logger });
 * search.search('木垒县冬小麦播种了多少亩').results[0]?.excerpt
 */
export async function createSearchEngine(options: {
  issues: Issue[];
  paper: PaperConfig;
  profile: SearchProfile;
  dataDir?: string;
  logger: Logger;
  /** The clock for relative dates (昨天); injected so tests control it. */
  now?: () => Date;
}): Promise<SearchEngine> {
  return createSearchEngineCore({ ...options, passagesOf: buildPassages, splitSentences });
}
