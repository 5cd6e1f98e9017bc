import type Database from 'better-sqlite3';
import type { Logger } from '../logger.js';

/** One schema step. `version` is what `PRAGMA user_version` reads after it has run. */
export interface Migration {
  version: number;
  description: string;
  up: string;
}

/**
 * The digest store's schema history. Append only: never edit a step that has shipped,
 * because databases in the field have already run it.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'subscriptions, deliveries and delivery parts',
    up: `
      CREATE TABLE subscriptions (
        chat_id            INTEGER PRIMARY KEY,
        chat_kind          TEXT    NOT NULL,
        delivery_time      TEXT    NOT NULL CHECK (delivery_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        filter             TEXT,
        active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        active_since       TEXT    NOT NULL,
        last_slot          TEXT,
        deactivated_reason TEXT,
        created_at         TEXT    NOT NULL,
        updated_at         TEXT    NOT NULL
      ) STRICT;
      CREATE TABLE deliveries (
        chat_id     INTEGER NOT NULL,
        issue_id    TEXT    NOT NULL,
        slot        TEXT    NOT NULL,
        status      TEXT    NOT NULL CHECK (status IN ('sending', 'sent', 'empty', 'failed')),
        parts       INTEGER NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        started_at  TEXT    NOT NULL,
        finished_at TEXT,
        PRIMARY KEY (chat_id, issue_id)
      ) STRICT;
      CREATE TABLE delivery_parts (
        chat_id    INTEGER NOT NULL,
        issue_id   TEXT    NOT NULL,
        part       INTEGER NOT NULL,
        status     TEXT    NOT NULL CHECK (status IN ('sending', 'sent')),
        message_id INTEGER,
        updated_at TEXT    NOT NULL,
        PRIMARY KEY (chat_id, issue_id, part)
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'index for the due scan, and the fan-out lease',
    up: `
      CREATE INDEX subscriptions_active ON subscriptions (active, delivery_time);
      -- One fan-out at a time across processes (the bot and a cron "digest --once" may share a database).
      CREATE TABLE leases (
        name       TEXT    PRIMARY KEY,
        owner      TEXT    NOT NULL,
        pid        INTEGER NOT NULL,
        host       TEXT    NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 3,
    description: 'on-this-day digest section per subscription; per-chat reply script',
    up: `
      -- Existing subscriptions keep everything and get the section off.
      ALTER TABLE subscriptions ADD COLUMN on_this_day INTEGER NOT NULL DEFAULT 0 CHECK (on_this_day IN (0, 1));
      -- A chat's chosen script (/settings 简体/繁體); no row = follow the script the reader writes in.
      CREATE TABLE chat_settings (
        chat_id    INTEGER PRIMARY KEY,
        script     TEXT    CHECK (script IN ('simplified', 'traditional')),
        updated_at TEXT    NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    description: 'several subscriptions per chat: subscriptions and the delivery log keyed by (chat, sub)',
    up: `
      -- Every existing row becomes the chat's subscription number 0 and keeps all it had.
      CREATE TABLE subscriptions_v4 (
        chat_id            INTEGER NOT NULL,
        sub                INTEGER NOT NULL DEFAULT 0 CHECK (sub >= 0),
        chat_kind          TEXT    NOT NULL,
        delivery_time      TEXT    NOT NULL CHECK (delivery_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        filter             TEXT,
        active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        active_since       TEXT    NOT NULL,
        last_slot          TEXT,
        deactivated_reason TEXT,
        created_at         TEXT    NOT NULL,
        updated_at         TEXT    NOT NULL,
        on_this_day        INTEGER NOT NULL DEFAULT 0 CHECK (on_this_day IN (0, 1)),
        PRIMARY KEY (chat_id, sub)
      ) STRICT;
      INSERT INTO subscriptions_v4 (chat_id, sub, chat_kind, delivery_time, filter, active, active_since, last_slot,
                                    deactivated_reason, created_at, updated_at, on_this_day)
        SELECT chat_id, 0, chat_kind, delivery_time, filter, active, active_since, last_slot,
               deactivated_reason, created_at, updated_at, on_this_day FROM subscriptions;
      DROP TABLE subscriptions;
      ALTER TABLE subscriptions_v4 RENAME TO subscriptions;
      CREATE INDEX subscriptions_active ON subscriptions (active, delivery_time);

      CREATE TABLE deliveries_v4 (
        chat_id     INTEGER NOT NULL,
        sub         INTEGER NOT NULL DEFAULT 0,
        issue_id    TEXT    NOT NULL,
        slot        TEXT    NOT NULL,
        status      TEXT    NOT NULL CHECK (status IN ('sending', 'sent', 'empty', 'failed')),
        parts       INTEGER NOT NULL,
        attempts    INTEGER NOT NULL DEFAULT 0,
        started_at  TEXT    NOT NULL,
        finished_at TEXT,
        PRIMARY KEY (chat_id, sub, issue_id)
      ) STRICT;
      INSERT INTO deliveries_v4 (chat_id, sub, issue_id, slot, status, parts, attempts, started_at, finished_at)
        SELECT chat_id, 0, issue_id, slot, status, parts, attempts, started_at, finished_at FROM deliveries;
      DROP TABLE deliveries;
      ALTER TABLE deliveries_v4 RENAME TO deliveries;

      CREATE TABLE delivery_parts_v4 (
        chat_id    INTEGER NOT NULL,
        sub        INTEGER NOT NULL DEFAULT 0,
        issue_id   TEXT    NOT NULL,
        part       INTEGER NOT NULL,
        status     TEXT    NOT NULL CHECK (status IN ('sending', 'sent')),
        message_id INTEGER,
        updated_at TEXT    NOT NULL,
        PRIMARY KEY (chat_id, sub, issue_id, part)
      ) STRICT;
      INSERT INTO delivery_parts_v4 (chat_id, sub, issue_id, part, status, message_id, updated_at)
        SELECT chat_id, 0, issue_id, part, status, message_id, updated_at FROM delivery_parts;
      DROP TABLE delivery_parts;
      ALTER TABLE delivery_parts_v4 RENAME TO delivery_parts;
    `,
  },
];

/** The schema version this build writes. A database with a higher `user_version` came from a newer build. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/**
 * Runs every migration above the database's `user_version`, in order, each in its own transaction
 * together with the version bump, so a failing step leaves the database at the previous version.
 */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[], logger: Logger): number {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  let current = db.pragma('user_version', { simple: true }) as number;
  for (const m of sorted) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
    logger.info({ from: current, to: m.version, migration: m.description }, 'store migrated');
    current = m.version;
  }
  return current;
}
