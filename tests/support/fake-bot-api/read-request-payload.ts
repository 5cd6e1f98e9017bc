import type { IncomingMessage } from 'node:http';

/**
 * Reads a Bot API request's parameters the way Telegram accepts them: query string, JSON,
 * `application/x-www-form-urlencoded` or `multipart/form-data` (grammY sends JSON for plain calls
 * and multipart when a file is attached). Form values arrive as strings, so the fields Telegram
 * reads as JSON, integers or booleans are converted; text fields stay strings even when they
 * look like numbers.
 *
 * @example
 * const payload = await readRequestPayload(req, new URL(req.url ?? '/', 'http://127.0.0.1'));
 */

/** An uploaded file, recorded without its bytes. */
export interface UploadedFile {
  file: true;
  filename: string;
  contentType?: string;
  size: number;
}

/** A request body the fake cannot understand; answered with Telegram's 400. */
export class PayloadError extends Error {
  override name = 'PayloadError';
}

const MAX_BODY_BYTES = 60 * 1024 * 1024;

const JSON_FIELDS = new Set([
  'reply_markup',
  'entities',
  'caption_entities',
  'results',
  'commands',
  'allowed_updates',
  'scope',
  'link_preview_options',
  'reply_parameters',
  'media',
  'button',
  'rights',
]);

const INTEGER_FIELDS = new Set([
  'chat_id',
  'from_chat_id',
  'message_id',
  'message_thread_id',
  'reply_to_message_id',
  'user_id',
  'offset',
  'limit',
  'timeout',
  'cache_time',
  'max_connections',
  'until_date',
]);

const BOOLEAN_FIELDS = new Set([
  'disable_notification',
  'disable_web_page_preview',
  'protect_content',
  'allow_sending_without_reply',
  'show_alert',
  'is_personal',
  'drop_pending_updates',
  'only_if_banned',
]);

/** Collects and decodes the request's parameters. Throws PayloadError on a malformed body. */
export async function readRequestPayload(req: IncomingMessage, url: URL): Promise<Record<string, unknown>> {
  const payload: Record<string, unknown> = {};
  for (const [key, value] of url.searchParams) payload[key] = coerceFormValue(key, value);

  const body = await readBody(req);
  if (body.length === 0) return payload;
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();

  if (contentType.startsWith('application/json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch (cause) {
      throw new PayloadError(`Bad Request: can't parse JSON request body: ${(cause as Error).message}`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new PayloadError('Bad Request: the JSON request body must be an object');
    }
    return { ...payload, ...(parsed as Record<string, unknown>) };
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) payload[key] = coerceFormValue(key, value);
    return payload;
  }
  if (contentType.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(req.headers['content-type'] ?? '');
    const mark = boundary?.[1] ?? boundary?.[2];
    if (!mark) throw new PayloadError('Bad Request: multipart/form-data without a boundary');
    for (const part of parseMultipart(body, mark.trim())) {
      payload[part.name] = part.file ?? coerceFormValue(part.name, part.value);
    }
    return payload;
  }
  throw new PayloadError(`Bad Request: unsupported content type "${contentType || 'none'}"`);
}

/** Converts one form value to the type Telegram would read it as. */
export function coerceFormValue(key: string, value: string): unknown {
  if (JSON_FIELDS.has(key)) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  if (INTEGER_FIELDS.has(key) && /^-?\d+$/.test(value)) return Number(value);
  if (BOOLEAN_FIELDS.has(key) && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new PayloadError('Request Entity Too Large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

interface MultipartPart {
  name: string;
  value: string;
  file?: UploadedFile;
}

function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const parts: MultipartPart[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) throw new PayloadError('Bad Request: multipart body without its boundary');
  for (;;) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') break; // closing delimiter
    const next = body.indexOf(delimiter, at);
    if (next < 0) throw new PayloadError('Bad Request: unterminated multipart body');
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const raw = body.subarray(at, next);
    const headerEnd = raw.indexOf('\r\n\r\n');
    if (headerEnd < 0) throw new PayloadError('Bad Request: multipart part without headers');
    const headers = raw.subarray(0, headerEnd).toString('utf8');
    let content = raw.subarray(headerEnd + 4);
    if (content.subarray(content.length - 2).toString() === '\r\n') content = content.subarray(0, content.length - 2);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name !== undefined) {
      const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim();
      if (filename !== undefined) {
        parts.push({ name, value: '', file: { file: true, filename, contentType, size: content.length } });
      } else {
        parts.push({ name, value: content.toString('utf8') });
      }
    }
    at = next;
  }
  return parts;
}
