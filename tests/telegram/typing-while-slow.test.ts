import { Composer } from 'grammy';
import { describe, expect, it } from 'vitest';
import type { BotContext } from '../../src/telegram/context.js';
import { TYPING_DELAY_MS } from '../../src/telegram/typing-while-slow.js';
import { createHarness } from './support/harness.js';
import { validateCallsAfterEachTest } from './support/validate-calls.js';

validateCallsAfterEachTest();

/** A command whose answer takes `ms` to prepare (a flood wait, a slow job). */
function slowCommand(ms: number): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('slow', async (ctx) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await ctx.reply('好了');
  });
  return feature;
}

describe('typing while slow', () => {
  it('shows "typing…" when an answer takes longer than a moment, before the answer', async () => {
    const h = createHarness({ extraFeatures: [slowCommand(TYPING_DELAY_MS + 300)] });
    await h.send('/slow');
    const calls = h.callsSince(0).map((c) => c.method);
    expect(calls.filter((m) => m === 'sendChatAction')).toHaveLength(1);
    expect(calls.indexOf('sendChatAction')).toBeLessThan(calls.indexOf('sendMessage'));
    expect(h.callsOf('sendChatAction')[0]!.payload).toMatchObject({ action: 'typing' });
  });

  it('shows nothing for an answer that comes at once', async () => {
    const h = createHarness();
    await h.send('/latest');
    await h.send('冬小麦');
    expect(h.callsOf('sendMessage').length).toBeGreaterThanOrEqual(2);
    expect(h.callsOf('sendChatAction')).toEqual([]);
  });
});
