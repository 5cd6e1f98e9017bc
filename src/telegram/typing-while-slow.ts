import type { MiddlewareFn } from 'grammy';
import type { BotContext } from './context.js';

/** How long a reply may take before the chat shows "typing…", and how often Telegram needs it again (it fades after 5 s). */
export const TYPING_DELAY_MS = 1000;
const TYPING_REPEAT_MS = 4500;

// Methods that put the reply in the chat: once one starts, "typing…" would only linger after it.
const REPLYING = /^(?:send(?!ChatAction)|edit|copy|forward)/;

/**
 * Shows "typing…" in the chat while a message or button press takes longer than a moment to answer (a flood
 * wait, a slow network, a long job), and stops as soon as the answer starts to go out. Fast answers send no
 * chat action at all.
 */
export function typingWhileSlow(delayMs = TYPING_DELAY_MS): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const chatId = ctx.chat?.id;
    if (chatId === undefined || (ctx.message === undefined && ctx.callbackQuery === undefined)) return next();
    let timer: NodeJS.Timeout | undefined;
    let done = false;
    const stop = () => {
      done = true;
      clearTimeout(timer);
    };
    const tick = () => {
      if (done) return;
      ctx.api.sendChatAction(chatId, 'typing').catch((err: unknown) => ctx.log?.debug({ err }, 'typing not shown'));
      timer = setTimeout(tick, TYPING_REPEAT_MS);
    };
    // ctx.api belongs to this update alone: the transformer sees only its calls.
    ctx.api.config.use((prev, method, payload, signal) => {
      if (REPLYING.test(method)) stop();
      return prev(method, payload, signal);
    });
    timer = setTimeout(tick, delayMs);
    try {
      await next();
    } finally {
      stop();
    }
  };
}
