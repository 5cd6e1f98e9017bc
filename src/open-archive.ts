import { openArchiveStore, type ArchiveStore, type OpenArchiveOptions } from './archive/open-archive-store.js';
import { createSearchEngineCore } from './search/search-engine-core.js';
import type { SearchEngine } from './search/types.js';
import { splitSentences } from './text/split-sentences.js';

export type { IngestProblem, OpenArchiveOptions, SyncProgress, SyncReport } from './archive/open-archive-store.js';

/** The archive, its search engine over the same store, and the ingest side that keeps both in step with SEEDS_DIR. */
export interface OpenedArchive extends ArchiveStore {
  search: SearchEngine;
}

/**
 * Opens the archive for every entry point (the bot, ask, ingest, digest, eval, bench) the same way:
 * the SQLite store under DATA_DIR (checked before it is trusted, synced with SEEDS_DIR, rebuilt once
 * when the config that shapes it changed; see openArchiveStore) and the search engine over it. Pass
 * the paper with the deployment's time zone (TZ override applied): ingest, search and the bot then
 * share one zone.
 *
 * @example
 * const { archive, search } = await openArchive({ seedsDir, profile: config.profile, dataDir, paper: { ...config.paper, timeZone: config.timeZone }, logger });
 */
export async function openArchive(options: OpenArchiveOptions): Promise<OpenedArchive> {
  const store = await openArchiveStore(options);
  const search = createSearchEngineCore({
    archive: store.archive,
    db: store.db,
    paper: options.paper,
    profile: options.profile,
    logger: options.logger,
    now: options.now,
    tokenizer: store.tokenizer,
    splitSentences,
  });
  return { ...store, search };
}
