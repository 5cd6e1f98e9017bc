import type { SyncProgress } from '../open-archive.js';

/** Where the bar is drawn: a TTY stream (stderr). */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** "42s", "3m07s", "1h05m": an ETA in the fewest words. */
export function formatEta(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  if (s >= 60) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${s}s`;
}

/**
 * A one-line progress bar with an ETA, drawn on a TTY only (a pipe or a log file gets nothing), and
 * only once the work has taken more than a moment: a quick start stays quiet. The ETA is measured
 * from the files read in this run, so a resumed ingest (files already written are skipped quickly)
 * settles after a few files.
 */
export function createProgressBar(stream: ProgressStream, options: { delayMs?: number; now?: () => number } = {}) {
  const now = options.now ?? Date.now;
  const delayMs = options.delayMs ?? 300;
  const started = now();
  let shown = false;
  return {
    update({ done, total, file }: SyncProgress) {
      if (stream.isTTY !== true || now() - started < delayMs) return;
      shown = true;
      const width = 24;
      const filled = total === 0 ? width : Math.min(width, Math.round((done / total) * width));
      const elapsed = (now() - started) / 1000;
      const eta = done > 0 ? (elapsed / done) * (total - done) : 0;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ETA ${formatEta(eta)} ${file.slice(-40)}\x1b[K`);
    },
    /** Clears the bar's line (before the report, or a message). */
    finish() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
