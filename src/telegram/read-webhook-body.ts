import type { IncomingMessage } from 'node:http';
import type { Update } from 'grammy/types';

/**
 * The largest webhook body accepted. Telegram's updates are a few kilobytes (a 4096-character message with its
 * entities and a quoted reply stays far below 64 KB); anything near this is not an update.
 */
export const MAX_WEBHOOK_BODY_BYTES = 256 * 1024;

/** Why a webhook body was refused, with the HTTP status it gets. */
export class WebhookBodyError extends Error {
  override name = 'WebhookBodyError';
  constructor(
    message: string,
    readonly status: 400 | 413,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Reads and parses one webhook body, refusing (413) a body over `maxBytes` before reading it whole — by its
 * Content-Length when declared, else as soon as the stream passes the cap — and (400) anything that is not a
 * JSON object.
 */
export async function readWebhookBody(req: IncomingMessage, maxBytes = MAX_WEBHOOK_BODY_BYTES): Promise<Update> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw new WebhookBodyError(`body of ${declared} bytes is over the ${maxBytes}-byte cap`, 413);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new WebhookBodyError(`body is over the ${maxBytes}-byte cap`, 413);
    chunks.push(chunk);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (cause) {
    throw new WebhookBodyError(`body is not JSON: ${(cause as Error).message}`, 400, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof (parsed as { update_id?: unknown }).update_id !== 'number') {
    throw new WebhookBodyError('body is not a Telegram update (a JSON object with a numeric update_id)', 400);
  }
  return parsed as Update;
}
