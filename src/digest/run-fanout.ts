import { randomUUID } from 'node:crypto';
import type { Archive } from '../archive/archive.js';
import { StoreError } from '../errors.js';
import type { Logger } from '../logger.js';
import { composeDigest, type Digest } from './compose-digest.js';
import { DeliveryUnknownError, type Deliverer } from './deliverer.js';
import { issuesOnThisDay } from './on-this-day.js';
import { dueState, shouldGiveUp } from './due-state.js';
import type { DigestStore } from './open-store.js';
import type { RateLimiter } from './create-rate-limiter.js';
import type { Subscription } from './subscription.js';

/**
 * What one fan-out did. `unknown` counts sends whose connection dropped after the request may have reached
 * Telegram; `inFlightResent` counts parts sent again because a crash or such a drop left them ambiguous
 * (at-least-once, see README).
 */
export interface FanoutReport {
  issueId?: string;
  /**
   * Why nothing ran: no issue in the archive, another process is fanning out, or the newest issue was written
   * less than `settleMs` ago (its file may still be arriving: the next run sends it as it is then).
   */
  skipped?: 'no-issue' | 'locked' | 'settling';
  /** With `skipped: 'locked'`: who holds the fan-out lease, and until when (ISO time) unless they renew it. */
  lockedBy?: { owner: string; pid: number; host: string; expiresAt: string };
  /** Set when stop() interrupted the run; the rest is due again at the next run. */
  stopped?: boolean;
  subscribers: number;
  due: number;
  completed: number;
  resumed: number;
  messages: number;
  inFlightResent: number;
  unknown: number;
  empty: number;
  deactivated: number;
  migrated: number;
  failed: number;
  startedAt: string;
  finishedAt: string;
}

export interface FanoutOptions {
  store: DigestStore;
  archive: Archive;
  deliver: Deliverer;
  limiter: RateLimiter;
  logger: Logger;
  now: () => Date;
  timeZone: string;
  /** Chats served at once. Enough to keep the rate ceiling busy while each send waits for Telegram. */
  concurrency?: number;
  /** Checked between sends: true ends the run early (SIGTERM), leaving nothing ambiguous. */
  shouldStop?: () => boolean;
  /** Identifies this process in the cross-process lease. */
  owner?: string;
  leaseTtlMs?: number;
  /**
   * How long to wait for a lease another process holds (real time) before giving up with `skipped: 'locked'`.
   * Default 0: the bot's scheduler simply tries again at its next tick. The CLI waits out one lease period, so
   * a holder that died (even one left a zombie) never makes it skip: its lease expires unrenewed.
   */
  waitForLeaseMs?: number;
  /**
   * The newest issue goes out only once it has been unchanged in the archive this long (default SETTLE_MS): a
   * file copied slowly is ingested half-written, then again whole; the digest sends the whole one (QA O5).
   */
  settleMs?: number;
}

/** How long the newest issue must stay unchanged before a digest sends it (a stalled copy is re-ingested whole meanwhile). */
export const SETTLE_MS = 60_000;

const LEASE = 'digest-fanout';
/**
 * A part whose send ended unknown is sent again at once, up to this many times per chat and run (at-least-once;
 * each unknown outcome may leave one repeat), then left `sending` for the next run.
 */
const MAX_UNKNOWN_RESENDS = 3;
/**
 * The fan-out lease lasts this long unless its holder renews it (every third of it). Nobody checks whether the
 * holder's process is alive — a pid says nothing across hosts or about a zombie — so a crashed holder blocks the
 * fan-out for at most this long.
 */
export const LEASE_TTL_MS = 15_000;
/** How often a process waiting for the lease looks again. */
const LEASE_POLL_MS = 500;

/**
 * Delivers the newest issue to every chat it is due for, under the rate limit.
 *
 * Crash-safe send protocol, per message (part) of a digest:
 * 1. `claimPart` commits a `sending` row (chat, issue, part) — the primary key makes a second claim impossible;
 * 2. the message is sent;
 * 3. `markPartSent` commits `sent` with Telegram's message_id.
 * A restart finds the digest still `sending` and resumes at the first part not `sent`. A part left `sending` by
 * a crash is ambiguous (Telegram may or may not have it; it has no idempotency key): it is sent again —
 * at-least-once for that single message, because a lost digest is silent and a repeated one is merely visible.
 */
export async function runFanout(options: FanoutOptions): Promise<FanoutReport> {
  const { store, archive, deliver, limiter, now, timeZone } = options;
  const log = options.logger.child({ module: 'digest-fanout' });
  const owner = options.owner ?? randomUUID();
  const ttl = options.leaseTtlMs ?? LEASE_TTL_MS;
  const report: FanoutReport = {
    subscribers: 0,
    due: 0,
    completed: 0,
    resumed: 0,
    messages: 0,
    inFlightResent: 0,
    unknown: 0,
    empty: 0,
    deactivated: 0,
    migrated: 0,
    failed: 0,
    startedAt: now().toISOString(),
    finishedAt: '',
  };
  const done = () => ({ ...report, finishedAt: now().toISOString() });

  const issue = archive.latest();
  if (!issue) return { ...done(), skipped: 'no-issue' };
  report.issueId = issue.id;
  const age = settlingAge(archive, issue.id, now());
  if (age !== undefined && age < (options.settleMs ?? SETTLE_MS)) {
    log.info({ issue: issue.id, file: issue.file, writtenSecondsAgo: Math.round(age / 1000) }, 'newest issue written moments ago: its digest waits until the file has settled');
    return { ...done(), skipped: 'settling' };
  }
  if (!(await acquireLease(store, owner, ttl, now, options.waitForLeaseMs ?? 0))) {
    const held = store.lease(LEASE);
    const lockedBy = held && { owner: held.owner, pid: held.pid, host: held.host, expiresAt: new Date(held.expiresAt).toISOString() };
    log.info({ issue: issue.id, lockedBy }, 'another process is delivering digests; nothing sent by this run');
    return { ...done(), skipped: 'locked', lockedBy };
  }
  let leaseRenewedAt = now().getTime();
  let lostLease = false;
  const keepLease = () => {
    const t = now().getTime();
    if (t - leaseRenewedAt < ttl / 3) return;
    if (!store.tryAcquireLease(LEASE, owner, ttl, t)) lostLease = true;
    leaseRenewedAt = t;
  };
  const stop = () => lostLease || (options.shouldStop?.() ?? false);
  // A single send can be held for minutes by auto-retry (429s): keep the lease alive meanwhile, so a cron run
  // cannot take over and resend the part that is in flight.
  const renewal = setInterval(keepLease, Math.max(1000, ttl / 3));
  renewal.unref();

  try {
    const rows = store.activeWithDelivery(issue.id);
    report.subscribers = rows.length;
    const startedAt = now();
    const queue: { subscription: Subscription; slot: string; resume: boolean }[] = [];
    for (const { subscription, delivery } of rows) {
      const state = dueState(subscription, delivery, startedAt, timeZone);
      if (state.due) queue.push({ subscription, slot: state.slot, resume: state.resume });
    }
    report.due = queue.length;
    if (queue.length > 0) log.info({ issue: issue.id, due: queue.length, subscribers: rows.length }, 'digest fan-out started');

    // One rendering per filter (and on-this-day choice): 10,000 subscribers without a filter share one digest.
    const rendered = new Map<string, { digest: Digest; parts: unknown[] } | undefined>();
    const renderFor = ({ filter, onThisDay }: Pick<Subscription, 'filter' | 'onThisDay'>) => {
      const key = `${onThisDay ? 1 : 0}${filter ?? ''}`;
      if (!rendered.has(key)) {
        const full = archive.readIssue(issue.id);
        const digest = full && composeDigest(full, { filter, onThisDay: onThisDay ? issuesOnThisDay(archive, issue.date) : undefined });
        rendered.set(key, digest ? { digest, parts: deliver.render(digest) } : undefined);
      }
      return rendered.get(key);
    };

    const serveChat = async (job: (typeof queue)[number]): Promise<void> => {
      let chatId = job.subscription.chatId;
      const sub = job.subscription.sub;
      // Every delivery row is the subscription's: one chat with two subscriptions gets each digest once.
      let key = { chatId, sub };
      const clog = log.child({ chat: chatId, sub, issue: issue.id });
      // An earlier subscription of this chat may just have found the chat gone (or moved): nothing to send here.
      if (!store.subscription(chatId, sub)?.active) return;
      const content = renderFor(job.subscription);
      if (!content) {
        store.beginDelivery({ chatId, sub, issueId: issue.id, slot: job.slot, parts: 0, status: 'empty', now: now() });
        // A digest a crash left half-sent whose filter has since changed to match nothing: close it too.
        store.finishDelivery(key, issue.id, 'empty', now());
        report.empty++;
        return;
      }
      const { parts } = content;
      let unknownRetries = 0;
      store.beginDelivery({ chatId, sub, issueId: issue.id, slot: job.slot, parts: parts.length, now: now() });
      if (job.resume) report.resumed++;
      for (let i = 0; i < parts.length; i++) {
        // Renew (or notice the loss of) the lease before every claim, not only after a send succeeds.
        keepLease();
        if (stop()) return;
        const claim = store.claimPart(key, issue.id, i, now());
        if (claim === 'done') continue;
        if (claim === 'in-flight') {
          clog.warn({ part: i }, 'part may already be with Telegram (a crash or a dropped connection); sending it again (at-least-once)');
          report.inFlightResent++;
        }
        let outcome;
        const pace = async () => void (await limiter.acquire(chatId));
        try {
          await pace();
          outcome = await deliver.send(chatId, parts[i], { beforeRetry: pace });
        } catch (err) {
          if (err instanceof DeliveryUnknownError) {
            // Telegram may have it: the part stays `sending` (never released, so never taken for "not sent").
            report.unknown++;
            if (++unknownRetries <= MAX_UNKNOWN_RESENDS) {
              clog.warn({ err, part: i }, 'connection dropped after the request; the message may have arrived');
              i--;
              continue;
            }
            const attempts = store.recordFailure(key, issue.id);
            clog.error({ err, part: i, attempts }, 'digest send outcome unknown again; the part is resent on the next run');
            report.failed++;
            return;
          }
          // Telegram answered with an error (or never got the request): it does not have the message.
          store.releasePart(key, issue.id, i);
          const attempts = store.recordFailure(key, issue.id);
          const giveUp = shouldGiveUp(attempts, store.delivery(key, issue.id)?.startedAt ?? now().toISOString(), now());
          if (giveUp) store.finishDelivery(key, issue.id, 'failed', now());
          clog.error({ err, part: i, attempts }, giveUp ? 'digest failed; giving up on this issue' : 'digest send failed; will retry next run');
          report.failed++;
          return;
        }
        if (outcome.kind === 'sent') {
          store.markPartSent(key, issue.id, i, outcome.messageId, now());
          report.messages++;
          keepLease();
          continue;
        }
        store.releasePart(key, issue.id, i);
        if (outcome.kind === 'gone') {
          store.deactivate(chatId, outcome.reason, now());
          clog.info({ reason: outcome.reason, description: outcome.description }, 'chat gone; subscription deactivated');
          report.deactivated++;
          return;
        }
        // Migrated: move the subscription and the log, then send this same part to the new chat.
        if (outcome.toChatId === chatId) throw new Error(`chat ${chatId} migrated to itself`);
        store.migrateChat(chatId, outcome.toChatId, now());
        clog.info({ to: outcome.toChatId }, 'group migrated to a supergroup; subscription moved');
        report.migrated++;
        const moved = store.subscription(outcome.toChatId, sub);
        if (!moved?.active || store.delivery({ chatId: outcome.toChatId, sub }, issue.id)?.status !== 'sending') return;
        chatId = outcome.toChatId;
        key = { chatId, sub };
        i--;
      }
      store.finishDelivery(key, issue.id, 'sent', now());
      report.completed++;
    };

    // A chat's subscriptions are served one after another (never two digests interleaved in one chat); chats in parallel.
    const byChat = new Map<number, (typeof queue)[number][]>();
    for (const job of queue) byChat.set(job.subscription.chatId, [...(byChat.get(job.subscription.chatId) ?? []), job]);
    const chatJobs = [...byChat.values()];
    let next = 0;
    let storeFailed = false;
    const worker = async () => {
      while (next < chatJobs.length && !stop() && !storeFailed) {
        for (const job of chatJobs[next++]!) {
          if (stop() || storeFailed) return;
          try {
            await serveChat(job);
          } catch (err) {
            report.failed++;
            const where = { err, chat: job.subscription.chatId, sub: job.subscription.sub, issue: issue.id };
            if (err instanceof StoreError) {
              // The database itself fails: every other chat would fail the same way. Stop; the next run resumes.
              storeFailed = true;
              log.error(where, 'digest store failed; fan-out stopped');
              return;
            }
            log.error(where, 'digest delivery crashed for one chat');
          }
        }
      }
    };
    const concurrency = Math.max(1, Math.min(options.concurrency ?? 8, chatJobs.length));
    await Promise.all(Array.from({ length: concurrency }, worker));
    const result = done();
    if (stop()) result.stopped = true;
    if (queue.length > 0) log.info({ ...result }, 'digest fan-out finished');
    return result;
  } finally {
    clearInterval(renewal);
    store.releaseLease(LEASE, owner);
  }
}

/** Takes the fan-out lease, waiting up to `waitMs` (real time) for another holder's lease to expire or be released. */
async function acquireLease(store: DigestStore, owner: string, ttl: number, now: () => Date, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (store.tryAcquireLease(LEASE, owner, ttl, now().getTime())) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.min(LEASE_POLL_MS, Math.max(1, deadline - Date.now()))));
  }
}

/**
 * How long ago the issue was last written, when the archive records it and it is not in the future (a
 * clock set back, or a test's calendar clock, never holds a digest back for good).
 */
function settlingAge(archive: Archive, issueId: string, now: Date): number | undefined {
  const written = archive.writtenAt?.(issueId);
  if (written === undefined) return undefined;
  const age = now.getTime() - written.getTime();
  return age >= 0 ? age : undefined;
}
