import type { Archive } from '../archive/archive.js';
import type { Issue } from '../archive/model.js';
import { createMemoryArchiveStore } from '../archive/open-archive-store.js';
import type { PaperConfig } from '../config.js';
import type { PaperProfile } from '../profile/paper-profile.js';
import type { Logger } from '../logger.js';
import { splitSentences } from '../text/split-sentences.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { AnswerKind } from './analyze-question.js';
import type { RankWeights } from './passage-index.js';
import { createSearchEngineCore, type RelevanceOptions } from './search-engine-core.js';
import type { SearchEngine } from './types.js';

/**
 * A search engine over exactly these issues, in an in-memory archive store (the same tables, FTS5
 * index and ranking as the bot's): for tests, evaluations and tools that hold parsed issues. The bot
 * and the CLIs open the archive on disk with openArchive (src/open-archive.ts).
 *
 * @example
 * const search = await createSearchEngine({ issues, paper: config.paper, profile: config.profile, logger });
 * search.search('木垒县冬小麦播种了多少亩').results[0]?.excerpt
 */
export async function createSearchEngine(options: {
  issues: readonly Issue[];
  paper: PaperConfig;
  profile: PaperProfile;
  logger: Logger;
  /** The clock for relative dates (昨天); injected so tests control it. */
  now?: () => Date;
  tokenizer?: Tokenizer;
  weights?: Partial<RankWeights>;
  relevance?: Partial<RelevanceOptions>;
  /** Kinds that get a direct answer line (see SearchEngineCoreOptions.directKinds). */
  directKinds?: readonly AnswerKind[];
  /** Query expansion on or off (see SearchEngineCoreOptions.expansion); on by default. */
  expansion?: { synonyms: boolean; abbreviations: boolean };
}): Promise<SearchEngine & { archive: Archive }> {
  const store = createMemoryArchiveStore(options);
  const engine = createSearchEngineCore({ ...options, archive: store.archive, db: store.db, tokenizer: store.tokenizer, splitSentences });
  return Object.assign(engine, { archive: store.archive });
}
