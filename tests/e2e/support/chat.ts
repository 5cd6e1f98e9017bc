import type { CallRecord, ChatKey, FakeBotApi } from '../../support/fake-bot-api/fake-bot-api.js';

/** How long a test waits for the bot's answer: generous, the machine is shared. */
export const ANSWER_TIMEOUT_MS = 45_000;

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
}

/** The message Telegram stored for a successful sendMessage/editMessageText call. */
export function resultMessage(call: CallRecord): { message_id: number; text: string } {
  const response = call.response;
  if (!response?.ok) throw new Error(`call #${call.seq} ${call.method} failed: ${JSON.stringify(response)}`);
  return response.result as { message_id: number; text: string };
}

/** The text a reader sees for a call's message (tags stripped, entities decoded, as Telegram shows it). */
export function visibleText(call: CallRecord): string {
  return resultMessage(call).text;
}

/** The inline buttons a call attached, row by row flattened. */
export function buttonsOf(call: CallRecord): InlineButton[] {
  const markup = call.payload?.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined;
  return (markup?.inline_keyboard ?? []).flat();
}

/** The bot's next successful message to a chat, after `since`. */
export function nextMessage(fake: FakeBotApi, chatId: ChatKey, since: number, what = `a message to chat ${chatId}`): Promise<CallRecord> {
  return fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === chatId && c.ok, ANSWER_TIMEOUT_MS, { since, description: what });
}

/** Successful sendMessage calls to a chat after `since`, in order. */
export function messagesSince(fake: FakeBotApi, chatId: ChatKey, since: number): CallRecord[] {
  return fake.calls.filter((c) => c.seq >= since && c.method === 'sendMessage' && c.chatId === chatId && c.ok);
}

/** Removes all whitespace, to compare texts that were split and re-joined at different spaces. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Resolves once `condition` holds, checking every 20 ms; rejects after `timeoutMs` naming `what`. */
export async function eventually(condition: () => boolean, what: string, timeoutMs = ANSWER_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
