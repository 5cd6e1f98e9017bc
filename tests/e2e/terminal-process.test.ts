import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/bot-process.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'terminal-process-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm start` without a token, as a script or a container runs it: stdin is a pipe. */
function start(input: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SEEDS_DIR: 'seeds', CONFIG_DIR: 'config' };
  delete env.BOT_TOKEN;
  delete env.LOG_LEVEL;
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: REPO_ROOT, env, input, encoding: 'utf8', timeout: 120_000 });
}

describe('the bot process without BOT_TOKEN and without a terminal', () => {
  it('keeps the terminal chat\'s subscription out of the bot\'s database', () => {
    const run = start('/subscribe 07:30\n');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('07:30');
    expect(existsSync(path.join(dataDir, 'terminal-chat', 'digest.sqlite'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'digest.sqlite'))).toBe(false);
  });

  it('says which mode this is and how to give a token, and exits 2 when stdin holds nothing', () => {
    const run = start('');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No BOT_TOKEN: this is the terminal chat');
    expect(run.stderr).toContain('set BOT_TOKEN');
    expect(run.stderr).toContain('Nothing to do');
  });
});
