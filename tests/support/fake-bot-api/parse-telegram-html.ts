/**
 * Telegram's `parse_mode: 'HTML'` parser, re-implemented for the fake Bot API so that tests see the
 * same verdict real Telegram would give: the plain text the user sees (tags stripped, entities
 * decoded), the formatting entities, and the 400 error text for markup Telegram rejects.
 *
 * Telegram tolerates a bare `&` or `>` (it keeps them as literal text); those are reported as
 * `warnings` rather than errors, because text that relies on that tolerance is text that was not
 * escaped — the next title containing `<` will break the message.
 *
 * @example
 * parseTelegramHtml('<b>木垒</b> &amp; 奇台').text // '木垒 & 奇台'
 */

/** A formatting entity as Telegram reports it (offsets and lengths in UTF-16 code units). */
export interface TelegramEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
  user?: { id: number };
}

export interface ParsedHtml {
  /** The text as the reader sees it: tags removed, entities decoded. */
  text: string;
  entities: TelegramEntity[];
  /** Telegram's reason for rejecting the markup ("Unsupported start tag …"), if it would. */
  error?: string;
  /** Things Telegram accepts but that betray missing escaping (a bare `&` or `>`). */
  warnings: string[];
}

/** Tag name → entity type. `span` needs class="tg-spoiler", `a` an href, `tg-emoji` an emoji-id. */
const TAGS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  span: 'spoiler',
  'tg-spoiler': 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

/** The only named entities the Bot API decodes. */
const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
  tag: string;
  start: number;
  entity: Omit<TelegramEntity, 'offset' | 'length'> | undefined;
}

/** Parses Telegram HTML. Never throws: a rejection is reported in `error`. */
export function parseTelegramHtml(html: string): ParsedHtml {
  let text = '';
  const entities: TelegramEntity[] = [];
  const warnings: string[] = [];
  const stack: OpenTag[] = [];
  const fail = (error: string): ParsedHtml => ({ text, entities, error, warnings });
  const byteOffset = (i: number): number => Buffer.byteLength(html.slice(0, i), 'utf8');

  let i = 0;
  while (i < html.length) {
    const c = html[i];
    if (c === '&') {
      const decoded = decodeEntity(html, i);
      if (decoded) {
        text += decoded.value;
        i += decoded.length;
      } else {
        warnings.push(`unescaped "&" at byte offset ${byteOffset(i)}`);
        text += '&';
        i += 1;
      }
      continue;
    }
    if (c === '>') {
      warnings.push(`unescaped ">" at byte offset ${byteOffset(i)}`);
      text += '>';
      i += 1;
      continue;
    }
    if (c !== '<') {
      text += c;
      i += 1;
      continue;
    }

    const begin = i;
    if (html[i + 1] === '/') {
      const close = html.indexOf('>', i);
      if (close < 0) return fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
      const name = html.slice(i + 2, close).trim().toLowerCase();
      const open = stack.pop();
      if (!open) return fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
      if (open.tag !== name) {
        return fail(`Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${open.tag}>", found "</${name}>"`);
      }
      // Telegram drops entities that cover no text.
      if (open.entity && text.length > open.start) {
        entities.push({ ...open.entity, offset: open.start, length: text.length - open.start });
      }
      i = close + 1;
      continue;
    }

    let j = i + 1;
    while (j < html.length && !/[\s>/]/.test(html[j] ?? '')) j += 1;
    const tag = html.slice(i + 1, j).toLowerCase();
    const type = TAGS[tag];
    if (type === undefined) return fail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(begin)}`);
    const attrs = readAttributes(html, j);
    if (!attrs) return fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
    i = attrs.end;

    let entity: OpenTag['entity'] = { type };
    if (tag === 'span' && attrs.values.get('class') !== 'tg-spoiler') {
      return fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
    }
    if (tag === 'a') {
      const href = attrs.values.get('href');
      const userId = href?.match(/^tg:\/\/user\?id=(\d+)$/)?.[1];
      if (userId) entity = { type: 'text_mention', user: { id: Number(userId) } };
      else entity = href ? { type, url: href } : undefined;
    }
    if (tag === 'tg-emoji') {
      const id = attrs.values.get('emoji-id');
      if (!id) return fail(`Custom emoji entity must contain a tg://emoji URL at byte offset ${byteOffset(begin)}`);
      entity = { type, custom_emoji_id: id };
    }
    if (tag === 'blockquote' && attrs.values.has('expandable')) entity = { type: 'expandable_blockquote' };
    if (tag === 'code') {
      // <pre><code class="language-x"> is one pre entity with a language, not two entities.
      const parent = stack[stack.length - 1];
      const language = attrs.values.get('class')?.match(/^language-(.+)$/)?.[1];
      if (parent?.tag === 'pre' && parent.entity && parent.start === text.length) {
        if (language) parent.entity.language = language;
        entity = undefined;
      }
    }
    stack.push({ tag, start: text.length, entity });
  }

  const unclosed = stack[stack.length - 1];
  if (unclosed) return fail(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities, warnings };
}

/** Escapes text for Telegram HTML: the three characters the parser treats specially. */
export function escapeTelegramHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function decodeEntity(html: string, at: number): { value: string; length: number } | undefined {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,9}));/.exec(html.slice(at, at + 12));
  if (!m) return undefined;
  if (m[3] !== undefined) {
    const value = NAMED_ENTITIES[m[3]];
    return value === undefined ? undefined : { value, length: m[0].length };
  }
  const code = m[1] !== undefined ? Number(m[1]) : parseInt(m[2] ?? '', 16);
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return { value: String.fromCodePoint(code), length: m[0].length };
}

/** Reads `name="value" name='value' name=value name` up to the closing `>`; undefined if there is none. */
function readAttributes(html: string, from: number): { values: Map<string, string>; end: number } | undefined {
  const values = new Map<string, string>();
  let i = from;
  for (;;) {
    while (i < html.length && /[\s/]/.test(html[i] ?? '')) i += 1;
    if (i >= html.length) return undefined;
    if (html[i] === '>') return { values, end: i + 1 };
    let j = i;
    while (j < html.length && !/[\s=>]/.test(html[j] ?? '')) j += 1;
    const name = html.slice(i, j).toLowerCase();
    i = j;
    if (html[i] !== '=') {
      values.set(name, '');
      continue;
    }
    i += 1;
    const quote = html[i];
    let value: string;
    if (quote === '"' || quote === "'") {
      const close = html.indexOf(quote, i + 1);
      if (close < 0) return undefined;
      value = html.slice(i + 1, close);
      i = close + 1;
    } else {
      j = i;
      while (j < html.length && !/[\s>]/.test(html[j] ?? '')) j += 1;
      value = html.slice(i, j);
      i = j;
    }
    values.set(name, decodeAttribute(value));
  }
}

function decodeAttribute(value: string): string {
  return value.replace(/&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,9});/g, (m) => decodeEntity(m, 0)?.value ?? m);
}
