import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { ConfigError } from '../errors.js';
import type { PaperProfile } from './paper-profile.js';
import { JSON_FILES, TEXT_FILES, type JsonFiles, type TextFiles } from './profile-files.js';

/**
 * Reads and validates the whole paper profile in `configDir` (paper.json, topics.json, manifest.json
 * and the word lists) once. Any problem — a missing file, JSON that does not parse, a value of the
 * wrong kind, a key the profile does not know — throws one ConfigError naming the file and the fix.
 *
 * @example
 * const profile = loadProfile('config');
 * createTokenizer(profile); // stopwords, userDict, genericNouns
 */
export function loadProfile(configDir: string): PaperProfile {
  const dir = path.resolve(configDir);
  const hash = createHash('sha256');
  const read = (file: string, what: string): string => {
    const full = path.join(dir, file);
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch (cause) {
      const reason = (cause as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read (${(cause as Error).message})`;
      throw new ConfigError(
        `${full} ${reason}. Every paper profile needs it: ${what}. Create it (a list may hold only # comments) or set CONFIG_DIR to the folder that has it.`,
        'CONFIG_DIR',
        { cause },
      );
    }
    hash.update(`${file}\u0000${text.length}\u0000${text}\u0000`);
    return text;
  };

  const json = {} as Record<string, unknown>;
  for (const [key, spec] of Object.entries(JSON_FILES)) {
    json[key] = parseJsonFile(path.join(dir, spec.file), read(spec.file, `the shape is ${spec.shape}`), spec.schema, spec.shape);
  }
  const lists = {} as Record<string, unknown>;
  for (const [key, spec] of Object.entries(TEXT_FILES)) lists[key] = spec.parse(read(spec.file, spec.what));

  return { dir, ...(json as JsonFiles), ...(lists as TextFiles), fingerprint: hash.digest('hex') };
}

function parseJsonFile(file: string, text: string, schema: v.GenericSchema, shape: string): unknown {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError(`${file} is not valid JSON (${(cause as Error).message}). Fix the syntax; the shape is ${shape}.`, 'CONFIG_DIR', { cause });
  }
  const result = v.safeParse(schema, raw);
  if (result.success) return result.output;
  throw new ConfigError(`${file}: ${describeIssue(result.issues[0])}. Fix it; the shape is ${shape}.`, 'CONFIG_DIR');
}

/** One readable sentence for valibot's first issue: where in the file, and what is wrong there. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const at = v.getDotPath(issue);
  if (issue.type === 'strict_object' && issue.expected === 'never') {
    const key = issue.path?.at(-1)?.key;
    const parent = issue.path && issue.path.length > 1 ? v.getDotPath({ ...issue, path: issue.path.slice(0, -1) } as v.BaseIssue<unknown>) : null;
    return `unknown key "${String(key)}"${parent ? ` in ${parent}` : ''} (a misspelling? remove it or use a known key)`;
  }
  const where = at ? `"${at}"` : 'the top level';
  if (issue.kind === 'schema' && issue.received === 'undefined') return `${where} is required`;
  return `${where} ${issue.kind === 'schema' ? `should be ${issue.expected}, got ${issue.received}` : issue.message}`;
}
