import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

const base = { SEEDS_DIR: 'seeds', CONFIG_DIR: 'config', DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cfg-data-')) };

function configErrorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ ...base, ...env }, { dotenvPath: '/nonexistent/.env' });
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('accepts an empty environment and fills the defaults', () => {
    const config = loadConfig({ ...base }, { dotenvPath: '/nonexistent/.env' });
    expect(config.botToken).toBeUndefined();
    expect(config.timeZone).toBe('Asia/Shanghai');
    expect(config.logLevel).toBe('info');
    expect(config.paper.name).toBe('昌吉日报');
    expect(config.adminIds).toEqual([]);
  });

  it('reads ADMIN_IDS, LOG_LEVEL and the API root', () => {
    const config = loadConfig({ ...base, ADMIN_IDS: '1, 22', LOG_LEVEL: 'DEBUG', TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }, { dotenvPath: '/nonexistent/.env' });
    expect(config.adminIds).toEqual([1, 22]);
    expect(config.logLevel).toBe('debug');
    expect(config.personLogLevel).toBe('debug');
    expect(loadConfig({ ...base }, { dotenvPath: '/nonexistent/.env' })).toMatchObject({ logLevel: 'info', personLogLevel: 'warn' });
    expect(config.apiRoot).toBe('http://127.0.0.1:9');
  });

  it.each([
    ['BOT_TOKEN', 'not-a-token'],
    ['PAPER_TIME_ZONE', 'Mars/Olympus'],
    ['LOG_LEVEL', 'loud'],
    ['ADMIN_IDS', '12,abc'],
    ['TELEGRAM_API_ROOT', 'ftp://x'],
    ['PORT', '99999'],
    ['SEEDS_DIR', '/nonexistent/seeds'],
    ['WEBHOOK_SECRET', 'has spaces!'],
    ['SEEDS_DIR', 'package.json'],
    ['DATA_DIR', 'package.json'],
  ])('names %s when its value is bad', (variable, value) => {
    const err = configErrorFor({ [variable]: value });
    expect(err.variable).toBe(variable);
    expect(err.message).toContain(variable);
  });

  it('requires a webhook secret in webhook mode', () => {
    const err = configErrorFor({ WEBHOOK_URL: 'https://bot.example.com/hook' });
    expect(err.variable).toBe('WEBHOOK_SECRET');
    expect(loadConfig({ ...base, WEBHOOK_URL: 'https://bot.example.com/hook', WEBHOOK_SECRET: 'abc_123' }, { dotenvPath: '/nonexistent/.env' }).webhookSecret).toBe('abc_123');
  });

  it('takes the time zone from PAPER_TIME_ZONE, else from the paper, never from the host\'s TZ', () => {
    expect(loadConfig({ ...base, PAPER_TIME_ZONE: 'Asia/Urumqi' }, { dotenvPath: '/nonexistent/.env' }).timeZone).toBe('Asia/Urumqi');
    expect(loadConfig({ ...base, TZ: 'Europe/Berlin' }, { dotenvPath: '/nonexistent/.env' }).timeZone).toBe('Asia/Shanghai');
    expect(loadConfig({ ...base }, { dotenvPath: '/nonexistent/.env' }).timeZone).toBe('Asia/Shanghai');
  });
});

describe('.env.example', () => {
  it('lists every variable loadConfig reads, and no other', () => {
    const read = new Set<string>();
    const env = new Proxy({ ...base } as NodeJS.ProcessEnv, {
      get(target, key) {
        if (typeof key === 'string') read.add(key);
        return target[key as string];
      },
    });
    loadConfig(env, { dotenvPath: '/nonexistent/.env' });
    const listed = readFileSync(fileURLToPath(new URL('../.env.example', import.meta.url)), 'utf8')
      .split('\n')
      .map((line) => /^([A-Z_]+)=/.exec(line)?.[1])
      .filter((name): name is string => name !== undefined);
    expect(read.size).toBeGreaterThan(10);
    expect(new Set(listed)).toEqual(read);
  });
});
