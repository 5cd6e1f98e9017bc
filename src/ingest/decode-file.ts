import { IngestError } from '../errors.js';

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Whether the bytes are UTF-16 text: a byte-order mark (FF FE / FE FF), or, without one, NUL bytes
 * at nearly every even (big-endian) or odd (little-endian) offset where line breaks and ASCII fall.
 */
function utf16Order(bytes: Uint8Array): 'little-endian' | 'big-endian' | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  if (bytes.length % 2 !== 0) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) i % 2 === 0 ? even++ : odd++;
  // ASCII (line breaks, digits, punctuation) puts its NUL on one side only; a binary file has NULs on both.
  if (odd >= 4 && even * 20 < odd) return 'little-endian';
  if (even >= 4 && odd * 20 < even) return 'big-endian';
  return undefined;
}

/** Below this share of Chinese characters (among letters and digits) a file is not an issue of a Chinese paper. */
export const MIN_HAN_SHARE = 0.3;

/**
 * The share of Han characters among the letters and digits of `text` (punctuation, symbols, spaces and
 * markup characters aside). Real issues, HTML tags and Latin names included, are above 0.85; base64 noise,
 * code or a Latin-only export is near 0.
 */
export function hanShare(text: string): { han: number; letters: number } {
  let han = 0;
  let letters = 0;
  for (const ch of text) {
    if (/[\s\p{P}\p{S}]/u.test(ch)) continue;
    letters++;
    if (/\p{Script=Han}/u.test(ch)) han++;
  }
  return { han, letters };
}

/**
 * Decodes the bytes of an issue file strictly as UTF-8 (with or without BOM). Throws an IngestError
 * naming the file, saying what is wrong and what to do, when the file is empty, binary (NUL bytes)
 * or not UTF-8 (for example GBK), or when it holds almost no Chinese text: such a file would otherwise become
 * an "issue" of noise, dated by its file time, and reach every subscriber's digest as the newest issue.
 */
export function decodeIssueFile(bytes: Uint8Array, file: string): string {
  if (bytes.length === 0) throw new IngestError(`${file} is empty (0 bytes); nothing to ingest. Remove it or copy the issue text into it.`, file);
  const utf16 = utf16Order(bytes);
  if (utf16 !== undefined) {
    throw new IngestError(
      `${file} is UTF-16 text (${utf16}, as Windows saves "Unicode" text), not UTF-8; skipped. Convert it, e.g. \`iconv -f UTF-16 -t UTF-8 ${file} > converted.txt\`, and replace the file with the result.`,
      file,
    );
  }
  if (bytes.includes(0)) {
    throw new IngestError(`${file} looks binary (it contains NUL bytes), not a text issue file; skipped. Issue files must be UTF-8 text.`, file);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    const at = firstInvalidUtf8(bytes);
    throw new IngestError(
      `${file} is not valid UTF-8 (first bad byte at offset ${at}; GBK/GB18030?); skipped. Convert it, e.g. \`iconv -f GB18030 -t UTF-8\`.`,
      file,
      { cause },
    );
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    throw new IngestError(`${file} holds only whitespace; nothing to ingest. Remove it or copy the issue text into it.`, file);
  }
  const { han, letters } = hanShare(text);
  if (han < letters * MIN_HAN_SHARE) {
    throw new IngestError(
      `${file} holds almost no Chinese text (${han} of ${letters} letters and digits are Chinese characters), so it is not an issue of the paper; skipped. Check that it is the issue's text file (not a scan, code or an export in another format), or move it out of the seeds directory.`,
      file,
    );
  }
  return text;
}
