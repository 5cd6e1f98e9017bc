/** Telegram rejects a message whose text is longer than this (counted after entity parsing). */
export const MESSAGE_LIMIT = 4096;

type Token =
  | { kind: 'open'; raw: string; name: string }
  | { kind: 'close'; raw: string; name: string }
  | { kind: 'text'; raw: string; visible: boolean };

interface OpenTag {
  name: string;
  raw: string;
  /** Formatting given up because its markup would not fit (only in pathological nesting). */
  hidden: boolean;
}

/** Where a chunk may end: after token `cut`, with these tags still open. */
interface Break {
  cut: number;
  pieces: number;
  stack: OpenTag[];
  length: number;
  strength: 1 | 2 | 3;
}

const TOKEN = /<\/?([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>|&(?:#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);|[\s\S]/gu;
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '…']);
const CLOSING_PUNCT = new Set(['”', '’', '」', '』', '）', ')', '》', '"']);
const CLAUSE_END = new Set(['，', '、', '；', '：', ',', ';', ' ']);
/** Room kept for text when opening a tag at the start of a message: the longest entity (&#x10FFFF;) fits. */
const TEXT_RESERVE = 10;
const MIN_LIMIT = 12;

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  for (const m of html.matchAll(TOKEN)) {
    const raw = m[0];
    const name = m[1]?.toLowerCase();
    if (name !== undefined) tokens.push(raw.startsWith('</') ? { kind: 'close', raw, name } : { kind: 'open', raw, name });
    else tokens.push({ kind: 'text', raw, visible: raw.trim() !== '' });
  }
  return tokens;
}

const shown = (stack: readonly OpenTag[]) => stack.filter((t) => !t.hidden);
const closers = (stack: readonly OpenTag[]): string =>
  shown(stack)
    .map((t) => `</${t.name}>`)
    .reverse()
    .join('');
const openers = (stack: readonly OpenTag[]): string =>
  shown(stack)
    .map((t) => t.raw)
    .join('');

/**
 * Splits a well-formed HTML message into messages of at most `limit` characters each.
 *
 * Cuts fall, in order of preference, at a line break in the second half of the message, at the end
 * of a sentence (。！？, with any closing quote), at a clause break (，、；), and only failing those
 * between two characters — never inside a tag or an entity. Tags open at a cut are closed at the
 * end of one message and reopened at the start of the next, so every message is well-formed.
 * The limit is applied to the raw HTML, which is never shorter than what Telegram counts.
 *
 * @example splitHtmlMessage('<b>第一句。</b>第二句。', 12) // ['<b>第一句。</b>', '第二句。']
 */
export function splitHtmlMessage(html: string, limit = MESSAGE_LIMIT): string[] {
  const tokens = tokenize(html);
  if (html.length <= limit) return tokens.some((t) => t.kind === 'text' && t.visible) ? [html] : [];
  if (limit < MIN_LIMIT) throw new RangeError(`splitHtmlMessage: a limit below ${MIN_LIMIT} characters cannot hold markup`);

  const chunks: string[] = [];
  let i = 0;
  let stack: OpenTag[] = [];
  while (i < tokens.length) {
    // Skip whitespace left over from the cut; reopen what the previous message closed.
    while (i < tokens.length && tokens[i]!.kind === 'text' && !(tokens[i] as { visible: boolean }).visible) i++;
    if (i >= tokens.length) break;
    if (openers(stack).length + closers(stack).length > limit / 2) {
      // Only absurd nesting gets here: give up its formatting rather than the text.
      stack = stack.map((t) => ({ ...t, hidden: true }));
    }
    let current = stack;
    const pieces: string[] = [openers(stack)];
    let length = pieces[0]!.length;
    let visible = false;
    const breaks: Break[] = [];
    let cut: { index: number; pieces: number; stack: OpenTag[] } | undefined;

    for (; i < tokens.length; i++) {
      const token = tokens[i]!;
      let next = current;
      let raw = token.raw;
      if (token.kind === 'open') {
        const tag = { name: token.name, raw: token.raw, hidden: false };
        next = [...current, tag];
        if (!visible && length + raw.length + closers(next).length + TEXT_RESERVE > limit) {
          tag.hidden = true;
          raw = '';
        }
      } else if (token.kind === 'close') {
        const idx = current.map((t) => t.name).lastIndexOf(token.name);
        if (idx !== -1 && current[idx]!.hidden) raw = '';
        next = idx === -1 ? current : [...current.slice(0, idx), ...current.slice(idx + 1)];
      }
      if (length + raw.length + closers(next).length > limit) {
        // Unreachable with the reserve above; guards against a loop that would make no progress.
        if (!visible) throw new RangeError(`splitHtmlMessage: a limit of ${limit} cannot hold "${token.raw}"`);
        const chosen = chooseBreak(breaks, limit);
        cut = chosen ? { index: chosen.cut, pieces: chosen.pieces, stack: chosen.stack } : { index: i, pieces: pieces.length, stack: current };
        break;
      }
      pieces.push(raw);
      length += raw.length;
      current = next;
      if (token.kind === 'text' && token.visible) visible = true;
      if (!visible) continue;
      const last = breaks[breaks.length - 1];
      if (token.kind === 'close' && last !== undefined && last.cut === i) {
        // A cut right before a closing tag moves after it, so the next message does not open with an empty <b></b>.
        breaks[breaks.length - 1] = { ...last, cut: i + 1, pieces: pieces.length, stack: current, length };
        continue;
      }
      const strength = breakStrength(tokens, i);
      if (strength !== 0) breaks.push({ cut: i + 1, pieces: pieces.length, stack: current, length, strength });
    }
    if (cut === undefined) {
      // The rest fitted. Only closing tags or whitespace left over: nothing a reader would see.
      if (!visible) break;
      cut = { index: tokens.length, pieces: pieces.length, stack: current };
    }
    chunks.push(pieces.slice(0, cut.pieces).join('').replace(/\s+$/u, '') + closers(cut.stack));
    i = cut.index;
    stack = cut.stack;
  }
  return chunks;
}

/** 3: line break, 2: end of sentence, 1: clause break, 0: not a place to cut. */
function breakStrength(tokens: readonly Token[], i: number): 0 | 1 | 2 | 3 {
  const token = tokens[i]!;
  if (token.kind !== 'text') return 0;
  const c = token.raw;
  if (c === '\n') return 3;
  const following = tokens[i + 1];
  const nextChar = following?.kind === 'text' ? following.raw : '';
  if (SENTENCE_END.has(c)) return CLOSING_PUNCT.has(nextChar) || SENTENCE_END.has(nextChar) ? 0 : 2;
  if (CLOSING_PUNCT.has(c)) {
    const prev = tokens[i - 1];
    if (prev?.kind === 'text' && SENTENCE_END.has(prev.raw) && !CLOSING_PUNCT.has(nextChar)) return 2;
  }
  return CLAUSE_END.has(c) ? 1 : 0;
}

function chooseBreak(breaks: readonly Break[], limit: number): Break | undefined {
  const latest = (pred: (b: Break) => boolean) => [...breaks].reverse().find(pred);
  return latest((b) => b.strength === 3 && b.length >= limit / 2) ?? latest((b) => b.strength >= 2) ?? latest((b) => b.strength >= 1);
}
