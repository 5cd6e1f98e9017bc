/**
 * The digest fan-out benchmark: N subscribers against the fake Bot API (which answers some sends with 429),
 * counting per chat what arrived. Reports messages per second against the configured ceiling, duplicates and
 * losses. Standalone: `npx tsx tests/tools/bench-digest.ts [--subscribers 10000 --rate 500] [--sample 500] [--json]`.
 *
 * Two runs by default: the full size at a raised ceiling (the local fake can take it; 10,000 messages at
 * Telegram's 25/s would take ~400 s), and a short sample at the production ceiling (25/s) with the fake's flood
 * control on (≤ 30/s overall, ≤ 1/s per chat), which answers 429 if the bot ever goes faster. A third run puts the
 * real `digest --once` process under faults (429, 500, drop-after-accept, one SIGKILL): see bench-digest-faults.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createArchive, type Archive } from '../../src/archive/archive.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { composeDigest } from '../../src/digest/compose-digest.js';
import { createRateLimiter } from '../../src/digest/create-rate-limiter.js';
import { openStore } from '../../src/digest/open-store.js';
import { runFanout } from '../../src/digest/run-fanout.js';
import { loadIssues } from '../../src/ingest/load-issues.js';
import { createSilentLogger, type Logger } from '../../src/logger.js';
import { createDigestApi, createDigestDeliverer, renderDigest } from '../../src/telegram/deliver-digest.js';
import { createFakeBotApi } from '../support/fake-bot-api/fake-bot-api.js';
import { benchFanoutWithFaults, type FaultBenchResult } from './bench-digest-faults.js';

export interface DigestBenchOptions {
  subscribers: number;
  /** The configured ceiling, messages per second overall. */
  perSecond: number;
  perChatIntervalMs?: number;
  concurrency?: number;
  /** Every n-th sendMessage is answered 429 (retry_after 1 s). 0 = never. */
  inject429Every?: number;
  /** Let the fake answer 429 to any send above Telegram's own limits. */
  floodControl?: boolean;
  archive: Archive;
  logger?: Logger;
}

export interface DigestBenchResult {
  subscribers: number;
  ceilingPerSecond: number;
  achievedPerSecond: number;
  /** achieved / ceiling. The bench passes within ±20 %. */
  ratio: number;
  messagesExpected: number;
  messagesDelivered: number;
  duplicates: number;
  losses: number;
  injected429: number;
  flood429: number;
  /** Most messages the fake saw in any one second, overall and to a single chat. */
  peakPerSecond: number;
  peakPerChatPerSecond: number;
  seconds: number;
  pass: boolean;
}

const TOKEN = '123456:BENCH-abcdefghijklmnopqrstuvwxyz';

/** One fan-out of the newest issue to `subscribers` fresh chats, measured at the fake Bot API. */
export async function benchDigestFanout(options: DigestBenchOptions): Promise<DigestBenchResult> {
  const logger = options.logger ?? createSilentLogger();
  const fake = createFakeBotApi({
    token: TOKEN,
    recording: 'off',
    history: false,
    floodLimits: options.floodControl ? { overallPerSecond: 30, perChatPerSecond: 1, retryAfter: 1 } : undefined,
  });
  await fake.start();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-digest-'));
  const store = openStore(dir, logger);
  let sends = 0;
  let injected = 0;
  const every = options.inject429Every ?? 0;
  fake.inject((call) => {
    if (call.method !== 'sendMessage' || every === 0) return undefined;
    sends++;
    if (sends % every !== 0) return undefined;
    injected++;
    return { error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
  });
  try {
    const since = new Date(Date.now() - 7 * 86_400_000);
    for (let chatId = 1; chatId <= options.subscribers; chatId++) {
      // 00:00 has always passed today: every subscriber is due now.
      store.subscribe({ chatId, chatKind: 'private', deliveryTime: '00:00', now: since });
    }
    const deliver = createDigestDeliverer(createDigestApi(TOKEN, { apiRoot: fake.url }));
    const head = options.archive.latest();
    const issue = head && options.archive.readIssue(head.id);
    if (!issue) throw new Error('the archive is empty: nothing to fan out');
    const expectedParts = deliver.render(composeDigest(issue)!).length;

    const started = performance.now();
    const report = await runFanout({
      store,
      archive: options.archive,
      deliver,
      limiter: createRateLimiter({ perSecond: options.perSecond, perChatIntervalMs: options.perChatIntervalMs ?? 1000 }),
      logger,
      now: () => new Date(),
      timeZone: options.archive.paper.timeZone,
      concurrency: options.concurrency ?? Math.max(8, Math.ceil(options.perSecond / 10)),
    });
    const seconds = (performance.now() - started) / 1000;

    const counts = fake.countsByChat('sendMessage', { ok: true });
    let duplicates = 0;
    let losses = 0;
    let delivered = 0;
    for (let chatId = 1; chatId <= options.subscribers; chatId++) {
      const got = counts.get(chatId) ?? 0;
      delivered += got;
      duplicates += Math.max(0, got - expectedParts);
      losses += Math.max(0, expectedParts - got);
    }
    const achieved = fake.rates.ratePerSecond();
    const ratio = achieved / options.perSecond;
    const busiest = fake.rates.busiestChat(1000);
    const flood = fake.count('sendMessage', { ok: false }) - injected;
    if (report.failed > 0) logger.warn({ failed: report.failed }, 'some chats failed during the bench');
    return {
      subscribers: options.subscribers,
      ceilingPerSecond: options.perSecond,
      achievedPerSecond: Math.round(achieved * 10) / 10,
      ratio: Math.round(ratio * 1000) / 1000,
      messagesExpected: expectedParts * options.subscribers,
      messagesDelivered: delivered,
      duplicates,
      losses,
      injected429: injected,
      flood429: flood,
      peakPerSecond: fake.rates.maxInWindow(1000),
      peakPerChatPerSecond: busiest?.count ?? 0,
      seconds: Math.round(seconds * 10) / 10,
      pass: duplicates === 0 && losses === 0 && ratio >= 0.8 && ratio <= 1.2,
    };
  } finally {
    store.close();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The archive from the seeds directory and config, as the bot loads it. */
export async function loadBenchArchive(seedsDir: string, configDir: string, logger: Logger): Promise<Archive> {
  const { paper, topics, manifest } = loadProfile(configDir);
  const { issues } = await loadIssues({ seedsDir, manifest, paper, logger });
  return createArchive(issues, { paper, topics });
}

function formatRow(name: string, r: DigestBenchResult): string {
  return [
    name.padEnd(12),
    String(r.subscribers).padStart(6),
    `${r.ceilingPerSecond}/s`.padStart(8),
    `${r.achievedPerSecond}/s`.padStart(10),
    `${(r.ratio * 100).toFixed(1)}%`.padStart(7),
    String(r.duplicates).padStart(5),
    String(r.losses).padStart(6),
    String(r.injected429).padStart(6),
    String(r.flood429).padStart(6),
    String(r.peakPerSecond).padStart(6),
    String(r.peakPerChatPerSecond).padStart(5),
    `${r.seconds}s`.padStart(7),
    r.pass ? 'PASS' : 'FAIL',
  ].join(' ');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      subscribers: { type: 'string', default: '10000' },
      rate: { type: 'string', default: '500' },
      sample: { type: 'string', default: '500' },
      'inject-every': { type: 'string', default: '200' },
      json: { type: 'boolean', default: false },
      // The run with faults: 429/500/drop-after-accept injected and one SIGKILL, through the real CLI process.
      'fault-subscribers': { type: 'string', default: '10000' },
    },
  });
  const root = process.cwd();
  const archive = await loadBenchArchive(path.join(root, 'seeds'), path.join(root, 'config'), createSilentLogger());
  const every = Number(values['inject-every']);
  const results: { name: string; result: DigestBenchResult }[] = [];
  const full = await benchDigestFanout({ subscribers: Number(values.subscribers), perSecond: Number(values.rate), inject429Every: every, archive });
  results.push({ name: 'raised', result: full });
  if (Number(values.sample) > 0) {
    const sample = await benchDigestFanout({ subscribers: Number(values.sample), perSecond: 25, inject429Every: every, floodControl: true, archive });
    results.push({ name: 'production', result: sample });
  }
  let faults: FaultBenchResult | undefined;
  const faultSubscribers = Number(values['fault-subscribers']);
  if (faultSubscribers > 0) {
    const head = archive.latest();
    const issue = head && archive.readIssue(head.id);
    if (!issue) throw new Error('the archive is empty: nothing to fan out');
    const parts = renderDigest(composeDigest(issue)!).length;
    faults = await benchFanoutWithFaults({
      subscribers: faultSubscribers,
      perSecond: Number(values.rate),
      every429: 200,
      every500: 300,
      everyDrop: 250,
      killAt: 0.5,
      issueId: issue.id,
      parts,
    });
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ runs: results, faults }, null, 2)}\n`);
  } else {
    process.stdout.write('digest fan-out (fake Bot API, 429 injected on every ' + `${every}th send)\n`);
    process.stdout.write('run          subs  ceiling   achieved   ratio  dups losses inj429 fld429 peak/s chat/s    time\n');
    for (const { name, result } of results) process.stdout.write(`${formatRow(name, result)}\n`);
    if (faults) {
      const f = faults;
      process.stdout.write(
        `faults: ${f.subscribers} subscribers, digest --once at ${values.rate}/s, 429 ×${f.injected429}, 500 ×${f.injected500}, drop-after-accept ×${f.dropsAfterAccept}, 1 SIGKILL mid-run (${f.inFlightAtKill} in flight): ` +
          `delivered ${f.delivered}/${f.expected}, losses ${f.losses}, duplicates ${f.repeats} (outside README's rule: ${f.repeatsOutsideRule}), ${f.seconds}s ${f.pass ? 'PASS' : 'FAIL'}\n`,
      );
    }
  }
  return results.every((r) => r.result.pass) && (faults?.pass ?? true) ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`bench-digest: ${(err as Error).stack ?? String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
