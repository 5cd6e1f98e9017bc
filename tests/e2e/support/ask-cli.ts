import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { REPO_ROOT } from './bot-process.js';

const run = promisify(execFile);

/** The first result `npm run ask -- --json` gives, in the fields the chat must agree with. */
export interface CliTopResult {
  articleId: string;
  title: string;
  date: string;
  excerpt: string;
}

export function askCliExists(): boolean {
  return existsSync(new URL('../../../src/cli/ask.ts', import.meta.url));
}

/** Where the bot under test keeps its index cache and reads its issues. */
export interface ArchiveDirs {
  dataDir: string;
  seedsDir: string;
}

/** Runs `node --import tsx src/cli/ask.ts --json <question>` over the bot's seeds (sharing its index cache). */
export async function askCliTopResult(question: string, dirs: ArchiveDirs): Promise<CliTopResult | undefined> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', '--json', question], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATA_DIR: dirs.dataDir, SEEDS_DIR: dirs.seedsDir, LOG_LEVEL: 'warn' },
    maxBuffer: 16 * 1024 * 1024,
    timeout: 120_000,
  });
  const answer = JSON.parse(stdout) as { results?: CliTopResult[] };
  return answer.results?.[0];
}

/** Without the CLI: the same engine in this process (same seeds, config and archive database). */
export async function engineTopResult(question: string, dirs: ArchiveDirs): Promise<CliTopResult | undefined> {
  const [{ openArchive }, { loadProfile }, { createSilentLogger }] = await Promise.all([
    import('../../../src/open-archive.js'),
    import('../../../src/profile/load-profile.js'),
    import('../../../src/logger.js'),
  ]);
  const configDir = `${REPO_ROOT}config`;
  const profile = loadProfile(configDir);
  const opened = await openArchive({ seedsDir: dirs.seedsDir, profile, dataDir: dirs.dataDir, paper: profile.paper, logger: createSilentLogger() });
  try {
    return opened.search.search(question).results[0];
  } finally {
    opened.close();
  }
}
