import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { loadProfile } from '../../src/profile/load-profile.js';

const repoConfig = fileURLToPath(new URL('../../config/', import.meta.url));

/** A copy of the repository's profile to break. */
function profileCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'profile-'));
  cpSync(repoConfig, dir, { recursive: true });
  return dir;
}

function errorOf(dir: string): ConfigError {
  try {
    loadProfile(dir);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

const editJson = (dir: string, file: string, edit: (data: Record<string, unknown>) => void) => {
  const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, unknown>;
  edit(data);
  writeFileSync(path.join(dir, file), JSON.stringify(data));
};

describe('loadProfile', () => {
  it('reads every file of the repository profile', () => {
    const profile = loadProfile(repoConfig);
    expect(profile.paper.name).toBe('昌吉日报');
    expect(profile.topics.topics.length).toBeGreaterThan(0);
    expect(profile.topics.region?.aliases).toContain('昌吉州');
    expect(profile.stopwords.has('的')).toBe(true);
    expect(profile.genericNouns.size).toBeGreaterThan(0);
    expect(profile.publicationCues).toEqual(expect.arrayContaining(['报纸', '报道', '见报', '那期']));
    expect(profile.userDict).toContain('石门子水库');
    // Comments are not data.
    expect([...profile.stopwords, ...profile.publicationCues, ...profile.userDict.split('\n')].some((w) => w.startsWith('#'))).toBe(false);
    // The repository's manifest holds no guessed dates.
    expect(profile.manifest).toEqual({});
  });

  it('refuses a malformed topics.json, naming the file, the place and the fix', () => {
    const dir = profileCopy();
    editJson(dir, 'topics.json', (d) => {
      (d.topics as { keywords: unknown }[])[1]!.keywords = '农业';
    });
    const err = errorOf(dir);
    expect(err.variable).toBe('CONFIG_DIR');
    expect(err.message).toContain(path.join(dir, 'topics.json'));
    expect(err.message).toContain('topics.1.keywords');
    expect(err.message).toMatch(/Fix it; the shape is \{ "topics"/);
    writeFileSync(path.join(dir, 'topics.json'), '{ "topics": [');
    expect(errorOf(dir).message).toMatch(/topics\.json is not valid JSON .*Fix the syntax/);
    rmSync(dir, { recursive: true });
  });

  it.each(['stopwords.txt', 'generic-nouns.txt', 'publication-cues.txt', 'synonyms.txt', 'userdict.txt', 'manifest.json', 'paper.json'])('refuses a profile without %s, saying how to fix it', (file) => {
    const dir = profileCopy();
    rmSync(path.join(dir, file));
    const err = errorOf(dir);
    expect(err.message).toContain(`${path.join(dir, file)} is missing`);
    expect(err.message).toMatch(/Create it .* or set CONFIG_DIR/);
    rmSync(dir, { recursive: true });
  });

  it('refuses an unknown key, naming it and where it is', () => {
    const dir = profileCopy();
    editJson(dir, 'paper.json', (d) => {
      d.timezone = 'Asia/Urumqi';
    });
    expect(errorOf(dir).message).toMatch(/paper\.json: unknown key "timezone" \(a misspelling\?/);
    cpSync(path.join(repoConfig, 'paper.json'), path.join(dir, 'paper.json'));
    editJson(dir, 'topics.json', (d) => {
      (d.places as Record<string, unknown>[])[0]!.alias = ['x'];
    });
    expect(errorOf(dir).message).toMatch(/topics\.json: unknown key "alias" in places\.0/);
    rmSync(dir, { recursive: true });
  });

  it('refuses an unknown key in a manifest entry (a misspelt number would silently be lost), naming it', () => {
    const dir = profileCopy();
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ issues: { '2024/11/07/*': { date: '2024-11-07', numbr: 12124 } } }));
    expect(errorOf(dir).message).toMatch(/manifest\.json: unknown key "numbr" in issues\.2024\/11\/07\/\* \(a misspelling\?/u);
    rmSync(dir, { recursive: true });
  });

  it('refuses a manifest entry without a real date, naming the entry', () => {
    const dir = profileCopy();
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ issues: { 'a.txt': { date: '2025-03-08', number: 12200 }, 'b.txt': { date: '2025-02-30' } } }));
    expect(errorOf(dir).message).toMatch(/manifest\.json: "issues\.b\.txt\.date" must be a real date written YYYY-MM-DD/);
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ issues: { 'a.txt': { date: '2025-03-08', number: 12200 } } }));
    expect(loadProfile(dir).manifest).toEqual({ 'a.txt': { date: '2025-03-08', number: 12200 } });
    rmSync(dir, { recursive: true });
  });

  it('refuses a paper without a name or with an unknown time zone', () => {
    const dir = profileCopy();
    editJson(dir, 'paper.json', (d) => {
      delete d.name;
    });
    expect(errorOf(dir).message).toMatch(/paper\.json: "name" is required/);
    cpSync(path.join(repoConfig, 'paper.json'), path.join(dir, 'paper.json'));
    editJson(dir, 'paper.json', (d) => {
      d.timeZone = 'Asia/Changji';
    });
    expect(errorOf(dir).message).toMatch(/"timeZone" must be a known IANA time zone/);
    rmSync(dir, { recursive: true });
  });

  it('has a fingerprint that changes with any file and only then', () => {
    const dir = profileCopy();
    const before = loadProfile(dir).fingerprint;
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(loadProfile(dir).fingerprint).toBe(before);
    writeFileSync(path.join(dir, 'generic-nouns.txt'), `${readFileSync(path.join(dir, 'generic-nouns.txt'), 'utf8')}\n场所\n`);
    expect(loadProfile(dir).fingerprint).not.toBe(before);
    rmSync(dir, { recursive: true });
  });
});
