/**
 * The issue manifest (`config/manifest.json`): facts an editor checked about issue files whose
 * masthead prints no date. Never guessed dates.
 */

/** What an editor recorded about one issue file. */
export interface ManifestEntry {
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  /** 总第N期, when known. */
  number?: number;
  note?: string;
}

/** Entries by file name (basename in the seeds folder). */
export type Manifest = Record<string, ManifestEntry>;
