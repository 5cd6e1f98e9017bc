import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../errors.js';
import type { Logger } from '../logger.js';
import { guardStore } from './guard-store.js';
import { MIGRATIONS, applyMigrations, type Migration } from './migrations.js';
import type { Script } from '../text/convert-script.js';
import { DEFAULT_DELIVERY_TIME, MAX_SUBSCRIPTIONS_PER_CHAT, type ChatKind, type DeactivationReason, type Delivery, type DeliveryPart, type DeliveryStatus, type Subscription } from './subscription.js';

/** What `claimPart` found: send it; it was already acknowledged; or a crash left it in flight (ambiguous). */
export type PartClaim = 'claimed' | 'done' | 'in-flight';

/** An active subscription joined with its delivery of one issue (if any), for the due scan. */
export interface SubscriptionWithDelivery {
  subscription: Subscription;
  delivery?: Delivery;
}

/**
 * Durable digest state in SQLite (WAL). Every method is synchronous (better-sqlite3) and commits before it
 * returns, so a SIGKILL right after a call keeps what it wrote.
 */
export interface DigestStore {
  readonly path: string;
  /**
   * Creates or reactivates one subscription (the chat's first active one, or number `sub`); keeps its current
   * time/filter unless new ones are given.
   */
  subscribe(input: { chatId: number; sub?: number; chatKind: ChatKind; deliveryTime?: string; filter?: string | null; now: Date }): Subscription;
  /**
   * Adds another subscription to a chat (a new number, never reusing one whose delivery log exists). Refused when the
   * chat already has an active one with the same time and filter, or MAX_SUBSCRIPTIONS_PER_CHAT active ones.
   */
  addSubscription(input: { chatId: number; chatKind: ChatKind; deliveryTime: string; filter: string | null; now: Date }): Subscription | 'duplicate' | 'full';
  /** Changes time, filter (null clears it) and/or the on-this-day section of an existing subscription. */
  updateSubscription(key: SubKey, patch: { deliveryTime?: string; filter?: string | null; onThisDay?: boolean }, now: Date): Subscription | undefined;
  /** A chat's chosen reply script, or undefined when it follows the reader's writing. */
  chatScript(chatId: number): Script | undefined;
  /** Sets (or with null forgets) a chat's reply script. */
  setChatScript(chatId: number, script: Script | null, now: Date): void;
  /** Stops deliveries: of one subscription (`sub`), or of all the chat's. Returns false when none was active. */
  deactivate(chatId: number, reason: DeactivationReason, now: Date, sub?: number): boolean;
  /** Subscription number `sub`; without it the chat's first active one, else its first one. */
  subscription(chatId: number, sub?: number): Subscription | undefined;
  /** All of a chat's subscriptions (active or not), by number. */
  subscriptions(chatId: number): Subscription[];
  activeSubscriptions(): Subscription[];
  /** Active subscriptions with their delivery of `issueId`, in one query. */
  activeWithDelivery(issueId: string): SubscriptionWithDelivery[];
  countActive(): number;
  /**
   * A group became a supergroup: its subscription and delivery log move to the new chat id.
   * If the new id already has a subscription, that one wins and the old one is deactivated.
   */
  migrateChat(fromChatId: number, toChatId: number, now: Date): void;
  delivery(key: SubKey, issueId: string): Delivery | undefined;
  parts(key: SubKey, issueId: string): DeliveryPart[];
  /** Starts (or resumes) a digest of `issueId` for one subscription and `slot`; also records the slot on the subscription. */
  beginDelivery(input: { chatId: number; sub?: number; issueId: string; slot: string; parts: number; status?: 'sending' | 'empty'; now: Date }): Delivery;
  /** Writes the `sending` row for one part before it is sent. The primary key makes a second claim impossible. */
  claimPart(key: SubKey, issueId: string, part: number, now: Date): PartClaim;
  markPartSent(key: SubKey, issueId: string, part: number, messageId: number, now: Date): void;
  /** Telegram definitely did not take the message (an error answer): forget the claim so it is tried again. */
  releasePart(key: SubKey, issueId: string, part: number): void;
  finishDelivery(key: SubKey, issueId: string, status: Exclude<DeliveryStatus, 'sending'>, now: Date): void;
  /** Counts a failed attempt; returns the new count. */
  recordFailure(key: SubKey, issueId: string): number;
  /**
   * Cross-process mutual exclusion for the fan-out: a lease with an expiry that its holder renews (calling this
   * again). False while another owner's lease has not expired; whether that owner's process lives is not asked.
   */
  tryAcquireLease(name: string, owner: string, ttlMs: number, nowMs: number): boolean;
  /** Who holds a lease, for messages. */
  lease(name: string): { owner: string; pid: number; host: string; expiresAt: number } | undefined;
  releaseLease(name: string, owner: string): void;
  close(): void;
}

export const STORE_FILE = 'digest.sqlite';

/** One subscription of a chat: a bare chat id means its subscription number 0 (the only one before migration 4). */
export type SubKey = number | { chatId: number; sub: number };

const keyOf = (key: SubKey): [number, number] => (typeof key === 'number' ? [key, 0] : [key.chatId, key.sub]);

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Opens (creating if needed) `<dataDir>/digest.sqlite`, checks it, and migrates it to the current schema.
 * A file that is not a SQLite database, a damaged one, or one written by a newer build throws a StoreError
 * saying what to do, and the file is left exactly as it was: nothing is ever silently reset.
 */
export function openStore(dataDir: string, logger: Logger): DigestStore & { readonly impaired: boolean } {
  const { db, file } = openDatabase(dataDir, logger, MIGRATIONS);
  return guardStore(createStore(db, file));
}

/**
 * The checks and migrations behind `openStore`, for any migration list (tests run their own).
 * Returns the open database at the list's newest version.
 */
export function openDatabase(dataDir: string, logger: Logger, migrations: readonly Migration[]): { db: Database.Database; file: string } {
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  const log = logger.child({ module: 'digest-store' });
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (cause) {
    throw new StoreError(`Cannot create the data directory ${dataDir}: ${(cause as Error).message}. Check DATA_DIR and its permissions.`, dataDir, { cause });
  }
  const file = path.join(dataDir, STORE_FILE);
  // Only a missing file means "no database yet". An existing file that is empty or unreadable is refused like a
  // corrupt one: an emptied file (a bad copy, a full disk, a restore gone wrong) must not quietly become a new,
  // subscriber-less database.
  const existed = existsSync(file);
  // Check the header ourselves before SQLite touches the file: opening a foreign file in WAL mode would write to it.
  if (existed) assertSqliteHeader(file);

  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: existed });
  } catch (cause) {
    throw new StoreError(`Cannot open the subscription database ${file}: ${(cause as Error).message}. Check DATA_DIR and its permissions.`, file, { cause });
  }
  try {
    const version = readVersion(db, file);
    if (version > latest) {
      throw new StoreError(
        `The subscription database ${file} has schema version ${version}, but this build only knows up to ${latest}: it was written by a newer version of the bot. Run the newer version, or restore a backup made by this one. The file was not changed.`,
        file,
      );
    }
    if (existed) {
      const check = db.pragma('quick_check', { simple: true }) as string;
      if (check !== 'ok') {
        throw new StoreError(
          `The subscription database ${file} is damaged (SQLite quick_check: ${check}). Restore it from a backup, or move it aside to start with no subscriptions. The file was not changed.`,
          file,
        );
      }
    }
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a killed process (the OS has every committed page); a power cut may roll back
    // the last commits, which can only repeat a message, never lose one (see README: digest delivery).
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    // Check each cell's size as it is read: damage shows as an error instead of a silently missing row.
    db.pragma('cell_size_check = ON');
    const now = applyMigrations(db, migrations, log);
    log.debug({ file, version: now }, 'store open');
  } catch (cause) {
    db.close();
    if (cause instanceof StoreError) throw cause;
    throw new StoreError(
      `The subscription database ${file} could not be prepared: ${(cause as Error).message}. Restore it from a backup, or move it aside to start with no subscriptions.`,
      file,
      { cause },
    );
  }
  return { db, file };
}

function assertSqliteHeader(file: string): void {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  let fd: number | undefined;
  let read = 0;
  try {
    if (!statSync(file).isFile()) throw new Error('not a regular file');
    fd = openSync(file, 'r');
    read = readSync(fd, header, 0, header.length, 0);
  } catch (cause) {
    throw new StoreError(`Cannot read the subscription database ${file}: ${(cause as Error).message}. Check DATA_DIR and its permissions.`, file, { cause });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (read === 0) {
    throw new StoreError(
      `The subscription database ${file} exists but is empty (0 bytes): its subscriptions are gone or were never written. Restore it from a backup, or delete the empty file to start with no subscriptions. The file was not changed.`,
      file,
    );
  }
  if (!header.equals(SQLITE_HEADER)) {
    throw new StoreError(
      `${file} is not a SQLite database (corrupt or overwritten). Restore it from a backup, or move it aside to start with no subscriptions. The file was not changed.`,
      file,
    );
  }
}

function readVersion(db: Database.Database, file: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch (cause) {
    throw new StoreError(
      `The subscription database ${file} cannot be read (${(cause as Error).message}). Restore it from a backup, or move it aside to start with no subscriptions. The file was not changed.`,
      file,
      { cause },
    );
  }
}

interface SubscriptionRow {
  chat_id: number;
  sub: number;
  chat_kind: string;
  delivery_time: string;
  filter: string | null;
  on_this_day: number;
  active: number;
  active_since: string;
  last_slot: string | null;
  deactivated_reason: string | null;
  created_at: string;
  updated_at: string;
}

interface DeliveryRow {
  chat_id: number;
  sub: number;
  issue_id: string;
  slot: string;
  status: string;
  parts: number;
  attempts: number;
  started_at: string;
  finished_at: string | null;
}

interface PartRow {
  chat_id: number;
  sub: number;
  issue_id: string;
  part: number;
  status: string;
  message_id: number | null;
  updated_at: string;
}

const toSubscription = (r: SubscriptionRow): Subscription => ({
  chatId: r.chat_id,
  sub: r.sub,
  chatKind: r.chat_kind as ChatKind,
  deliveryTime: r.delivery_time,
  filter: r.filter ?? undefined,
  onThisDay: r.on_this_day === 1,
  active: r.active === 1,
  activeSince: r.active_since,
  lastSlot: r.last_slot ?? undefined,
  deactivatedReason: (r.deactivated_reason ?? undefined) as DeactivationReason | undefined,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toDelivery = (r: DeliveryRow): Delivery => ({
  chatId: r.chat_id,
  sub: r.sub,
  issueId: r.issue_id,
  slot: r.slot,
  status: r.status as DeliveryStatus,
  parts: r.parts,
  attempts: r.attempts,
  startedAt: r.started_at,
  finishedAt: r.finished_at ?? undefined,
});

function createStore(db: Database.Database, file: string): DigestStore {
  const iso = (d: Date) => d.toISOString();
  const q = {
    getSub: db.prepare<[number, number], SubscriptionRow>('SELECT * FROM subscriptions WHERE chat_id = ? AND sub = ?'),
    chatSubs: db.prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE chat_id = ? ORDER BY sub'),
    insertSub: db.prepare(
      `INSERT INTO subscriptions (chat_id, sub, chat_kind, delivery_time, filter, active, active_since, created_at, updated_at)
       VALUES (@chatId, @sub, @chatKind, @deliveryTime, @filter, 1, @now, @now, @now)`,
    ),
    reactivate: db.prepare(
      `UPDATE subscriptions SET chat_kind = @chatKind, delivery_time = @deliveryTime, filter = @filter, active = 1,
         active_since = CASE WHEN active = 1 THEN active_since ELSE @now END, deactivated_reason = NULL, updated_at = @now
       WHERE chat_id = @chatId AND sub = @sub`,
    ),
    update: db.prepare(
      'UPDATE subscriptions SET delivery_time = @deliveryTime, filter = @filter, on_this_day = @onThisDay, updated_at = @now WHERE chat_id = @chatId AND sub = @sub',
    ),
    getScript: db.prepare<[number], { script: string | null }>('SELECT script FROM chat_settings WHERE chat_id = ?'),
    putScript: db.prepare(
      `INSERT INTO chat_settings (chat_id, script, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (chat_id) DO UPDATE SET script = excluded.script, updated_at = excluded.updated_at`,
    ),
    deactivateAll: db.prepare('UPDATE subscriptions SET active = 0, deactivated_reason = ?, updated_at = ? WHERE chat_id = ? AND active = 1'),
    deactivateOne: db.prepare('UPDATE subscriptions SET active = 0, deactivated_reason = ?, updated_at = ? WHERE chat_id = ? AND sub = ? AND active = 1'),
    active: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions WHERE active = 1 ORDER BY chat_id, sub'),
    countActive: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM subscriptions WHERE active = 1'),
    activeWithDelivery: db.prepare<[string], SubscriptionRow & { d_issue_id: string | null } & Partial<Record<`d_${keyof DeliveryRow}`, unknown>>>(
      `SELECT s.*, d.issue_id AS d_issue_id, d.slot AS d_slot, d.status AS d_status, d.parts AS d_parts, d.attempts AS d_attempts,
              d.started_at AS d_started_at, d.finished_at AS d_finished_at
       FROM subscriptions s LEFT JOIN deliveries d ON d.chat_id = s.chat_id AND d.sub = s.sub AND d.issue_id = ?
       WHERE s.active = 1 ORDER BY s.chat_id, s.sub`,
    ),
    // A sub number that was ever used (its delivery log may remain) is never given to a new subscription.
    nextSub: db.prepare<[number, number], { n: number }>(
      `SELECT max(coalesce((SELECT max(sub) FROM subscriptions WHERE chat_id = ?), -1),
                  coalesce((SELECT max(sub) FROM deliveries WHERE chat_id = ?), -1)) + 1 AS n`,
    ),
    moveSub: db.prepare('UPDATE subscriptions SET chat_id = ?, chat_kind = ?, updated_at = ? WHERE chat_id = ?'),
    moveDeliveries: db.prepare('UPDATE OR IGNORE deliveries SET chat_id = ? WHERE chat_id = ?'),
    moveParts: db.prepare('UPDATE OR IGNORE delivery_parts SET chat_id = ? WHERE chat_id = ?'),
    getDelivery: db.prepare<[number, number, string], DeliveryRow>('SELECT * FROM deliveries WHERE chat_id = ? AND sub = ? AND issue_id = ?'),
    insertDelivery: db.prepare(
      `INSERT INTO deliveries (chat_id, sub, issue_id, slot, status, parts, started_at, finished_at)
       VALUES (@chatId, @sub, @issueId, @slot, @status, @parts, @now, CASE WHEN @status = 'empty' THEN @now END)
       ON CONFLICT (chat_id, sub, issue_id) DO NOTHING`,
    ),
    setSlot: db.prepare('UPDATE subscriptions SET last_slot = ? WHERE chat_id = ? AND sub = ? AND (last_slot IS NULL OR last_slot < ?)'),
    parts: db.prepare<[number, number, string], PartRow>('SELECT * FROM delivery_parts WHERE chat_id = ? AND sub = ? AND issue_id = ? ORDER BY part'),
    claim: db.prepare(
      `INSERT INTO delivery_parts (chat_id, sub, issue_id, part, status, updated_at) VALUES (?, ?, ?, ?, 'sending', ?)
       ON CONFLICT DO NOTHING`,
    ),
    partStatus: db.prepare<[number, number, string, number], { status: string }>(
      'SELECT status FROM delivery_parts WHERE chat_id = ? AND sub = ? AND issue_id = ? AND part = ?',
    ),
    markSent: db.prepare(`UPDATE delivery_parts SET status = 'sent', message_id = ?, updated_at = ? WHERE chat_id = ? AND sub = ? AND issue_id = ? AND part = ?`),
    release: db.prepare(`DELETE FROM delivery_parts WHERE chat_id = ? AND sub = ? AND issue_id = ? AND part = ? AND status = 'sending'`),
    finish: db.prepare('UPDATE deliveries SET status = ?, finished_at = ? WHERE chat_id = ? AND sub = ? AND issue_id = ?'),
    failure: db.prepare<[number, number, string], { attempts: number }>(
      'UPDATE deliveries SET attempts = attempts + 1 WHERE chat_id = ? AND sub = ? AND issue_id = ? RETURNING attempts',
    ),
    lease: db.prepare<[string], { owner: string; pid: number; host: string; expires_at: number }>('SELECT * FROM leases WHERE name = ?'),
    putLease: db.prepare(
      `INSERT INTO leases (name, owner, pid, host, expires_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, pid = excluded.pid, host = excluded.host, expires_at = excluded.expires_at`,
    ),
    dropLease: db.prepare('DELETE FROM leases WHERE name = ? AND owner = ?'),
  };

  const all = (chatId: number) => q.chatSubs.all(chatId).map(toSubscription);
  const get = (chatId: number, sub?: number): Subscription | undefined => {
    if (sub !== undefined) {
      const row = q.getSub.get(chatId, sub);
      return row ? toSubscription(row) : undefined;
    }
    const subs = all(chatId);
    return subs.find((s) => s.active) ?? subs[0];
  };

  const store: DigestStore = {
    path: file,
    subscribe({ chatId, sub, chatKind, deliveryTime, filter, now }) {
      const existing = get(chatId, sub);
      const params = {
        chatId,
        sub: existing?.sub ?? sub ?? 0,
        chatKind,
        deliveryTime: deliveryTime ?? existing?.deliveryTime ?? DEFAULT_DELIVERY_TIME,
        filter: filter === undefined ? (existing?.filter ?? null) : filter,
        now: iso(now),
      };
      if (existing) q.reactivate.run(params);
      else q.insertSub.run(params);
      return get(chatId, params.sub)!;
    },
    addSubscription: db.transaction(({ chatId, chatKind, deliveryTime, filter, now }: Parameters<DigestStore['addSubscription']>[0]) => {
      const active = all(chatId).filter((s) => s.active);
      if (active.some((s) => s.deliveryTime === deliveryTime && (s.filter ?? null) === filter)) return 'duplicate' as const;
      if (active.length >= MAX_SUBSCRIPTIONS_PER_CHAT) return 'full' as const;
      const sub = q.nextSub.get(chatId, chatId)!.n;
      q.insertSub.run({ chatId, sub, chatKind, deliveryTime, filter, now: iso(now) });
      return get(chatId, sub)!;
    }),
    updateSubscription(key, patch, now) {
      const [chatId, sub] = keyOf(key);
      const existing = get(chatId, sub);
      if (!existing) return undefined;
      q.update.run({
        chatId,
        sub,
        deliveryTime: patch.deliveryTime ?? existing.deliveryTime,
        filter: patch.filter === undefined ? (existing.filter ?? null) : patch.filter,
        onThisDay: (patch.onThisDay ?? existing.onThisDay) ? 1 : 0,
        now: iso(now),
      });
      return get(chatId, sub);
    },
    chatScript(chatId) {
      const script = q.getScript.get(chatId)?.script;
      return script === 'simplified' || script === 'traditional' ? script : undefined;
    },
    setChatScript(chatId, script, now) {
      q.putScript.run(chatId, script, iso(now));
    },
    deactivate(chatId, reason, now, sub) {
      const run = sub === undefined ? q.deactivateAll.run(reason, iso(now), chatId) : q.deactivateOne.run(reason, iso(now), chatId, sub);
      return run.changes > 0;
    },
    subscription: get,
    subscriptions: all,
    activeSubscriptions: () => q.active.all().map(toSubscription),
    activeWithDelivery(issueId) {
      return q.activeWithDelivery.all(issueId).map((r) => ({
        subscription: toSubscription(r),
        delivery:
          r.d_issue_id === null
            ? undefined
            : toDelivery({
                chat_id: r.chat_id,
                sub: r.sub,
                issue_id: r.d_issue_id,
                slot: r.d_slot as string,
                status: r.d_status as string,
                parts: r.d_parts as number,
                attempts: r.d_attempts as number,
                started_at: r.d_started_at as string,
                finished_at: (r.d_finished_at ?? null) as string | null,
              }),
      }));
    },
    countActive: () => q.countActive.get()!.n,
    migrateChat: db.transaction((fromChatId: number, toChatId: number, now: Date) => {
      if (all(toChatId).length > 0) {
        q.deactivateAll.run('migrated', iso(now), fromChatId);
      } else {
        q.moveSub.run(toChatId, 'supergroup', iso(now), fromChatId);
      }
      // The log moves too, so the supergroup is not sent what the group already got.
      q.moveDeliveries.run(toChatId, fromChatId);
      q.moveParts.run(toChatId, fromChatId);
    }),
    delivery(key, issueId) {
      const row = q.getDelivery.get(...keyOf(key), issueId);
      return row ? toDelivery(row) : undefined;
    },
    parts: (key, issueId) =>
      q.parts.all(...keyOf(key), issueId).map((r) => ({
        chatId: r.chat_id,
        sub: r.sub,
        issueId: r.issue_id,
        part: r.part,
        status: r.status as 'sending' | 'sent',
        messageId: r.message_id ?? undefined,
        updatedAt: r.updated_at,
      })),
    beginDelivery: db.transaction(({ chatId, sub = 0, issueId, slot, parts, status, now }: Parameters<DigestStore['beginDelivery']>[0]) => {
      q.insertDelivery.run({ chatId, sub, issueId, slot, parts, status: status ?? 'sending', now: iso(now) });
      q.setSlot.run(slot, chatId, sub, slot);
      return toDelivery(q.getDelivery.get(chatId, sub, issueId)!);
    }),
    claimPart(key, issueId, part, now) {
      const [chatId, sub] = keyOf(key);
      if (q.claim.run(chatId, sub, issueId, part, iso(now)).changes === 1) return 'claimed';
      const row = q.partStatus.get(chatId, sub, issueId, part);
      return row?.status === 'sent' ? 'done' : 'in-flight';
    },
    markPartSent(key, issueId, part, messageId, now) {
      q.markSent.run(messageId, iso(now), ...keyOf(key), issueId, part);
    },
    releasePart(key, issueId, part) {
      q.release.run(...keyOf(key), issueId, part);
    },
    finishDelivery(key, issueId, status, now) {
      q.finish.run(status, iso(now), ...keyOf(key), issueId);
    },
    recordFailure(key, issueId) {
      return q.failure.get(...keyOf(key), issueId)?.attempts ?? 0;
    },
    tryAcquireLease: db.transaction((name: string, owner: string, ttlMs: number, nowMs: number) => {
      const held = q.lease.get(name);
      const host = hostname();
      if (held && held.owner !== owner && held.expires_at > nowMs) return false;
      q.putLease.run(name, owner, process.pid, host, nowMs + ttlMs);
      return true;
    }),
    lease(name) {
      const row = q.lease.get(name);
      return row && { owner: row.owner, pid: row.pid, host: row.host, expiresAt: row.expires_at };
    },
    releaseLease(name, owner) {
      q.dropLease.run(name, owner);
    },
    close() {
      db.close();
    },
  };
  return store;
}
