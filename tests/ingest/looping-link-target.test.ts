import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loopingLinkTarget } from '../../src/ingest/looping-link-target.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'looping-link-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('loopingLinkTarget', () => {
  it('names links that loop into the tree or onto a parent, and not real folders or links to folders elsewhere', () => {
    const seeds = path.join(root, 'seeds');
    const elsewhere = path.join(root, 'elsewhere');
    mkdirSync(path.join(seeds, '2024', '11'), { recursive: true });
    mkdirSync(path.join(elsewhere, 'deep'), { recursive: true });
    symlinkSync('.', path.join(seeds, 'loop'));
    symlinkSync('..', path.join(seeds, '2024', 'up'));
    symlinkSync(elsewhere, path.join(seeds, 'old'));
    symlinkSync('..', path.join(elsewhere, 'deep', 'back'));
    const real = realpathSync(seeds);
    expect(loopingLinkTarget(seeds, real, path.join(seeds, 'loop'))).toBe(real);
    expect(loopingLinkTarget(seeds, real, path.join(seeds, '2024', 'up'))).toBe(real);
    expect(loopingLinkTarget(seeds, real, path.join(seeds, 'old', 'deep', 'back'))).toBe(realpathSync(elsewhere));
    expect(loopingLinkTarget(seeds, real, path.join(seeds, '2024', '11'))).toBeUndefined();
    expect(loopingLinkTarget(seeds, real, path.join(seeds, 'old'))).toBeUndefined();
    expect(loopingLinkTarget(seeds, real, path.join(seeds, 'old', 'deep'))).toBeUndefined();
  });
});
