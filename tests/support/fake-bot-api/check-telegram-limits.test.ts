import { describe, expect, it } from 'vitest';
import { checkTelegramLimits } from './check-telegram-limits.js';

const rules = (method: string, payload: Record<string, unknown>): string[] => checkTelegramLimits(method, payload).map((v) => v.rule);

describe('checkTelegramLimits', () => {
  it('passes a well-formed HTML message with a keyboard', () => {
    expect(
      checkTelegramLimits('sendMessage', {
        chat_id: 1,
        text: '<b>木垒县</b>：冬小麦 &amp; 春播',
        parse_mode: 'HTML',
        reply_markup: { inline_keyboard: [[{ text: '◀', callback_data: 'i:2024-11-06' }, { text: '分享', url: 'https://t.me/archive_test_bot?start=a_1' }]] },
      }),
    ).toEqual([]);
  });

  it('measures length after entity parsing, not in source characters', () => {
    const body = '&amp;'.repeat(4096);
    expect(rules('sendMessage', { chat_id: 1, text: `<b>${body}</b>`, parse_mode: 'HTML' })).toEqual([]);
    expect(rules('sendMessage', { chat_id: 1, text: `<b>${body}x</b>`, parse_mode: 'HTML' })).toEqual(['text-too-long']);
  });

  it('counts plain text as is when there is no parse mode', () => {
    expect(rules('sendMessage', { chat_id: 1, text: '字'.repeat(4096) })).toEqual([]);
    expect(rules('editMessageText', { chat_id: 1, message_id: 2, text: '字'.repeat(4097) })).toEqual(['text-too-long']);
  });

  it('rejects empty and whitespace-only text', () => {
    expect(rules('sendMessage', { chat_id: 1, text: '<b> </b>', parse_mode: 'HTML' })).toEqual(['text-empty']);
    expect(rules('sendMessage', { chat_id: 1 })).toEqual(['text-missing']);
  });

  it('reports broken HTML with the description Telegram would send', () => {
    const [violation] = checkTelegramLimits('sendMessage', { chat_id: 1, text: '标题 <script>', parse_mode: 'HTML' });
    expect(violation).toMatchObject({ rule: 'html-invalid', rejected: true });
    expect(violation?.description).toMatch(/^Bad Request: can't parse entities: Unsupported start tag "script"/);
  });

  it('flags an unescaped & as a violation Telegram itself would let through', () => {
    const [violation] = checkTelegramLimits('sendMessage', { chat_id: 1, text: 'A & B', parse_mode: 'HTML' });
    expect(violation).toMatchObject({ rule: 'html-unescaped', rejected: false });
  });

  it('limits callback_data to 64 bytes of UTF-8', () => {
    const button = (data: string) => ({ chat_id: 1, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'b', callback_data: data }]] } });
    expect(rules('sendMessage', button('a'.repeat(64)))).toEqual([]);
    expect(rules('sendMessage', button('冬'.repeat(22)))).toEqual(['button-data-invalid']); // 66 bytes
    expect(rules('sendMessage', button(''))).toEqual(['button-data-invalid']);
  });

  it('checks the inline keyboard shape and its buttons', () => {
    expect(rules('editMessageReplyMarkup', { chat_id: 1, message_id: 1, reply_markup: { inline_keyboard: [{ text: 'x' }] } })).toEqual(['keyboard-invalid']);
    expect(rules('sendMessage', { chat_id: 1, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'only text' }]] } })).toEqual(['button-invalid']);
    expect(rules('sendMessage', { chat_id: 1, text: 'x', reply_markup: { inline_keyboard: [[{ text: 'u', url: 'not a url' }]] } })).toEqual(['button-url-invalid']);
    const nine = Array.from({ length: 9 }, (_, i) => ({ text: String(i), callback_data: String(i) }));
    expect(rules('sendMessage', { chat_id: 1, text: 'x', reply_markup: { inline_keyboard: [nine] } })).toEqual(['keyboard-too-big']);
  });

  it('limits inline query answers to 50 results with unique ids of at most 64 bytes', () => {
    const article = (id: string) => ({ type: 'article', id, title: 't', input_message_content: { message_text: '<b>x</b>', parse_mode: 'HTML' } });
    expect(rules('answerInlineQuery', { inline_query_id: '1', results: [article('a'), article('b')] })).toEqual([]);
    expect(rules('answerInlineQuery', { inline_query_id: '1', results: Array.from({ length: 51 }, (_, i) => article(String(i))) })).toEqual(['inline-results-too-many']);
    expect(rules('answerInlineQuery', { inline_query_id: '1', results: [article('x'.repeat(65))] })).toEqual(['inline-result-id-invalid']);
    expect(rules('answerInlineQuery', { inline_query_id: '1', results: [article('a'), article('a')] })).toEqual(['inline-result-id-duplicate']);
    expect(rules('answerInlineQuery', { inline_query_id: '1', results: [{ ...article('a'), input_message_content: { message_text: '<b>x', parse_mode: 'HTML' } }] })).toEqual(['html-invalid']);
  });

  it('limits a callback query answer to 200 characters', () => {
    expect(rules('answerCallbackQuery', { callback_query_id: '1', text: '慢'.repeat(200) })).toEqual([]);
    expect(rules('answerCallbackQuery', { callback_query_id: '1', text: '慢'.repeat(201) })).toEqual(['callback-answer-too-long']);
  });

  it('checks bot command names and descriptions', () => {
    expect(rules('setMyCommands', { commands: [{ command: 'date', description: '按日期查看' }] })).toEqual([]);
    expect(rules('setMyCommands', { commands: [{ command: 'Date', description: '按日期查看' }, { command: 'ok', description: '' }] })).toEqual([
      'command-invalid',
      'command-invalid',
    ]);
  });
});
