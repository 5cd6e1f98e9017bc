import fc from 'fast-check';
import { Api, HttpError, type RawApi, type Transformer } from 'grammy';
import { DeliveryUnknownError } from '../../src/digest/deliverer.js';
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../src/digest/compose-digest.js';
import { classifySendError, createDigestApi, createDigestDeliverer, renderDigest, type DigestMessage } from '../../src/telegram/deliver-digest.js';
import { createFakeBotApi, fakeDrops } from '../support/fake-bot-api/fake-bot-api.js';
import { checkTelegramLimits, visibleText } from '../support/fake-bot-api/check-telegram-limits.js';
import { fakeErrors, type FakeApiError } from '../support/fake-bot-api/fake-errors.js';

const baseDigest = (items: Digest['items'], over: Partial<Digest> = {}): Digest => ({
  paper: '昌吉日报',
  issueId: 'i1',
  date: '2024-11-07',
  dateSource: 'masthead',
  number: 12124,
  pageCount: 4,
  items,
  issueArticles: items.length,
  ...over,
});

const item = (n: number, title = `标题${n}`, lead = `第${n}篇文章的导语。`, tags = ['农业农村']) => ({ articleId: `a${n}`, title, lead, tags });

const callbackData = (m: DigestMessage) => (m.reply_markup?.inline_keyboard ?? []).flat().map((b) => ('callback_data' in b ? b.callback_data : ''));

describe('renderDigest', () => {
  it('shows date, number, each headline with its lead and tags, and a read button per article', () => {
    const [message, ...rest] = renderDigest(baseDigest([item(1, '木垒县<冬小麦>播种'), item(2)]));
    expect(rest).toEqual([]);
    expect(message!.text).toContain('2024年11月7日 星期四');
    expect(message!.text).toContain('总第12124期');
    expect(message!.text).toContain('<b>木垒县&lt;冬小麦&gt;播种</b>');
    expect(message!.text).toContain('第1篇文章的导语。');
    expect(message!.text).toContain('#农业农村');
    expect(callbackData(message!)).toEqual(['a:a1:0', 'a:a2:0']);
    expect(checkTelegramLimits('sendMessage', { chat_id: 1, parse_mode: 'HTML', ...message })).toEqual([]);
  });

  it('names the filter and how many articles matched', () => {
    const [message] = renderDigest(baseDigest([item(1)], { filter: '农业', issueArticles: 9 }));
    expect(message!.text).toContain('与“农业”相关 1/9 篇');
  });

  it('says what an exclusion leaves out instead of reading it as a keyword', () => {
    const [only] = renderDigest(baseDigest([item(1)], { filter: '-广告', issueArticles: 9 }));
    expect(only!.text).toContain('不含“广告” 1/9 篇');
    expect(only!.text).not.toContain('-广告');
    const [both] = renderDigest(baseDigest([item(1)], { filter: '农业 棉花 -广告', issueArticles: 9 }));
    expect(both!.text).toContain('与“农业”或“棉花”相关、不含“广告” 1/9 篇');
  });

  it('marks an inferred date with 约', () => {
    expect(renderDigest(baseDigest([item(1)], { dateSource: 'inferred' }))[0]!.text).toContain('约2024年11月7日');
  });

  it('splits a long digest between articles into messages Telegram accepts, each article once with its button', () => {
    const title = fc.string({ minLength: 1, maxLength: 150 });
    const lead = fc.string({ maxLength: 60 });
    const tags = fc.array(fc.constantFrom('农业农村', '木垒县', '工业能源', 'a&b', '<x>'), { maxLength: 4 });
    fc.assert(
      fc.property(fc.array(fc.record({ title, lead, tags }), { minLength: 1, maxLength: 80 }), (raw) => {
        const items = raw.map((r, i) => ({ articleId: `id${i}`, ...r }));
        const messages = renderDigest(baseDigest(items));
        for (const m of messages) {
          expect(checkTelegramLimits('sendMessage', { chat_id: 1, parse_mode: 'HTML', ...m })).toEqual([]);
          expect(visibleText(m.text, 'HTML').length).toBeLessThanOrEqual(4096);
        }
        // Every article's button appears exactly once, in order: nothing lost, nothing doubled by the split.
        expect(messages.flatMap(callbackData)).toEqual(items.map((it) => `a:${it.articleId}:0`));
      }),
      { numRuns: 60 },
    );
  });

  it('uses several messages for a digest that does not fit one', () => {
    const items = Array.from({ length: 60 }, (_, i) => item(i, '长'.repeat(100), '导'.repeat(59) + '。'));
    const messages = renderDigest(baseDigest(items));
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[1]!.text).toContain(`（续 2/${messages.length}）`);
  });
});

describe('classifySendError', () => {
  const grammyError = async (error: FakeApiError) => {
    const api = new Api('1:T');
    api.config.use((async () => ({ ok: false, ...error })) as Transformer<RawApi>);
    return api.sendMessage(1, 'x').then(
      () => undefined,
      (e: unknown) => e,
    );
  };

  it('treats a blocked, deactivated or kicked chat as gone', async () => {
    for (const e of [fakeErrors.blocked(), fakeErrors.deactivated(), fakeErrors.kicked()]) {
      expect(classifySendError(await grammyError(e))).toMatchObject({ kind: 'gone', reason: 'blocked' });
    }
  });

  it('treats "chat not found" as gone', async () => {
    expect(classifySendError(await grammyError(fakeErrors.chatNotFound()))).toMatchObject({ kind: 'gone', reason: 'chat-not-found' });
  });

  it('reads the new chat id of a migrated group', async () => {
    expect(classifySendError(await grammyError(fakeErrors.migrated(-100123)))).toEqual({ kind: 'migrated', toChatId: -100123 });
  });

  it('leaves other failures to the caller', async () => {
    expect(classifySendError(await grammyError(fakeErrors.internal()))).toBeUndefined();
    expect(classifySendError(new Error('socket hang up'))).toBeUndefined();
  });
});

describe('createDigestDeliverer', () => {
  const noWait = { sleep: async () => undefined };
  const ok = (id: number) => ({ ok: true, result: { message_id: id, date: 0, chat: { id: 5, type: 'private' } } }) as never;

  it('sends HTML with the read buttons and returns Telegram’s message id, retrying a 429 only after the rate limiter', async () => {
    const calls: { method: string; payload: Record<string, unknown> }[] = [];
    const events: string[] = [];
    let first = true;
    const api = new Api('1:T');
    api.config.use((async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, unknown> });
      events.push('send');
      if (first) {
        first = false;
        return { ok: false, ...fakeErrors.tooManyRequests(3) } as never;
      }
      return ok(77);
    }) as Transformer<RawApi>);
    const waits: number[] = [];
    const deliver = createDigestDeliverer(api, { sleep: async (ms) => void waits.push(ms) });
    const [message] = deliver.render(baseDigest([item(1)]));
    const sent = await deliver.send(5, message!, { beforeRetry: async () => void events.push('limiter') });
    expect(sent).toEqual({ kind: 'sent', messageId: 77 });
    expect(waits).toEqual([3000]);
    expect(events).toEqual(['send', 'limiter', 'send']);
    expect(calls[1]!.payload).toMatchObject({ chat_id: 5, parse_mode: 'HTML', reply_markup: message!.reply_markup });
  });

  it('retries a 500 through the rate limiter too, and gives up after a few attempts', async () => {
    const api = new Api('1:T');
    let sends = 0;
    api.config.use((async () => (sends++, { ok: false, ...fakeErrors.internal() })) as Transformer<RawApi>);
    let paced = 0;
    const deliver = createDigestDeliverer(api, noWait);
    const [message] = deliver.render(baseDigest([item(1)]));
    await expect(deliver.send(5, message!, { beforeRetry: async () => void paced++ })).rejects.toThrow(/Internal Server Error/);
    expect(sends).toBe(5);
    expect(paced).toBe(4);
  });

  it('reports a blocked chat instead of throwing', async () => {
    const api = new Api('1:T');
    api.config.use((async () => ({ ok: false, ...fakeErrors.blocked() })) as Transformer<RawApi>);
    const deliver = createDigestDeliverer(api, noWait);
    const [message] = deliver.render(baseDigest([item(1)]));
    expect(await deliver.send(5, message!)).toMatchObject({ kind: 'gone' });
  });

  it('calls a connection dropped after the request "unknown", and a refused connection a plain failure', async () => {
    const fake = createFakeBotApi();
    await fake.start();
    try {
      const deliver = createDigestDeliverer(createDigestApi('123456:TEST-abcdefghijklmnopqrstuvwxyz', { apiRoot: fake.url }), noWait);
      const [message] = deliver.render(baseDigest([item(1)]));
      fake.failNext('sendMessage', fakeDrops.afterAccept());
      await expect(deliver.send(5, message!)).rejects.toBeInstanceOf(DeliveryUnknownError);
      expect(fake.count('sendMessage', { ok: true })).toBe(1);
    } finally {
      await fake.stop();
    }
    const refused = createDigestDeliverer(createDigestApi('123456:TEST-abcdefghijklmnopqrstuvwxyz', { apiRoot: 'http://127.0.0.1:9' }), noWait);
    const [message] = refused.render(baseDigest([item(1)]));
    const err = await refused.send(5, message!).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).not.toBeInstanceOf(DeliveryUnknownError);
  });
});
