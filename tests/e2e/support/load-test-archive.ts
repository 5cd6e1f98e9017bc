import type { Archive } from '../../../src/archive/archive.js';
import { createArchive } from '../../../src/archive/archive.js';
import { loadTopicsConfig } from '../../../src/archive/topics-config.js';
import { loadPaperConfig } from '../../../src/config.js';
import { loadIssues } from '../../../src/ingest/load-issues.js';
import { createSilentLogger } from '../../../src/logger.js';
import { REPO_ROOT } from './bot-process.js';

/** The archive the bot process serves (same seeds and config), loaded in the test process. */
export async function loadTestArchive(seedsDir = `${REPO_ROOT}seeds`): Promise<Archive> {
  const configDir = `${REPO_ROOT}config`;
  const paper = loadPaperConfig(configDir);
  const { issues } = await loadIssues({ seedsDir, configDir, paper, logger: createSilentLogger() });
  return createArchive(issues, { paper, topics: loadTopicsConfig(configDir) });
}
