import { createHash } from 'node:crypto';
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { IngestError } from '../errors.js';

/**
 * A real issue is ≈ 40k characters (≈ 120 KB) in 30–60 articles. Files far outside that shape (a
 * whole year pasted into one file, a log, a dump) are refused with a warning naming them, before
 * they are parsed: one of them must not stall the bot or become "the newest issue".
 */
export const MAX_ISSUE_BYTES = 2 * 1024 * 1024;
export const MAX_ISSUE_ARTICLES = 400;

/** An issue file found under SEEDS_DIR: its path relative to it (with `/`), size and modification time. */
export interface IssueFileEntry {
  /** Relative path with forward slashes: the file's identity in the archive. */
  rel: string;
  abs: string;
  size: number;
  mtimeMs: number;
}

/** Where to list: a sub-folder of SEEDS_DIR only (the watcher re-reads one issue's folder, not fifteen years), and whether to go deeper. */
export interface ListIssueFilesOptions {
  /** Relative path of the folder to list (default: SEEDS_DIR itself); a folder that is gone lists nothing. */
  under?: string;
  /** Sub-folders too (default true). */
  recursive?: boolean;
  /** Told of each linked folder skipped because it loops back into the archive (or to a folder already listed), with the link's relative path and target. */
  onSkippedLink?: (rel: string, target: string) => void;
  /** Told of each symbolic link whose target does not exist (a moved or unmounted folder, a deleted file), with what it points to. */
  onDanglingLink?: (rel: string, target: string) => void;
}

/** Every `*.txt` file under `dir`, at any depth (archives are kept as year/month/day trees), sorted by path; dotfiles skipped. */
export async function listIssueFiles(dir: string, options: ListIssueFilesOptions = {}): Promise<IssueFileEntry[]> {
  const out: IssueFileEntry[] = [];
  const recursive = options.recursive ?? true;
  const rootReal = await realpath(dir).catch(() => path.resolve(dir));
  // Each real folder is listed once: `loop -> .` or `2024/up -> ..` would otherwise multiply the walk (2 links: 2^depth paths).
  const visited = new Set<string>([rootReal]);
  const inside = (real: string) => real === rootReal || real.startsWith(rootReal + path.sep);
  const walk = async (sub: string, depth = 0) => {
    // Archives are a few levels deep (year/month/day); a deeper chain of links to outside folders is cut here.
    if (depth > 12) return;
    const entries = await readdir(path.join(dir, sub), { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const rel = sub === '' ? e.name : `${sub}/${e.name}`;
      // A symbolic link counts as what it points to (archives are often assembled from links).
      const s = e.isSymbolicLink() ? await stat(path.join(dir, rel)).catch(() => undefined) : undefined;
      if (e.isSymbolicLink() && s === undefined) {
        options.onDanglingLink?.(rel, await readlink(path.join(dir, rel)).catch(() => '?'));
        continue;
      }
      if (e.isDirectory() || s?.isDirectory()) {
        if (!recursive) continue;
        const real = await realpath(path.join(dir, rel)).catch(() => path.join(rootReal, rel));
        // A link into SEEDS_DIR itself lists files already listed by their real path; a folder seen before is a loop.
        if (visited.has(real) || (s !== undefined && inside(real))) {
          options.onSkippedLink?.(rel, real);
          continue;
        }
        visited.add(real);
        await walk(rel, depth + 1);
      } else if ((e.isFile() || s?.isFile()) && e.name.toLowerCase().endsWith('.txt')) {
        // A file deleted while the folder is listed (the watcher, an editor) is simply not there.
        const info = s ?? (await stat(path.join(dir, rel)).catch(() => undefined));
        if (info !== undefined) out.push({ rel, abs: path.join(dir, rel), size: info.size, mtimeMs: info.mtimeMs });
      }
    }
  };
  const under = options.under ?? '';
  try {
    await walk(under);
  } catch (cause) {
    if (under !== '' && (cause as { code?: string }).code === 'ENOENT') return [];
    throw new IngestError(`Cannot list the issue folder ${dir}: ${(cause as Error).message}. Set SEEDS_DIR to the folder of issue files.`, dir, { cause });
  }
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The hash that decides whether a file changed: its bytes and the manifest entry an editor wrote for it. */
export function contentHash(bytes: Uint8Array, manifestEntry: unknown): string {
  return createHash('sha256').update(bytes).update(`\u0000${JSON.stringify(manifestEntry ?? null)}`).digest('hex');
}

/** A stand-in hash for a file refused by size, so it is not read again until it changes. */
export function sizeHash(entry: IssueFileEntry): string {
  return `size:${entry.size}:${Math.round(entry.mtimeMs)}`;
}
