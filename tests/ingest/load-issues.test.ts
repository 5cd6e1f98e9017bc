import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaperConfig } from '../../src/config.js';
import { IngestError } from '../../src/errors.js';
import { decodeIssueFile, hanShare, MIN_HAN_SHARE } from '../../src/ingest/decode-file.js';
import { loadIssueFile, loadIssues } from '../../src/ingest/load-issues.js';
import { createSilentLogger } from '../../src/logger.js';

const fixtures = fileURLToPath(new URL('../fixtures/ingest/', import.meta.url));
const seedsRoot = fileURLToPath(new URL('../../seeds/', import.meta.url));
const seed000 = readdirSync(seedsRoot).find((f) => f.startsWith('000_'))!;
const paper: PaperConfig = {
  name: '昌吉日报',
  nameLatin: 'CHANGJI RIBAO',
  timeZone: 'Asia/Shanghai',
  mastheadMarkers: ['丝路昌吉客户端', '主管主办', '日报社出版', '国内统一刊号', '邮发代号', 'CHANGJI RIBAO'],
};
const logger = createSilentLogger();

let root: string;
let seedsDir: string;
const manifest = {};
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'load-issues-'));
  seedsDir = path.join(root, 'seeds');
  mkdirSync(seedsDir);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A folder with two good issues and one of each kind of bad file. */
function writeMixedFolder() {
  copyFileSync(path.join(fixtures, 'markdown-groups.txt'), path.join(seedsDir, 'a-good.txt'));
  copyFileSync(path.join(fixtures, 'hard-wrapped.txt'), path.join(seedsDir, 'f-good.txt'));
  writeFileSync(path.join(seedsDir, 'b-empty.txt'), '');
  writeFileSync(path.join(seedsDir, 'c-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]));
  // 测试 in GBK, then ASCII
  writeFileSync(path.join(seedsDir, 'd-gbk.txt'), Buffer.concat([Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from(' news text\n')]));
  copyFileSync(path.join(fixtures, 'masthead-only.txt'), path.join(seedsDir, 'e-masthead.txt'));
  writeFileSync(path.join(seedsDir, 'notes.md'), 'not an issue');
}

describe('loadIssues', () => {
  it('warns once per bad file, naming it, and still ingests the others', async () => {
    writeMixedFolder();
    const { issues, warnings } = await loadIssues({ seedsDir, manifest, paper, logger });
    expect(issues.map((i) => i.file)).toEqual(['a-good.txt', 'f-good.txt']);
    expect(warnings.map((w) => w.file)).toEqual(['b-empty.txt', 'c-binary.txt', 'd-gbk.txt', 'e-masthead.txt']);
    for (const w of warnings) expect(w.message).toContain(w.file);
    expect(warnings[0]!.message).toMatch(/empty/);
    expect(warnings[1]!.message).toMatch(/binary/);
    expect(warnings[2]!.message).toMatch(/not valid UTF-8.*GBK/);
    expect(warnings[3]!.message).toMatch(/only a masthead/);
  });

  it('reports progress after each file', async () => {
    writeMixedFolder();
    const seen: string[] = [];
    await loadIssues({ seedsDir, manifest, paper, logger, onProgress: (done, total, file) => seen.push(`${done}/${total} ${file}`) });
    expect(seen).toEqual(['1/6 a-good.txt', '2/6 b-empty.txt', '3/6 c-binary.txt', '4/6 d-gbk.txt', '5/6 e-masthead.txt', '6/6 f-good.txt']);
  });

  it('dates an issue from the manifest, flagged manifest', async () => {
    copyFileSync(path.join(fixtures, 'hard-wrapped.txt'), path.join(seedsDir, 'h.txt'));
    const manifest = { 'h.txt': { date: '2025-09-03', number: 12300 }, 'gone.txt': { date: '2025-01-01' } };
    const { issues, warnings } = await loadIssues({ seedsDir, manifest, paper, logger });
    expect(issues[0]).toMatchObject({ date: '2025-09-03', dateSource: 'manifest', number: 12300 });
    expect(warnings).toEqual([{ file: 'manifest.json', message: expect.stringContaining('gone.txt') }]);
  });

  it('ingests the same ids on every run', async () => {
    writeMixedFolder();
    const a = await loadIssues({ seedsDir, manifest, paper, logger });
    const b = await loadIssues({ seedsDir, manifest, paper, logger });
    expect(b.issues.flatMap((i) => i.articles.map((x) => x.id))).toEqual(a.issues.flatMap((i) => i.articles.map((x) => x.id)));
  });

  it('skips a second copy of an issue under another name, with one warning naming both files', async () => {
    copyFileSync(path.join(seedsRoot, seed000), path.join(seedsDir, seed000));
    copyFileSync(path.join(seedsRoot, seed000), path.join(seedsDir, 'copy-of-000.txt'));
    copyFileSync(path.join(fixtures, 'hard-wrapped.txt'), path.join(seedsDir, 'zz-other.txt'));
    const { issues, warnings } = await loadIssues({ seedsDir, manifest, paper, logger });
    // Name order decides which file is kept: `000_…` sorts before `copy-of-000.txt`.
    expect(issues.map((i) => i.file)).toEqual([seed000, 'zz-other.txt']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.file).toBe('copy-of-000.txt');
    expect(warnings[0]!.message).toContain(seed000);
    expect(warnings[0]!.message).toContain('copy-of-000.txt');
    expect(warnings[0]!.message).toMatch(/duplicate.*12124/);
  });

  it('skips a copy of an issue without a printed number when its date and articles are the same', async () => {
    // Re-saved with other line ends and trailing spaces: the same issue all the same.
    const text = readFileSync(path.join(fixtures, 'markdown-groups.txt'), 'utf8');
    writeFileSync(path.join(seedsDir, 'a.txt'), text);
    writeFileSync(path.join(seedsDir, 'b.txt'), text.replace(/\n/g, '  \r\n'));
    const manifest = { 'a.txt': { date: '2025-04-02' }, 'b.txt': { date: '2025-04-02' } };
    const { issues, warnings } = await loadIssues({ seedsDir, manifest, paper, logger });
    expect(issues.map((i) => i.file)).toEqual(['a.txt']);
    expect(warnings).toEqual([{ file: 'b.txt', message: expect.stringMatching(/b\.txt is a duplicate of a\.txt/) }]);
  });

  it('throws an IngestError naming a missing folder', async () => {
    await expect(loadIssues({ seedsDir: path.join(root, 'nope'), manifest, paper, logger })).rejects.toThrow(IngestError);
  });
});

describe('loadIssueFile', () => {
  it('parses one file dropped into the folder', async () => {
    const file = path.join(seedsDir, 'new.txt');
    copyFileSync(path.join(fixtures, 'headlines-after.txt'), file);
    const { issue, warnings } = await loadIssueFile(file, { paper, logger });
    expect(warnings).toEqual([]);
    expect(issue?.articles).toHaveLength(3);
    expect(issue?.file).toBe('new.txt');
    // No date anywhere in this text: dated by the file's modification day, flagged inferred.
    expect(issue?.dateSource).toBe('inferred');
    expect(issue?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reads a UTF-8 file with BOM and CRLF', async () => {
    const file = path.join(seedsDir, 'bom.txt');
    writeFileSync(file, `\uFEFF## 标题一\r\n\r\n本报讯 记者王明报道：5月10日，文化节开幕。\r\n`);
    const { issue } = await loadIssueFile(file, { paper, logger });
    expect(issue?.articles.map((a) => [a.title, a.paragraphs])).toEqual([['标题一', ['5月10日，文化节开幕。']]]);
  });

  it('warns about a file it cannot read', async () => {
    const { issue, warnings } = await loadIssueFile(path.join(seedsDir, 'missing.txt'), { paper, logger });
    expect(issue).toBeUndefined();
    expect(warnings).toEqual([{ file: 'missing.txt', message: expect.stringContaining('cannot be read') }]);
  });
});

describe('decodeIssueFile', () => {
  it('rejects GBK bytes with the offset of the first bad byte', () => {
    expect(() => decodeIssueFile(Buffer.from([0x61, 0xb2, 0xe2, 0xca, 0xd4]), 'g.txt')).toThrow(/g\.txt is not valid UTF-8 \(first bad byte at offset 1/);
  });

  it('recognises UTF-16 (with or without a byte-order mark) and says how to convert it', () => {
    const text = '## 木垒县冬小麦长势喜人\n\n本报讯 眼下，木垒县高标准农田里的冬小麦陆续出苗。\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(() => decodeIssueFile(le, 'win.txt')).toThrow(/win\.txt is UTF-16 text \(little-endian.*iconv -f UTF-16 -t UTF-8 win\.txt/su);
    const be = Buffer.from(text, 'utf16le').swap16();
    expect(() => decodeIssueFile(be, 'mac.txt')).toThrow(/mac\.txt is UTF-16 text \(big-endian/u);
    expect(() => decodeIssueFile(Buffer.from(text, 'utf16le'), 'nobom.txt')).toThrow(/nobom\.txt is UTF-16 text \(little-endian/u);
  });

  it('still calls a file with NUL bytes everywhere binary', () => {
    expect(() => decodeIssueFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]), 'z.txt')).toThrow(/z\.txt looks binary/u);
  });

  it('accepts a BOM', () => {
    expect(decodeIssueFile(Buffer.from('\uFEFF昌吉', 'utf8'), 'b.txt')).toBe('昌吉');
  });

  it('refuses text with almost no Chinese (base64 noise, code), naming the file and the share', () => {
    const noise = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)).toString('base64');
    expect(() => decodeIssueFile(Buffer.from(`${noise}\n${noise}`, 'utf8'), 'junk.txt')).toThrow(
      /junk\.txt holds almost no Chinese text \(0 of \d+ letters and digits are Chinese characters\)/,
    );
    expect(() => decodeIssueFile(Buffer.from('function main() { return 42; } // 主函数', 'utf8'), 'code.txt')).toThrow(/code\.txt holds almost no Chinese/);
  });

  it('keeps an issue with markup, Latin names and figures among its Chinese text', () => {
    const text = '<p><b>昌吉日报</b> 2024年11月7日 第12124期</p>\n本报讯（记者 Li Ming）昌吉州GDP增长5.2%，新建5G基站1200个，PM2.5浓度下降。';
    expect(decodeIssueFile(Buffer.from(text, 'utf8'), 'ok.txt')).toBe(text);
    expect(hanShare(text).han).toBeGreaterThan(hanShare(text).letters * MIN_HAN_SHARE);
  });
});
