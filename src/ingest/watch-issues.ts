import { realpathSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Logger } from '../logger.js';
import { loopingLinkTarget } from './looping-link-target.js';

/**
 * How long a file must stay the same size before it is read (ms). A copy or upload that stalls for a moment (QA3 O5: a third of
 * a page, then the rest) must not be published half-written; 2 s still makes a new issue searchable within seconds.
 */
export const DEFAULT_STABILITY_MS = 2000;

export interface IssueWatcher {
  close(): Promise<void>;
}

export interface WatchIssuesOptions {
  seedsDir: string;
  /** Called with the absolute path of each *.txt file added or changed after the watch started. */
  onFile: (file: string, event: 'add' | 'change') => void | Promise<void>;
  /** Called with the absolute path of each *.txt file deleted while watching. */
  onRemove?: (file: string) => void | Promise<void>;
  logger: Logger;
  /** How long a file must stay the same size before it counts as written (default {@link DEFAULT_STABILITY_MS}). */
  stabilityMs?: number;
  /** Poll the directory instead of using OS events (network drives, some containers). */
  usePolling?: boolean;
}

/**
 * Watches the seeds directory (and its sub-folders) for new or changed issue files, so a file dropped in while the bot runs becomes
 * searchable without a restart. Files already there at start are not reported (the startup load has them).
 * `awaitWriteFinish` holds each event until the file stops growing: a half-copied issue is never parsed.
 * Callbacks run one at a time, in the order the files settled; a failing callback is logged and the watch goes on.
 */
export async function watchIssues(options: WatchIssuesOptions): Promise<IssueWatcher> {
  const log = options.logger.child({ module: 'watch-issues' });
  const dir = path.resolve(options.seedsDir);
  const stability = options.stabilityMs ?? DEFAULT_STABILITY_MS;
  const rootReal = realpathOr(dir);
  const warnedLinks = new Set<string>();
  // A folder link looping back into the tree (`loop -> .`) is skipped, with one warning: chokidar would follow it to its depth limit.
  const isLoop = (file: string): boolean => {
    const target = loopingLinkTarget(dir, rootReal, file);
    if (target === undefined) return false;
    const rel = path.relative(dir, file);
    if (!warnedLinks.has(rel)) {
      warnedLinks.add(rel);
      log.warn({ link: rel, target }, `${rel} -> ${target} points back into SEEDS_DIR (or to a folder above it); not watched. Remove the link if it is not needed.`);
    }
    return true;
  };
  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: true,
    // Archives are kept as trees (2024/11/07/01.txt): watch every level.
    depth: 12,
    usePolling: options.usePolling ?? false,
    interval: 200,
    awaitWriteFinish: { stabilityThreshold: stability, pollInterval: Math.max(20, Math.min(100, stability / 5)) },
    // chokidar 4 has no globs: keep directories (so the root is watched) and *.txt files; skip dotfiles and `~` names (editor and
    // copy temp files; `x.txt.part` / `.tmp` are not *.txt). Copy, then rename into place, is the safe way to add an issue.
    ignored: (file, stats) =>
      path.basename(file).startsWith('.') ||
      path.basename(file).startsWith('~') || (stats?.isFile() === true && !file.toLowerCase().endsWith('.txt')) || (stats?.isFile() !== true && isLoop(file)),
  });

  let chain = Promise.resolve();
  const handle = (event: 'add' | 'change') => (file: string) => {
    if (!file.toLowerCase().endsWith('.txt')) return;
    chain = chain.then(async () => {
      try {
        log.info({ file: path.basename(file), event }, 'issue file detected');
        await options.onFile(file, event);
      } catch (err) {
        log.warn({ err, file: path.basename(file) }, 'new issue file could not be loaded; it stays out of the archive until it changes again');
      }
    });
  };
  watcher.on('unlink', (file: string) => {
    if (!file.toLowerCase().endsWith('.txt') || options.onRemove === undefined) return;
    const onRemove = options.onRemove;
    chain = chain.then(async () => {
      try {
        log.info({ file: path.basename(file) }, 'issue file removed');
        await onRemove(file);
      } catch (err) {
        log.warn({ err, file: path.basename(file) }, 'removing a deleted issue failed');
      }
    });
  });
  watcher.on('add', handle('add'));
  watcher.on('change', handle('change'));
  watcher.on('error', (err) => log.error({ err, dir }, 'watching the seeds directory failed'));

  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  log.info({ dir }, 'watching for new issues');
  return {
    async close() {
      await watcher.close();
      await chain;
    },
  };
}

function realpathOr(dir: string): string {
  try {
    return realpathSync.native(dir);
  } catch {
    return dir;
  }
}
