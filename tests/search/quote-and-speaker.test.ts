import { describe, expect, it } from 'vitest';
import { isQuoteAndSpeaker } from '../../src/search/quote-and-speaker.js';

describe('isQuoteAndSpeaker', () => {
  it('joins a quotation and the sentence naming its speaker', () => {
    expect(isQuoteAndSpeaker('“今年我家的马铃薯一斤能卖两块钱。”', '青石村种植大户覃楚杰激动地说。')).toBe(true);
  });

  it('does not join a sentence that goes on after the speaker, or one after no quotation', () => {
    expect(isQuoteAndSpeaker('“今年收成好。”', '覃楚杰说，村里明年还要扩种马铃薯，并建设一座新的冷库，让村民的马铃薯卖出好价钱。')).toBe(false);
    expect(isQuoteAndSpeaker('今年收成好。', '种植大户覃楚杰说。')).toBe(false);
  });
});
