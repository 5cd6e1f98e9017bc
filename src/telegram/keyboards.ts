import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';

/**
 * What a button does, decoded from its callback data. Telegram allows 1–64 bytes of callback data,
 * and a Chinese character takes 3, so buttons carry only ids and numbers; anything longer (a question)
 * stays on the server and the button carries a short key to it.
 */
export type CallbackAction =
  /** Page `page` of the results for a question remembered under `key`. */
  | { kind: 'more'; key: string; page: number }
  /** Read an article, starting at message `part` of its text. */
  | { kind: 'article'; articleId: string; part: number }
  /** Show an issue in place of the message holding the button (◀ / ▶ navigation, lists). */
  | { kind: 'issue'; issueId: string }
  /** Show an issue as a new message (from an article, whose text should stay). */
  | { kind: 'openIssue'; issueId: string }
  /** Page `page` of the list of issues. */
  | { kind: 'issues'; page: number }
  /** Page `page` of the articles of topic number `index` in `archive.topics()`. */
  | { kind: 'topic'; index: number; page: number }
  /** The list of topics. */
  | { kind: 'topics' };

/** Telegram's limit on callback data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

const ID = /^[A-Za-z0-9_-]{1,48}$/;
const NUM = /^\d{1,5}$/;

/**
 * Encodes an action as short callback data: `m:<key>:<page>`, `a:<articleId>:<part>`, `i:<issueId>`,
 * `o:<issueId>`, `il:<page>`, `t:<index>:<page>`, `tl`. Throws on an id that would break the format
 * or the 64-byte limit: ids are short by contract, so that is a bug to surface, not to hide.
 *
 * @example encodeCallback({ kind: 'article', articleId: 'a1b2', part: 0 }) // 'a:a1b2:0'
 */
export function encodeCallback(action: CallbackAction): string {
  const data = (() => {
    switch (action.kind) {
      case 'more':
        return `m:${id(action.key)}:${num(action.page)}`;
      case 'article':
        return `a:${id(action.articleId)}:${num(action.part)}`;
      case 'issue':
        return `i:${id(action.issueId)}`;
      case 'openIssue':
        return `o:${id(action.issueId)}`;
      case 'issues':
        return `il:${num(action.page)}`;
      case 'topic':
        return `t:${num(action.index)}:${num(action.page)}`;
      case 'topics':
        return 'tl';
    }
  })();
  if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT) throw new RangeError(`callback data "${data}" is longer than ${CALLBACK_DATA_LIMIT} bytes`);
  return data;
}

/** The action behind callback data, or undefined for data this bot did not make (stale, forged, another feature's). */
export function decodeCallback(data: string): CallbackAction | undefined {
  const parts = data.split(':');
  const [prefix, a, b] = parts;
  const isId = (s: string | undefined): s is string => s !== undefined && ID.test(s);
  const isNum = (s: string | undefined): s is string => s !== undefined && NUM.test(s);
  switch (prefix) {
    case 'm':
      return parts.length === 3 && isId(a) && isNum(b) ? { kind: 'more', key: a, page: Number(b) } : undefined;
    case 'a':
      return parts.length === 3 && isId(a) && isNum(b) ? { kind: 'article', articleId: a, part: Number(b) } : undefined;
    case 'i':
      return parts.length === 2 && isId(a) ? { kind: 'issue', issueId: a } : undefined;
    case 'o':
      return parts.length === 2 && isId(a) ? { kind: 'openIssue', issueId: a } : undefined;
    case 'il':
      return parts.length === 2 && isNum(a) ? { kind: 'issues', page: Number(a) } : undefined;
    case 't':
      return parts.length === 3 && isNum(a) && isNum(b) ? { kind: 'topic', index: Number(a), page: Number(b) } : undefined;
    case 'tl':
      return parts.length === 1 ? { kind: 'topics' } : undefined;
    default:
      return undefined;
  }
}

function id(s: string): string {
  if (!ID.test(s)) throw new RangeError(`"${s}" cannot go into callback data: ids must match ${ID}`);
  return s;
}

function num(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99_999) throw new RangeError(`${n} cannot go into callback data`);
  return String(n);
}

/** A button as renderers describe it: an action of this bot, or a link. */
export type Button = { text: string; action: CallbackAction } | { text: string; url: string };

/** Turns rows of buttons into Telegram's inline keyboard; empty rows are dropped. */
export function toReplyMarkup(rows: readonly (readonly Button[])[] | undefined): InlineKeyboardMarkup | undefined {
  const keyboard: InlineKeyboardButton[][] = (rows ?? [])
    .filter((row) => row.length > 0)
    .map((row) => row.map((b) => ('url' in b ? { text: b.text, url: b.url } : { text: b.text, callback_data: encodeCallback(b.action) })));
  return keyboard.length > 0 ? { inline_keyboard: keyboard } : undefined;
}
