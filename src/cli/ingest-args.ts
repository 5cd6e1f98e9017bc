/** What `npm run ingest -- …` was asked to do. */
export type IngestArgs =
  | { kind: 'run'; json: boolean; summaryOnly: boolean }
  | { kind: 'help' }
  | { kind: 'problem'; message: string };

export const INGEST_USAGE = `usage: [SEEDS_DIR=/path/to/issues] npm run ingest [-- --json | --summary]
  brings DATA_DIR/archive.sqlite in line with SEEDS_DIR (default seeds/; a tree such as 2024/11/07/01.txt is fine):
  the archive mirrors that folder, so issues whose files are not in it are removed
  --json      print the archive as one JSON document on stdout
  --summary   print only the run's summary (for large archives)
  --help      this text
`;

/**
 * Reads the ingest CLI's arguments. An unknown option or a folder is refused rather than ignored: an operator who
 * typed `--jsn` would otherwise get a run they did not ask for. A folder is not taken as an argument on purpose:
 * the archive mirrors SEEDS_DIR, so ingesting another folder would remove every issue not in it, and the bot
 * (reading SEEDS_DIR) would put them back on its next start.
 */
export function parseIngestArgs(argv: readonly string[]): IngestArgs {
  let json = false;
  let summaryOnly = false;
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--json') json = true;
    else if (arg === '--summary') summaryOnly = true;
    else if (arg.startsWith('-')) return { kind: 'problem', message: `unknown option ${arg}.` };
    else return { kind: 'problem', message: `a folder is given as SEEDS_DIR, not as an argument: SEEDS_DIR=${arg} npm run ingest (the archive then mirrors that folder, and the bot must use the same SEEDS_DIR).` };
  }
  if (json && summaryOnly) return { kind: 'problem', message: '--json and --summary do not go together: pick one.' };
  return { kind: 'run', json, summaryOnly };
}
