import type Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { ARCHIVE_SCHEMA, ARTICLE_HEAD_INDEX, HEADLINE_TERM_TABLES, MIGRATABLE_SCHEMA, RETIRED_ARTICLES_TABLE, writeMeta } from './archive-db.js';
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

/** What a migration step needs. */
interface StepContext {
  db: Database.Database;
  tokenizer: Tokenizer;
  onProgress?: (progress: MigrationProgress) => void;
}

/** One schema step: `version` is the schema it brings an archive up to. */
interface MigrationStep {
  version: number;
  what: string;
  run(context: StepContext): Promise<void>;
}

const STEPS: readonly MigrationStep[] = [
  {
    // The headline term counts, computed from the stored article heads with the tokenizer the archive was built with.
    version: 3,
    what: 'adding its headline words',
    async run({ db, tokenizer, onProgress }) {
      db.exec(HEADLINE_TERM_TABLES);
      const counts = createHeadlineTermCounts(db);
      const total = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
      const page = db.prepare('SELECT id, head FROM articles WHERE id > ? ORDER BY id LIMIT ?');
      let done = 0;
      for (let after = ''; ; ) {
        const rows = page.all(after, PAGE) as { id: string; head: string }[];
        counts.bump(
          rows.map((row) => titleTermsOf(JSON.parse(row.head) as ArticleHead, tokenizer)),
          1,
        );
        done += rows.length;
        onProgress?.({ done, total, file: 'headline words' });
        if (rows.length < PAGE) break;
        after = rows[rows.length - 1]!.id;
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  },
  {
    // Articles retired from now on are remembered; none were before.
    version: 4,
    what: 'adding the table that keeps links to moved issues working',
    async run({ db }) {
      db.exec(RETIRED_ARTICLES_TABLE);
    },
  },
  {
    // One pass over the articles (≈ 2 s at fifteen years): a question's head reads then skip the bodies.
    version: 5,
    what: 'indexing its article heads',
    async run({ db }) {
      db.exec(ARTICLE_HEAD_INDEX);
    },
  },
];

/**
 * Brings an archive of schema MIGRATABLE_SCHEMA or later up to ARCHIVE_SCHEMA in place, in one
 * transaction, step by step (see STEPS), and rewrites its config fingerprint for the new schema.
 * The issue files are not read again: at fifteen years the costliest step (3: jieba over ≈ 250k
 * headlines) takes seconds where a rebuild of every passage takes a quarter of an hour. An
 * interruption rolls it back, and the next start migrates again.
 */
export async function migrateArchive(
  db: Database.Database,
  options: { file: string; from: number; tokenizer: Tokenizer; fingerprint: string; log: Logger; onProgress?: (progress: MigrationProgress) => void },
): Promise<void> {
  const { file, log, from } = options;
  const steps = STEPS.filter((s) => s.version > from && s.version <= ARCHIVE_SCHEMA);
  if (from < MIGRATABLE_SCHEMA || steps.at(-1)?.version !== ARCHIVE_SCHEMA) throw new StoreError(`The archive ${file} (schema ${from}) cannot be migrated in place; delete it (rm "${file}") to rebuild it from the issue files in SEEDS_DIR.`, file);
  log.warn({ file, from, to: ARCHIVE_SCHEMA }, `the archive was written in an older format: ${steps.map((s) => s.what).join(', ')} (once, the issue files are not read again)`);
  const started = performance.now();
  db.exec('BEGIN');
  try {
    for (const step of steps) await step.run({ db, tokenizer: options.tokenizer, onProgress: options.onProgress });
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
  log.info({ file, from, to: ARCHIVE_SCHEMA, seconds: Math.round((performance.now() - started) / 100) / 10 }, 'archive migrated');
}
