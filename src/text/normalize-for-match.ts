import * as OpenCC from 'opencc-js';

/**
 * Text normalisation for matching only: display text always keeps the original characters.
 *
 * Per character: NFKC (full-width → half-width, compatibility forms such as ① → 1), lowercase;
 * then traditional → simplified (OpenCC, Taiwan standard), so a question typed in 繁体 finds the
 * simplified archive. The same function runs over the archive and over questions, so both sides
 * always agree.
 */

type Convert = (text: string) => string;

let toSimplified: Convert | undefined;
let toTraditionalTw: Convert | undefined;

// Building a converter loads its dictionaries (≈10 ms): do it once, on first use, never on import.
function simplify(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' }));
  return convert(text);
}

/** Simplified → traditional (Taiwan standard). Used by the evaluation to ask the dev questions in 繁体. */
export function toTraditional(text: string): string {
  const convert = (toTraditionalTw ??= OpenCC.Converter({ from: 'cn', to: 'tw' }));
  return convert(text);
}

/** Normalised text plus, for each of its UTF-16 units, the index of the original unit it came from. */
export interface NormalizedText {
  text: string;
  /** `origin[i]` is the index in the input of the character that produced `text[i]`. */
  origin: Int32Array;
}

/**
 * Normalises `text` for matching and keeps a map back to the original, so a match found in the
 * normalised text can be shown (and bolded) in the original.
 *
 * @example normalizeWithMap('ＡＢ臺灣').text === 'ab台湾'
 */
export function normalizeWithMap(text: string): NormalizedText {
  // One pass as in foldForMatch (runs of plain characters sliced, not pushed one by one), with the
  // map in a typed array: every sentence of a shown article goes through here once.
  let origin = new Int32Array(text.length + 16);
  let o = 0;
  let folded = '';
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // Fast path: CJK unified ideographs and ASCII other than capitals are kept as they are.
    if ((code >= 0x4e00 && code <= 0x9fff) || (code < 0x80 && (code < 0x41 || code > 0x5a))) {
      origin[o++] = i;
      i += 1;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const n = code < 0x80 ? String.fromCharCode(code + 32) : ch.normalize('NFKC').toLowerCase();
    folded += text.slice(plainFrom, i) + n;
    if (o + n.length + (text.length - i) > origin.length) {
      const wider = new Int32Array(2 * origin.length + n.length);
      wider.set(origin.subarray(0, o));
      origin = wider;
    }
    // Every unit of what a character became points back at that character's first unit.
    for (let k = 0; k < n.length; k++) origin[o++] = i;
    i += ch.length;
    plainFrom = i;
  }
  folded = plainFrom === 0 ? text : folded + text.slice(plainFrom);
  return { text: simplifyFolded(folded), origin: origin.slice(0, o) };
}

/**
 * The first half of normalizeForMatch: NFKC and lowercase, without traditional → simplified.
 * normalizeForMatch(text) === simplifyFolded(foldForMatch(text)); the archive stores the
 * normalised text of a passage only where the second half changes it (see PassageRecord.norm).
 */
export function foldForMatch(text: string): string {
  let folded = '';
  let plainFrom = 0;
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    // Fast path: CJK unified ideographs and ASCII other than capitals are kept as they are.
    if ((code >= 0x4e00 && code <= 0x9fff) || (code < 0x80 && (code < 0x41 || code > 0x5a))) {
      i += 1;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    folded += text.slice(plainFrom, i) + (code < 0x80 ? String.fromCharCode(code + 32) : ch.normalize('NFKC').toLowerCase());
    i += ch.length;
    plainFrom = i;
  }
  return plainFrom === 0 ? text : folded + text.slice(plainFrom);
}

/** The second half of normalizeForMatch: traditional → simplified over folded text, character for character when a phrase would change the length. */
export function simplifyFolded(folded: string): string {
  const simplified = simplify(folded);
  if (simplified.length === folded.length) return simplified;
  // A phrase conversion changed the length: convert character by character, as normalizeWithMap does.
  return Array.from(folded, (c) => {
    const s = simplify(c);
    return s.length === c.length ? s : c;
  }).join('');
}

/**
 * Normalises text for matching: NFKC, lowercase, traditional → simplified. The same text as
 * normalizeWithMap(text).text, without building the map (it runs over every passage at ingest).
 *
 * @example normalizeForMatch('昌吉州有多少個紅色驛站？') === '昌吉州有多少个红色驿站?'
 */
export function normalizeForMatch(text: string): string {
  return simplifyFolded(foldForMatch(text));
}
