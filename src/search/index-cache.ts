import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Article, Issue, Passage } from '../archive/model.js';
import { IndexError } from '../errors.js';
import type { SerializedPassageIndex } from './passage-index.js';

/**
 * Bump when anything changes how the index is built or stored (fields, tokenisation, term encoding,
 * file layout): a cache written by another format is rebuilt, never trusted.
 */
export const INDEX_FORMAT = 4;

const META = 'meta.json';
const BODY = 'minisearch.json';

interface CacheMeta {
  format: number;
  fingerprint: string;
  createdAt: string;
  /** Length of minisearch.json, to catch a truncated write before parsing it. */
  bodyLength: number;
  keys: string[];
  nextKey: number;
  stats: SerializedPassageIndex['stats'];
}

/**
 * A hash of everything the index depends on: the format, the config that shapes tokenisation
 * (stopwords, user dictionary) and every indexed text (passages, headlines, kickers) with its ids.
 */
export function fingerprintOf(input: { issues: readonly Issue[]; passagesOf: (article: Article) => Passage[]; config: readonly string[] }): string {
  const h = createHash('sha256');
  h.update(`format ${INDEX_FORMAT}\n`);
  for (const c of input.config) h.update(`config ${c.length}\n${c}\n`);
  for (const issue of input.issues) {
    h.update(`issue ${issue.id}\n`);
    for (const a of issue.articles) {
      h.update(`article ${a.id}\u0001${a.kicker ?? ''}\u0001${a.title}\u0001${a.titleDerived}\u0001${a.subtitle ?? ''}\n`);
      for (const p of input.passagesOf(a)) h.update(`${p.id}\u0001${p.text}\n`);
    }
  }
  return h.digest('hex');
}

/** The directory holding the cache under DATA_DIR. */
export function cacheDirOf(dataDir: string): string {
  return path.join(dataDir, 'search-index');
}

/**
 * Writes the index atomically: both files go to temporary names first and the meta file, written
 * last, is what makes the cache valid; a crash mid-write leaves the old cache or none.
 */
export function saveIndexCache(dataDir: string, fingerprint: string, index: SerializedPassageIndex): { bytes: number } {
  const dir = cacheDirOf(dataDir);
  try {
    mkdirSync(dir, { recursive: true });
    const meta: CacheMeta = {
      format: INDEX_FORMAT,
      fingerprint,
      createdAt: new Date().toISOString(),
      bodyLength: index.minisearch.length,
      keys: index.keys,
      nextKey: index.nextKey,
      stats: index.stats,
    };
    const metaText = JSON.stringify(meta);
    rmSync(path.join(dir, META), { force: true });
    writeFileSync(path.join(dir, `${BODY}.tmp`), index.minisearch);
    renameSync(path.join(dir, `${BODY}.tmp`), path.join(dir, BODY));
    writeFileSync(path.join(dir, `${META}.tmp`), metaText);
    renameSync(path.join(dir, `${META}.tmp`), path.join(dir, META));
    return { bytes: index.minisearch.length + metaText.length };
  } catch (cause) {
    throw new IndexError(`Cannot write the search index cache in ${dir}: ${(cause as Error).message}. Check that DATA_DIR is writable.`, dir, { cause });
  }
}

export type CacheLookup =
  | { status: 'hit'; index: SerializedPassageIndex }
  | { status: 'missing' }
  | { status: 'stale'; reason: string };

/**
 * Reads the cache if it was built from exactly this archive and config. A cache that cannot be
 * read or parsed throws an IndexError (the caller rebuilds and says so); an outdated one is `stale`.
 */
export function loadIndexCache(dataDir: string, fingerprint: string): CacheLookup {
  const dir = cacheDirOf(dataDir);
  let metaText: string;
  try {
    metaText = readFileSync(path.join(dir, META), 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw new IndexError(`Cannot read the search index cache ${path.join(dir, META)}: ${(cause as Error).message}.`, dir, { cause });
  }
  let meta: CacheMeta;
  try {
    meta = JSON.parse(metaText) as CacheMeta;
  } catch (cause) {
    throw new IndexError(`The search index cache ${path.join(dir, META)} is corrupt (${(cause as Error).message}).`, dir, { cause });
  }
  if (typeof meta !== 'object' || meta === null || meta.format !== INDEX_FORMAT) {
    return { status: 'stale', reason: `format ${String((meta as Partial<CacheMeta> | null)?.format)} ≠ ${INDEX_FORMAT}` };
  }
  if (meta.fingerprint !== fingerprint) return { status: 'stale', reason: 'the archive or the search config changed' };
  if (!Array.isArray(meta.keys) || typeof meta.nextKey !== 'number' || typeof meta.stats !== 'object' || meta.stats === null) {
    throw new IndexError(`The search index cache ${path.join(dir, META)} is corrupt (missing fields).`, dir);
  }
  let body: string;
  try {
    body = readFileSync(path.join(dir, BODY), 'utf8');
  } catch (cause) {
    throw new IndexError(`Cannot read the search index cache ${path.join(dir, BODY)}: ${(cause as Error).message}.`, dir, { cause });
  }
  if (body.length !== meta.bodyLength) {
    throw new IndexError(`The search index cache ${path.join(dir, BODY)} is truncated (${body.length} of ${meta.bodyLength} characters).`, dir);
  }
  return { status: 'hit', index: { keys: meta.keys, nextKey: meta.nextKey, stats: meta.stats, minisearch: body } };
}
