import type { Archive } from '../../../src/archive/archive.js';
import { createArchive } from '../../../src/archive/archive.js';
import { loadIssues } from '../../../src/ingest/load-issues.js';
import { createSilentLogger } from '../../../src/logger.js';
import { loadProfile } from '../../../src/profile/load-profile.js';
import { REPO_ROOT } from './bot-process.js';

/** The archive the bot process serves (same seeds and config), loaded in the test process. */
export async function loadTestArchive(seedsDir = `${REPO_ROOT}seeds`): Promise<Archive> {
  const { paper, topics, manifest } = loadProfile(`${REPO_ROOT}config`);
  const { issues } = await loadIssues({ seedsDir, manifest, paper, logger: createSilentLogger() });
  return createArchive(issues, { paper, topics });
}
