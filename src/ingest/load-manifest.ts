import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { isIsoDate } from '../text/calendar.js';
import type { Manifest, ManifestEntry } from './manifest.js';

/**
 * Reads `manifest.json` from the config directory: `{ "issues": { "<file>": { "date": "YYYY-MM-DD", "number"?: N } } }`.
 * A missing file is an empty manifest; unreadable JSON is a ConfigError; an entry with a bad date
 * is left out with a warning (the issue then falls back to its masthead or the text).
 */
export async function loadManifest(configDir: string): Promise<{ manifest: Manifest; warnings: string[] }> {
  const file = path.join(configDir, 'manifest.json');
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: {}, warnings: [] };
    throw new ConfigError(`Cannot read the issue manifest ${file}: ${(cause as Error).message}.`, 'CONFIG_DIR', { cause });
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (cause) {
    throw new ConfigError(`The issue manifest ${file} is not valid JSON (${(cause as Error).message}). Fix it or reset it to {"issues": {}}.`, 'CONFIG_DIR', { cause });
  }
  const issues = (data as { issues?: unknown } | null)?.issues;
  if (issues === undefined) return { manifest: {}, warnings: [] };
  if (typeof issues !== 'object' || issues === null || Array.isArray(issues)) {
    throw new ConfigError(`${file}: "issues" must be an object keyed by file name.`, 'CONFIG_DIR');
  }
  const manifest: Manifest = {};
  const warnings: string[] = [];
  for (const [name, value] of Object.entries(issues as Record<string, unknown>)) {
    const v = value as Partial<ManifestEntry> | null;
    if (!v || typeof v.date !== 'string' || !isIsoDate(v.date)) {
      warnings.push(`manifest entry for ${name} has no valid "date" (YYYY-MM-DD); ignored`);
      continue;
    }
    if (v.number !== undefined && (!Number.isInteger(v.number) || v.number <= 0)) {
      warnings.push(`manifest entry for ${name} has an invalid "number"; ignored`);
      continue;
    }
    manifest[name] = { date: v.date, ...(v.number !== undefined ? { number: v.number } : {}), ...(typeof v.note === 'string' ? { note: v.note } : {}) };
  }
  return { manifest, warnings };
}
