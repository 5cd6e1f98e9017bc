import type { Outcome } from '../../../src/search/types.js';

/** How many questions got each outcome (chat is `none` with a chat kind, counted apart). */
export interface OutcomeMix {
  answer: number;
  related: number;
  none: number;
  chat: number;
}

export function emptyMix(): OutcomeMix {
  return { answer: 0, related: 0, none: 0, chat: 0 };
}

export function tally(mix: OutcomeMix, outcome: Outcome, chat: boolean): void {
  if (chat) mix.chat++;
  else mix[outcome]++;
}

/** "answer 40 · related 3 · none 2 · chat 0" */
export function formatMix(mix: OutcomeMix): string {
  return `answer ${mix.answer} · related ${mix.related} · none ${mix.none} · chat ${mix.chat}`;
}
