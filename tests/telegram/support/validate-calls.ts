import { afterEach, expect } from 'vitest';
import { checkTelegramLimits } from '../../support/fake-bot-api/check-telegram-limits.js';
import { takeCreatedHarnesses } from './harness.js';

/**
 * Checks, after every test, that every call the bot made would be accepted by real Telegram:
 * text 1–4096 characters after entity parsing, well-formed HTML with only Telegram's tags and
 * everything escaped, callback_data 1–64 bytes, inline results valid (checkTelegramLimits, the
 * same rules the fake Bot API enforces end to end). Warnings count as failures too.
 */
export function validateCallsAfterEachTest(): void {
  afterEach(() => {
    for (const h of takeCreatedHarnesses()) {
      const violations = h.api.calls.flatMap((c) => checkTelegramLimits(c.method, c.payload).map((v) => ({ method: c.method, ...v })));
      expect(violations).toEqual([]);
    }
  });
}
