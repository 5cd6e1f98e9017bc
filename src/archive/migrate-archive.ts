import type Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { ARCHIVE_SCHEMA, HEADLINE_TERM_TABLES, MIGRATABLE_SCHEMA, writeMeta } from './archive-db.js';
import { createHeadlineTermCounts } from './headline-term-counts.js';
import { titleTermsOf } from './index-terms.js';
import type { ArticleHead } from './model.js';

/** Articles read and counted per step (one page of heads; the event loop gets a turn in between). */
const PAGE = 2000;

export interface MigrationProgress {
  done: number;
  total: number;
  file: string;
}

/**
 * Brings an archive of MIGRATABLE_SCHEMA (2) up to ARCHIVE_SCHEMA (3) in place, in one transaction:
 * the headline term counts (title_word_df, title_bigram_df) are computed from the stored article
 * heads, cut with the tokenizer the archive was built with, and the config fingerprint is rewritten
 * for the new schema. Nothing else changes, so the issue files are not read again: at fifteen years
 * this is jieba over ≈ 250k headlines instead of a rebuild of every passage. An interruption rolls it
 * back, and the next start migrates again.
 */
export async function migrateArchive(
  db: Database.Database,
  options: { file: string; tokenizer: Tokenizer; fingerprint: string; log: Logger; onProgress?: (progress: MigrationProgress) => void },
): Promise<void> {
  const { file, log } = options;
  const total = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  log.warn({ file, from: MIGRATABLE_SCHEMA, to: ARCHIVE_SCHEMA, articles: total }, 'the archive was written in an older format: adding its headline words (once, the issue files are not read again)');
  const started = performance.now();
  const page = db.prepare('SELECT id, head FROM articles WHERE id > ? ORDER BY id LIMIT ?');
  db.exec('BEGIN');
  try {
    db.exec(HEADLINE_TERM_TABLES);
    const counts = createHeadlineTermCounts(db);
    let done = 0;
    for (let after = ''; ; ) {
      const rows = page.all(after, PAGE) as { id: string; head: string }[];
      counts.bump(
        rows.map((row) => titleTermsOf(JSON.parse(row.head) as ArticleHead, options.tokenizer)),
        1,
      );
      done += rows.length;
      options.onProgress?.({ done, total, file: 'headline words' });
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]!.id;
      await new Promise((resolve) => setImmediate(resolve));
    }
    writeMeta(db, 'config', options.fingerprint);
    db.pragma(`user_version = ${ARCHIVE_SCHEMA}`);
    db.exec('COMMIT');
  } catch (cause) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw new StoreError(
      `Migrating the archive ${file} to the current format failed (${(cause as Error).message}); it keeps its previous state. Free some space and start again, or delete it (rm "${file}") to rebuild it from the issue files in SEEDS_DIR.`,
      file,
      { cause },
    );
  }
  log.info({ file, articles: total, seconds: Math.round((performance.now() - started) / 100) / 10 }, 'archive migrated');
}
