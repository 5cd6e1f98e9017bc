import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CallPredicate, FakeBotApi } from '../../support/fake-bot-api/fake-bot-api.js';

/** A token of the shape Telegram issues (the config rejects anything else). */
export const TEST_TOKEN = '123456:TEST-abcdefghijklmnopqrstuvwxyz';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface BotProcess {
  readonly pid: number;
  /** What the process wrote to stdout and stderr so far (the tail), for failure messages. */
  output(): string;
  /** Everything the process wrote, per stream. */
  streams(): { stdout: string; stderr: string };
  /** Resolves when the process has exited. */
  readonly exited: Promise<Exit>;
  /** SIGTERM, then waits for the exit; SIGKILL after `graceMs` (and the exit says so). */
  stop(graceMs?: number): Promise<Exit>;
  /** SIGKILL, as in a crash. */
  kill(): Promise<Exit>;
}

export interface StartBotOptions {
  dataDir: string;
  /** Extra or overriding environment (e.g. WEBHOOK_URL, PORT). */
  env?: Record<string, string>;
  /** The call that shows the bot is up. Default: its first getUpdates. */
  readyWhen?: CallPredicate;
  readyTimeoutMs?: number;
}

const OUTPUT_TAIL = 20_000;

/**
 * Starts the real bot (`node --import tsx src/main.ts`) against the fake Bot API and resolves once
 * it polls (or whatever `readyWhen` says). Fails with the process output if it exits first.
 */
export async function startBotProcess(fake: FakeBotApi, options: StartBotOptions): Promise<BotProcess> {
  const since = fake.mark();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: fake.url,
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
      // Empty values win over a developer's .env (dotenv never overrides a set variable).
      WEBHOOK_URL: '',
      WEBHOOK_SECRET: '',
      ADMIN_IDS: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const all = { stdout: [] as Buffer[], stderr: [] as Buffer[] };
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL);
  };
  child.stdout.on('data', (chunk: Buffer) => (collect(chunk), all.stdout.push(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (collect(chunk), all.stderr.push(chunk)));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const handle: BotProcess = {
    pid: child.pid ?? -1,
    output: () => output,
    streams: () => ({ stdout: Buffer.concat(all.stdout).toString('utf8'), stderr: Buffer.concat(all.stderr).toString('utf8') }),
    exited,
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };

  const ready = fake.waitFor(options.readyWhen ?? ((c) => c.method === 'getUpdates'), options.readyTimeoutMs ?? 90_000, {
    since,
    description: 'the bot process starting up',
  });
  const early = exited.then((exit) => {
    throw new Error(`the bot process exited before it was ready (code ${exit.code}, signal ${exit.signal}):\n${output}`);
  });
  try {
    await Promise.race([ready, early]);
  } catch (err) {
    await handle.kill();
    throw new Error(`${(err as Error).message}\n--- bot output ---\n${output}`, { cause: err });
  } finally {
    early.catch(() => undefined);
  }
  return handle;
}
