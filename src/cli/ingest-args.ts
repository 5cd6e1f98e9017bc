/** What `npm run ingest -- …` was asked to do. */
export type IngestArgs =
  | { kind: 'run'; json: boolean; summaryOnly: boolean; seedsDir?: string }
  | { kind: 'help' }
  | { kind: 'problem'; message: string };

export const INGEST_USAGE = `usage: npm run ingest [-- [--json | --summary] [SEEDS_DIR]]
  SEEDS_DIR   the folder of issue files to ingest (default: the SEEDS_DIR setting, else seeds/);
              a tree such as 2024/11/07/01.txt is fine
  --json      print the archive as one JSON document on stdout
  --summary   print only the run's summary (for large archives)
  --help      this text
`;

/**
 * Reads the ingest CLI's arguments. An unknown option or a second folder is refused rather than
 * ignored: an operator who typed `--jsn` or two paths would otherwise get a run they did not ask for.
 */
export function parseIngestArgs(argv: readonly string[]): IngestArgs {
  let json = false;
  let summaryOnly = false;
  const folders: string[] = [];
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--json') json = true;
    else if (arg === '--summary') summaryOnly = true;
    else if (arg.startsWith('-')) return { kind: 'problem', message: `unknown option ${arg}.` };
    else folders.push(arg);
  }
  if (folders.length > 1) return { kind: 'problem', message: `one folder at a time, not ${folders.length} (${folders.join(', ')}).` };
  if (json && summaryOnly) return { kind: 'problem', message: '--json and --summary do not go together: pick one.' };
  return folders[0] === undefined ? { kind: 'run', json, summaryOnly } : { kind: 'run', json, summaryOnly, seedsDir: folders[0] };
}
