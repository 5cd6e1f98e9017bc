/**
 * Child process for the crash tests: opens the archive store over SEEDS_DIR into DATA_DIR and prints
 * one line per file done ("progress <n>"), so the test can SIGKILL it in the middle of the ingest.
 */
import { openArchiveStore } from '../../../src/archive/open-archive-store.js';
import { loadProfile } from '../../../src/profile/load-profile.js';
import { createSilentLogger } from '../../../src/logger.js';

const [seedsDir, dataDir] = process.argv.slice(2) as [string, string];
const store = await openArchiveStore({
  seedsDir,
  dataDir,
  profile: loadProfile('config'),
  paper: loadProfile('config').paper,
  logger: createSilentLogger(),
  onProgress: ({ done }) => process.stdout.write(`progress ${done}\n`),
});
store.close();
process.stdout.write('finished\n');
