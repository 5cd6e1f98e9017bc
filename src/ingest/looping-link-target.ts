import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The real folder a watched path stands for, when that path is a folder reached through a symbolic link that loops back
 * into SEEDS_DIR (`loop -> .`, `2024/up -> ..`) or onto one of its own parent folders; undefined for any other path.
 * Such a folder is already watched by its real path, and following it again multiplies the watch without end.
 * A link to a folder outside SEEDS_DIR (an archive assembled from links) is not looping and stays followed.
 */
export function loopingLinkTarget(root: string, rootReal: string, file: string): string | undefined {
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..')) return undefined;
  let real: string;
  try {
    real = realpathSync.native(file);
    if (real === path.join(rootReal, rel) || !statSync(real).isDirectory()) return undefined;
  } catch {
    // Gone or dangling: nothing to follow.
    return undefined;
  }
  if (real === rootReal || real.startsWith(rootReal + path.sep)) return real;
  for (let up = path.dirname(file); up.length >= root.length && up !== path.dirname(up); up = path.dirname(up)) {
    try {
      if (realpathSync.native(up) === real) return real;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
