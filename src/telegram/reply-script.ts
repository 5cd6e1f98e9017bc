import type { Transformer } from 'grammy';
import { guessScript, toScript, type Script } from '../text/convert-script.js';
import type { BotContext } from './context.js';

/** Payload fields that hold text a reader reads; ids, URLs, callback data and parse modes are never touched. */
const READER_TEXT = new Set(['text', 'caption', 'title', 'description', 'message_text']);

/**
 * The script this update is answered in: the chat's own choice (/settings) first; else the script of what the
 * reader wrote (a message, an inline query), or, for a button, of the message it sits on.
 */
export function replyScriptOf(ctx: BotContext, chosen: Script | undefined): Script | undefined {
  if (chosen !== undefined) return chosen;
  const shown = ctx.callbackQuery?.message;
  const written = ctx.msg?.text ?? ctx.msg?.caption ?? ctx.inlineQuery?.query ?? (shown && 'text' in shown ? shown.text : undefined);
  return written === undefined ? undefined : guessScript(written);
}

/**
 * Replies in the reader's script: every text this update sends (messages, edits, buttons, alerts, inline cards)
 * goes out in traditional characters when the reader writes them or chose them. The conversion is one character
 * for one, after rendering and splitting, so HTML, highlights and the length limits hold as rendered.
 */
export function replyInReadersScript(scriptOf?: (chatId: number) => Script | undefined) {
  return async (ctx: BotContext, next: () => Promise<void>): Promise<void> => {
    const chatId = ctx.chat?.id;
    const script = replyScriptOf(ctx, chatId === undefined ? undefined : scriptOf?.(chatId));
    ctx.script = script ?? 'simplified';
    if (script === 'traditional') ctx.api.config.use(convertPayload('traditional'));
    await next();
  };
}

/** An API transformer that writes every reader-visible string of a call's payload in `script`. */
export function convertPayload(script: Script): Transformer {
  return (prev, method, payload, signal) => prev(method, convert(payload, script) as typeof payload, signal);
}

function convert(value: unknown, script: Script, key?: string): unknown {
  if (typeof value === 'string') return key !== undefined && READER_TEXT.has(key) ? toScript(value, script) : value;
  if (Array.isArray(value)) return value.map((v) => convert(v, script));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, convert(v, script, k)]));
  }
  return value;
}
