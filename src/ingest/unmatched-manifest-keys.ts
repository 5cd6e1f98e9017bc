import path from 'node:path';
import type { IssueFileGroup } from './group-issue-files.js';
import type { Manifest } from './manifest.js';

/**
 * The manifest keys that name no issue file under SEEDS_DIR: not an issue's pattern (`2024/11/07/*`),
 * not a file's path, not the bare name of a file that is a whole issue (see manifestEntryOf). A typo
 * in the one place editors fix dates must not be silently ignored.
 *
 * @example unmatchedManifestKeys({ 'nonexistent.txt': { date: '2020-01-01' } }, groups) // ['nonexistent.txt']
 */
export function unmatchedManifestKeys(manifest: Manifest, groups: readonly IssueFileGroup[]): string[] {
  const keys = Object.keys(manifest);
  if (keys.length === 0) return [];
  const names = new Set<string>();
  for (const group of groups) {
    names.add(group.key);
    for (const f of group.files) names.add(f.rel);
    if (group.files.length === 1 && group.files[0]!.rel === group.key) names.add(path.posix.basename(group.key));
  }
  return keys.filter((key) => !names.has(key));
}
