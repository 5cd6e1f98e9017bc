import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCallLog, type ApiResponse, type CallLog } from './call-log.js';
import { checkTelegramLimits, type LimitViolation } from './check-telegram-limits.js';
import type {
  ChatSpec,
  FakeBotApi,
  FakeBotApiOptions,
  FakeChat,
  FakeMessage,
  FakeUpdate,
  FakeUser,
  InjectableCall,
  RecordedViolation,
} from './fake-bot-api-types.js';
import { fakeErrors, isDrop, type FakeApiError, type FakeFault } from './fake-errors.js';
import {
  GROUP_USER_ID,
  canonicalJson,
  chatKey,
  commandsKey,
  completeUser,
  defaultChat,
  inlineMarkup,
  parseJsonObject,
  toTelegram,
  userEntities,
} from './fake-telegram-objects.js';
import { parseTelegramHtml, type TelegramEntity } from './parse-telegram-html.js';
import { PayloadError, readRequestPayload } from './read-request-payload.js';
import { createSendRateLog, type ChatKey } from './send-rate-log.js';
// Type-only grammY import inside: the fake stays free of grammY at run time.
import { makeBotInfo } from '../../../src/telegram/bot-info.js';

export type * from './fake-bot-api-types.js';
export type { ApiResponse, CallPredicate, CallRecord, Recording, WaitOptions } from './call-log.js';
export type { LimitViolation } from './check-telegram-limits.js';
export type { FakeApiError, FakeDrop, FakeFault } from './fake-errors.js';
export { fakeDrops } from './fake-errors.js';
export type { TelegramEntity } from './parse-telegram-html.js';
export type { ChatKey } from './send-rate-log.js';

/**
 * A fake Telegram Bot API on 127.0.0.1 for end-to-end tests and benchmarks: the real bot process
 * long-polls it through `TELEGRAM_API_ROOT`, a test plays the user (`sendText`, `pressButton`,
 * `sendInlineQuery`), waits for the bot's calls (`waitFor`), injects Telegram's errors
 * (`failNext`, `inject`) and checks every call against Telegram's limits (`violations`).
 * After setWebhook it POSTs updates to the webhook instead (with the secret-token header, and
 * treating a method in the response body as a call), so webhook mode can be tested the same way.
 * Plain node:http, no grammY, so non-bot code (the digest benchmark) can use it too.
 *
 * @example
 * const fake = createFakeBotApi();
 * await fake.start();
 * // spawn the bot with TELEGRAM_API_ROOT=fake.url …
 * const since = fake.mark();
 * fake.sendText(42, '木垒县有多少亩冬小麦');
 * const reply = await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === 42, 30_000, { since });
 * expect(fake.violations).toEqual([]);
 * await fake.stop();
 */

/** Methods whose successful calls count as sent messages for flood control and rate accounting. */
const SEND_METHODS = new Set(['sendMessage']);

/** Update types delivered when allowed_updates was never set or set to []. */
const DEFAULT_EXCLUDED_UPDATES = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

interface ChatState {
  chat: FakeChat;
  administrators: Map<number, { user: FakeUser; status: 'creator' | 'administrator' }>;
  messages: Map<number, FakeMessage>;
  lastMessageId: number;
}

interface Poller {
  finish: (reason?: 'updates' | 'conflict') => void;
}

type Outcome = { ok: true; result: unknown } | { ok: false; error: FakeApiError };

interface FailRule {
  method: string;
  error: FakeFault;
  remaining: number;
  chatId?: ChatKey;
}

/** Creates the fake. Nothing listens until start(). */
export function createFakeBotApi(options: FakeBotApiOptions = {}): FakeBotApi {
  const now = options.now ?? Date.now;
  const maxPollMs = (options.maxPollSeconds ?? 1) * 1000;
  const enforce = options.enforceLimits ?? true;
  const keepHistory = options.history ?? true;
  const log: CallLog = createCallLog(options.recording ?? 'full');
  const rates = createSendRateLog();
  const violations: RecordedViolation[] = [];

  const tokenId = options.token ? Number(options.token.split(':')[0]) : NaN;
  const bot: FakeUser & Record<string, unknown> = { ...makeBotInfo({ id: options.bot?.id ?? (Number.isSafeInteger(tokenId) ? tokenId : 123456), first_name: options.bot?.firstName ?? 'Archive Test Bot', username: options.bot?.username ?? 'archive_test_bot' }) };

  const chats = new Map<ChatKey, ChatState>();
  let queue: FakeUpdate[] = [];
  let lastUpdateId = 0;
  let allowedUpdates: Set<string> | undefined;
  let webhook: { url: string; secret_token?: string } | undefined;
  let poller: Poller | undefined;
  const callbackQueries = new Map<string, { answered: boolean }>();
  const inlineQueries = new Map<string, { answered: boolean }>();
  let lastQueryId = 0;
  const commands = new Map<string, unknown[]>();
  const texts = { description: '', short_description: '' };
  const failRules: FailRule[] = [];
  const injectors = new Set<(call: InjectableCall) => FakeFault | undefined>();
  const drops = { beforeAccept: 0, afterAccept: 0 };

  let server: Server | undefined;
  let url = '';
  const inFlight = new Set<Promise<void>>();

  // ---------- chats and messages ----------

  function chatState(spec: ChatSpec): ChatState {
    const id = typeof spec === 'object' ? spec.id : spec;
    let state = chats.get(id);
    if (!state) {
      state = { chat: defaultChat(id), administrators: new Map(), messages: new Map(), lastMessageId: 0 };
      chats.set(id, state);
    }
    if (typeof spec === 'object') {
      const { administrators, id: _id, ...fields } = spec;
      Object.assign(state.chat, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
      if (state.chat.type !== 'private') delete state.chat.first_name;
      if (state.chat.type === 'private') delete state.chat.title;
      else state.chat.title ??= `Chat ${String(id)}`;
      if (administrators) {
        state.administrators.clear();
        for (const admin of administrators) {
          state.administrators.set(admin.user.id, { user: completeUser(admin.user), status: admin.status ?? 'administrator' });
        }
      }
    }
    return state;
  }

  function storeMessage(state: ChatState, message: Omit<FakeMessage, 'message_id' | 'deleted' | 'edits'>): FakeMessage {
    state.lastMessageId += 1;
    const stored: FakeMessage = { message_id: state.lastMessageId, deleted: false, edits: 0, ...message };
    if (keepHistory) state.messages.set(stored.message_id, stored);
    return stored;
  }

  function defaultUser(chat: FakeChat): FakeUser {
    return chat.type === 'private' && typeof chat.id === 'number'
      ? { id: chat.id, is_bot: false, first_name: chat.first_name ?? 'Reader', language_code: 'zh-hans' }
      : { id: GROUP_USER_ID, is_bot: false, first_name: 'Member', language_code: 'zh-hans' };
  }

  // ---------- updates and long polling ----------

  function enqueue(update: FakeUpdate): void {
    queue.push(update);
    if (webhook) pushToWebhook();
    else poller?.finish();
  }

  // ---------- webhook delivery ----------

  let pushing: Promise<void> | undefined;
  let pushAbort = new AbortController();

  /** Posts queued updates to the webhook one at a time, retrying with backoff until it answers 2xx. */
  function pushToWebhook(): void {
    if (pushing || !webhook || !server) return;
    pushing = (async () => {
      let delay = 100;
      while (webhook && server && !pushAbort.signal.aborted) {
        queue = queue.filter(deliverable);
        const update = queue[0];
        if (!update) break;
        if (await postUpdate(webhook, update)) {
          queue = queue.filter((u) => u !== update);
          delay = 100;
        } else {
          await new Promise((r) => setTimeout(r, delay));
          delay = Math.min(delay * 2, 2000);
        }
      }
    })().finally(() => {
      pushing = undefined;
    });
  }

  async function postUpdate(target: { url: string; secret_token?: string }, update: FakeUpdate): Promise<boolean> {
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(target.secret_token ? { 'x-telegram-bot-api-secret-token': target.secret_token } : {}) },
        body: JSON.stringify(update),
        signal: pushAbort.signal,
      });
      const text = await res.text();
      if (!res.ok) return false;
      // A webhook reply: the bot answered the update with a method call in the response body.
      const reply = parseJsonObject(text);
      if (reply && typeof reply.method === 'string') {
        const { method, ...payload } = reply;
        await call(method, payload, now());
      }
      return true;
    } catch {
      return false;
    }
  }

  function nextUpdateId(): number {
    lastUpdateId += 1;
    return lastUpdateId;
  }

  function deliverable(update: FakeUpdate): boolean {
    const type = Object.keys(update).find((k) => k !== 'update_id') ?? '';
    return allowedUpdates ? allowedUpdates.has(type) : !DEFAULT_EXCLUDED_UPDATES.has(type);
  }

  async function getUpdates(payload: Record<string, unknown>, res: ServerResponse | undefined): Promise<Outcome> {
    if (webhook) {
      return fail({ error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" });
    }
    const offset = typeof payload.offset === 'number' ? payload.offset : 0;
    if (offset > 0) queue = queue.filter((u) => u.update_id >= offset);
    else if (offset < 0) queue = queue.slice(offset);
    if (Array.isArray(payload.allowed_updates)) {
      const list = payload.allowed_updates.filter((t): t is string => typeof t === 'string');
      allowedUpdates = list.length > 0 ? new Set(list) : undefined;
    }
    // Telegram never stores updates of types the bot did not ask for.
    queue = queue.filter(deliverable);
    const limit = Math.min(100, Math.max(1, typeof payload.limit === 'number' ? payload.limit : 100));
    const timeoutMs = Math.min(maxPollMs, Math.max(0, (typeof payload.timeout === 'number' ? payload.timeout : 0) * 1000));
    const take = (): Outcome => ({ ok: true, result: queue.filter(deliverable).slice(0, limit) });
    if (queue.length > 0 || timeoutMs === 0 || !server || !res) return take();

    // A second poller terminates the first with 409, as Telegram does when two instances run.
    poller?.finish('conflict');
    return new Promise<Outcome>((resolve) => {
      const self: Poller = {
        finish: (reason = 'updates') => {
          clearTimeout(timer);
          if (poller === self) poller = undefined;
          resolve(reason === 'conflict' ? fail(fakeErrors.conflict()) : take());
        },
      };
      const timer = setTimeout(() => self.finish(), timeoutMs);
      poller = self;
      // The bot aborted the request (stop, SIGKILL): forget it, so the next poll is no conflict.
      res.on('close', () => {
        if (!res.writableEnded && poller === self) self.finish();
      });
    });
  }

  // ---------- methods ----------

  const ok = (result: unknown): Outcome => ({ ok: true, result });
  const fail = (error: FakeApiError): Outcome => ({ ok: false, error });
  const badRequest = (description: string): Outcome => fail({ error_code: 400, description: `Bad Request: ${description}` });

  function knownChat(payload: Record<string, unknown>): ChatState | undefined {
    const id = chatKey(payload.chat_id);
    if (id === undefined) return undefined;
    const direct = chats.get(id);
    if (direct || typeof id !== 'string' || !id.startsWith('@')) return direct;
    // `@username` names a public channel or group, as in Telegram (getChat, getChatMember, sendMessage).
    return [...chats.values()].find((state) => state.chat.username !== undefined && `@${state.chat.username}` === id);
  }

  function targetMessage(payload: Record<string, unknown>, verb: 'edit' | 'delete'): FakeMessage | Outcome {
    const state = knownChat(payload);
    const id = payload.message_id;
    const message = typeof id === 'number' ? state?.messages.get(id) : undefined;
    if (!message || message.deleted) return badRequest(`message to ${verb} not found`);
    if (verb === 'edit' && !message.fromBot) return badRequest("message can't be edited");
    return message;
  }

  function renderText(text: string, parseMode: unknown, entities: unknown): { text: string; entities?: TelegramEntity[] } {
    if (typeof parseMode === 'string' && parseMode.toLowerCase() === 'html') {
      const parsed = parseTelegramHtml(text);
      if (parsed.error === undefined) return { text: parsed.text, entities: parsed.entities.length > 0 ? parsed.entities : undefined };
    }
    return { text, entities: Array.isArray(entities) && entities.length > 0 ? (entities as TelegramEntity[]) : undefined };
  }

  const handlers: Record<string, (payload: Record<string, unknown>, res: ServerResponse | undefined) => Outcome | Promise<Outcome>> = {
    getMe: () => ok(bot),
    logOut: () => ok(true),
    close: () => ok(true),
    getUpdates,
    setWebhook: (p) => {
      const target = typeof p.url === 'string' ? p.url : '';
      webhook = target ? { url: target, secret_token: typeof p.secret_token === 'string' ? p.secret_token : undefined } : undefined;
      if (Array.isArray(p.allowed_updates)) {
        const list = p.allowed_updates.filter((t): t is string => typeof t === 'string');
        allowedUpdates = list.length > 0 ? new Set(list) : undefined;
      }
      if (p.drop_pending_updates === true) queue = [];
      setImmediate(pushToWebhook);
      return ok(true);
    },
    deleteWebhook: (p) => {
      webhook = undefined;
      if (p.drop_pending_updates === true) queue = [];
      return ok(true);
    },
    getWebhookInfo: () => ok({ url: webhook?.url ?? '', has_custom_certificate: false, pending_update_count: queue.length }),

    sendMessage: (p) => {
      const id = chatKey(p.chat_id);
      if (id === undefined) return badRequest('chat_id is empty');
      if (typeof p.text !== 'string') return badRequest('message text is empty');
      const state = chatState(id);
      const rendered = renderText(p.text, p.parse_mode, p.entities);
      const replyToId = (p.reply_parameters as { message_id?: unknown } | undefined)?.message_id ?? p.reply_to_message_id;
      const replyTo = typeof replyToId === 'number' ? state.messages.get(replyToId) : undefined;
      const message = storeMessage(state, {
        chat: state.chat,
        from: bot,
        date: Math.floor(now() / 1000),
        text: rendered.text,
        entities: rendered.entities,
        reply_markup: inlineMarkup(p.reply_markup),
        reply_to_message: replyTo ? toTelegram(replyTo) : undefined,
        source: p.text,
        parse_mode: typeof p.parse_mode === 'string' ? p.parse_mode : undefined,
        fromBot: true,
      });
      return ok(toTelegram(message));
    },
    editMessageText: (p) => {
      if (p.inline_message_id !== undefined) return ok(true);
      const message = targetMessage(p, 'edit');
      if (!isMessage(message)) return message;
      if (typeof p.text !== 'string') return badRequest('message text is empty');
      const rendered = renderText(p.text, p.parse_mode, p.entities);
      const markup = inlineMarkup(p.reply_markup);
      if (
        rendered.text === message.text &&
        canonicalJson(rendered.entities) === canonicalJson(message.entities) &&
        canonicalJson(markup) === canonicalJson(message.reply_markup)
      ) {
        return fail(fakeErrors.notModified());
      }
      Object.assign(message, {
        text: rendered.text,
        entities: rendered.entities,
        reply_markup: markup,
        source: p.text,
        parse_mode: typeof p.parse_mode === 'string' ? p.parse_mode : undefined,
        edit_date: Math.floor(now() / 1000),
        edits: message.edits + 1,
      });
      return ok(toTelegram(message));
    },
    editMessageReplyMarkup: (p) => {
      if (p.inline_message_id !== undefined) return ok(true);
      const message = targetMessage(p, 'edit');
      if (!isMessage(message)) return message;
      const markup = inlineMarkup(p.reply_markup);
      if (canonicalJson(markup) === canonicalJson(message.reply_markup)) return fail(fakeErrors.notModified());
      Object.assign(message, { reply_markup: markup, edit_date: Math.floor(now() / 1000), edits: message.edits + 1 });
      return ok(toTelegram(message));
    },
    deleteMessage: (p) => {
      const message = targetMessage(p, 'delete');
      if (!isMessage(message)) return message;
      message.deleted = true;
      return ok(true);
    },
    answerCallbackQuery: (p) => answerQuery(callbackQueries, p.callback_query_id),
    answerInlineQuery: (p) => answerQuery(inlineQueries, p.inline_query_id),
    sendChatAction: (p) => (chatKey(p.chat_id) === undefined ? badRequest('chat_id is empty') : ok(true)),

    setMyCommands: (p) => {
      commands.set(commandsKey(p.scope, p.language_code), Array.isArray(p.commands) ? p.commands : []);
      return ok(true);
    },
    deleteMyCommands: (p) => {
      commands.delete(commandsKey(p.scope, p.language_code));
      return ok(true);
    },
    getMyCommands: (p) => ok(commands.get(commandsKey(p.scope, p.language_code)) ?? []),
    setMyDescription: (p) => {
      texts.description = typeof p.description === 'string' ? p.description : '';
      return ok(true);
    },
    getMyDescription: () => ok({ description: texts.description }),
    setMyShortDescription: (p) => {
      texts.short_description = typeof p.short_description === 'string' ? p.short_description : '';
      return ok(true);
    },
    getMyShortDescription: () => ok({ short_description: texts.short_description }),
    setChatMenuButton: () => ok(true),

    getChat: (p) => {
      const state = knownChat(p);
      if (!state) return fail(fakeErrors.chatNotFound());
      return ok({ ...state.chat, accent_color_id: 0, max_reaction_count: 11 });
    },
    getChatMember: (p) => {
      const state = knownChat(p);
      if (!state) return fail(fakeErrors.chatNotFound());
      const userId = typeof p.user_id === 'number' ? p.user_id : NaN;
      if (!Number.isSafeInteger(userId)) return badRequest('invalid user_id specified');
      return ok(chatMember(state, userId));
    },
    getChatAdministrators: (p) => {
      const state = knownChat(p);
      if (!state) return fail(fakeErrors.chatNotFound());
      if (state.chat.type === 'private') return badRequest('there are no administrators in the private chat');
      return ok([...state.administrators.keys()].map((id) => chatMember(state, id)));
    },
  };

  const methodNames = new Map(Object.keys(handlers).map((name) => [name.toLowerCase(), name]));

  function answerQuery(queries: Map<string, { answered: boolean }>, id: unknown): Outcome {
    const query = typeof id === 'string' ? queries.get(id) : undefined;
    if (!query || query.answered) return badRequest('query is too old and response timeout expired or query ID is invalid');
    query.answered = true;
    return ok(true);
  }

  function chatMember(state: ChatState, userId: number): Record<string, unknown> {
    const admin = state.administrators.get(userId);
    if (admin?.status === 'creator') return { status: 'creator', user: admin.user, is_anonymous: false };
    if (admin) {
      return {
        status: 'administrator',
        user: admin.user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
      };
    }
    const user = userId === bot.id ? bot : completeUser({ id: userId });
    return { status: 'member', user };
  }

  // ---------- faults ----------

  function injectedError(call: InjectableCall): FakeFault | undefined {
    const index = failRules.findIndex(
      (r) => (r.method === '*' || r.method === call.method) && (r.chatId === undefined || r.chatId === call.chatId),
    );
    const rule = index >= 0 ? failRules[index] : undefined;
    if (rule) {
      rule.remaining -= 1;
      if (rule.remaining <= 0) failRules.splice(index, 1);
      return rule.error;
    }
    for (const inject of injectors) {
      const error = inject(call);
      if (error) return error;
    }
    return undefined;
  }

  function floodError(method: string, chatId: ChatKey | undefined, time: number): FakeApiError | undefined {
    const limits = options.floodLimits;
    if (!limits || !SEND_METHODS.has(method)) return undefined;
    const tooFast =
      (limits.perChatPerSecond !== undefined && chatId !== undefined && rates.countSince(1000, time, chatId) >= limits.perChatPerSecond) ||
      (limits.overallPerSecond !== undefined && rates.countSince(1000, time) >= limits.overallPerSecond);
    return tooFast ? fakeErrors.tooManyRequests(limits.retryAfter ?? 1) : undefined;
  }

  // ---------- HTTP ----------

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const time = now();
    const reqUrl = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(reqUrl.pathname);
    if (!route) return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    const [, token = '', requested = ''] = route;
    if (options.token ? token !== options.token : !/^\d+:[A-Za-z0-9_-]+$/.test(token)) {
      return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
    }

    let payload: Record<string, unknown>;
    try {
      payload = await readRequestPayload(req, reqUrl);
    } catch (err) {
      const description = err instanceof PayloadError ? err.message : `Bad Request: ${(err as Error).message}`;
      return send(res, 400, { ok: false, error_code: 400, description });
    }
    const response = await call(requested, payload, time, res);
    send(res, response.ok ? 200 : response.error_code, response);
  }

  /** Answers one Bot API call (from HTTP or from a webhook reply) and records it. */
  async function call(requested: string, payload: Record<string, unknown>, time: number, res?: ServerResponse): Promise<ApiResponse> {
    const method = methodNames.get(requested.toLowerCase());
    const chatId = chatKey(payload.chat_id);
    const broken = method === undefined ? [] : checkTelegramLimits(method, payload);
    const outcome = await answer(method, payload, chatId, time, broken, res);
    const response: ApiResponse = outcome.ok ? { ok: true, result: outcome.result } : { ok: false, ...outcome.error };
    const record = log.record({
      method: method ?? requested,
      chatId,
      time,
      payload,
      response,
      ok: outcome.ok,
      errorCode: outcome.ok ? undefined : outcome.error.error_code,
    });
    for (const v of broken) violations.push({ ...v, seq: record.seq, method: record.method, chatId, time });
    if (outcome.ok && method !== undefined && SEND_METHODS.has(method)) rates.record(chatId, time);
    return response;
  }

  async function answer(
    method: string | undefined,
    payload: Record<string, unknown>,
    chatId: ChatKey | undefined,
    time: number,
    broken: LimitViolation[],
    res: ServerResponse | undefined,
  ): Promise<Outcome> {
    if (method === undefined) return fail({ error_code: 404, description: 'Not Found: method not found' });
    const rejected = broken.find((v) => v.rejected);
    if (enforce && rejected) return fail({ error_code: 400, description: rejected.description });
    const injected = injectedError({ method, chatId, payload }) ?? floodError(method, chatId, time);
    if (injected && isDrop(injected) && res) {
      if (injected.drop === 'before-accept') {
        drops.beforeAccept++;
        res.destroy();
        return fail({ error_code: 599, description: 'fake: connection dropped before the call was accepted' });
      }
      // Carry the call out, then hang up before the reply: the client cannot tell that it worked.
      const handler = handlers[method];
      const outcome = handler ? await handler(payload, res) : fail({ error_code: 404, description: 'Not Found: method not found' });
      drops.afterAccept++;
      res.destroy();
      return outcome;
    }
    if (injected && !isDrop(injected)) return fail(injected);
    const handler = handlers[method];
    return handler ? handler(payload, res) : fail({ error_code: 404, description: 'Not Found: method not found' });
  }

  function send(res: ServerResponse, status: number, body: unknown): void {
    if (res.destroyed || res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  for (const spec of options.chats ?? []) chatState(spec);

  return {
    get url() {
      if (!server) throw new Error('fake Bot API: call start() before reading url');
      return url;
    },
    token: options.token,
    bot,

    async start() {
      if (server) return;
      const s = createServer((req, res) => {
        const done = handle(req, res)
          .catch((err: unknown) => {
            send(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${(err as Error).message}` });
          })
          .finally(() => inFlight.delete(done));
        inFlight.add(done);
      });
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(0, '127.0.0.1', () => resolve());
      });
      const address = s.address() as AddressInfo;
      url = `http://127.0.0.1:${address.port}`;
      server = s;
    },

    async stop() {
      const s = server;
      if (!s) return;
      server = undefined;
      // Answer the held long poll (and anything else in progress) before cutting connections.
      poller?.finish();
      pushAbort.abort();
      await Promise.allSettled([...inFlight, pushing]);
      pushAbort = new AbortController();
      log.rejectWaiters(new Error('fake Bot API stopped'));
      await new Promise<void>((resolve) => {
        s.close(() => resolve());
        s.closeAllConnections();
      });
    },

    sendText(chat, text, from, sendOptions = {}) {
      const state = chatState(chat);
      const user = completeUser({ ...defaultUser(state.chat), ...from });
      const replyTo = sendOptions.replyTo === undefined ? undefined : state.messages.get(sendOptions.replyTo);
      if (sendOptions.replyTo !== undefined && !replyTo) {
        throw new Error(`fake Bot API: no message ${sendOptions.replyTo} in chat ${String(state.chat.id)} to reply to`);
      }
      const entities = userEntities(text);
      const message = storeMessage(state, {
        chat: state.chat,
        from: user,
        date: Math.floor(now() / 1000),
        text,
        entities: entities.length > 0 ? entities : undefined,
        reply_to_message: replyTo ? toTelegram(replyTo) : undefined,
        source: text,
        fromBot: false,
      });
      const update = { update_id: nextUpdateId(), message };
      enqueue({ update_id: update.update_id, message: toTelegram(message) });
      return update;
    },

    pressButton(chat, messageId, callbackData, from, pressOptions = {}) {
      const state = chats.get(chat);
      const message = state?.messages.get(messageId);
      if (!state || !message || message.deleted) {
        throw new Error(`fake Bot API: no message ${messageId} in chat ${String(chat)} to press a button on`);
      }
      const buttons = (message.reply_markup?.inline_keyboard ?? []).flat() as { callback_data?: unknown }[];
      if (!pressOptions.force && !buttons.some((b) => b.callback_data === callbackData)) {
        const offered = buttons.map((b) => b.callback_data).filter((d) => d !== undefined);
        throw new Error(`fake Bot API: message ${messageId} has no button "${callbackData}" (it has ${JSON.stringify(offered)})`);
      }
      lastQueryId += 1;
      const id = String(lastQueryId);
      callbackQueries.set(id, { answered: false });
      const callback_query = {
        id,
        from: completeUser({ ...defaultUser(state.chat), ...from }),
        message: toTelegram(message),
        chat_instance: `ci${String(chat)}`,
        data: callbackData,
      };
      const update = { update_id: nextUpdateId(), callback_query };
      enqueue(update);
      return update;
    },

    sendInlineQuery(from, query, inlineOptions = {}) {
      lastQueryId += 1;
      const id = String(lastQueryId);
      inlineQueries.set(id, { answered: false });
      const inline_query = {
        id,
        from: completeUser(from),
        query,
        offset: inlineOptions.offset ?? '',
        chat_type: inlineOptions.chatType ?? 'sender',
      };
      const update = { update_id: nextUpdateId(), inline_query };
      enqueue(update);
      return update;
    },

    addUpdate(raw) {
      const given = typeof raw.update_id === 'number' ? raw.update_id : undefined;
      if (given !== undefined) lastUpdateId = Math.max(lastUpdateId, given);
      const { update_id: _given, ...fields } = raw;
      const update: FakeUpdate = { update_id: given ?? nextUpdateId(), ...fields };
      enqueue(update);
      return update;
    },

    get polling() {
      return poller !== undefined;
    },
    pendingUpdates: () => queue,
    setChat: (spec) => chatState(spec).chat,

    get calls() {
      return log.calls;
    },
    mark: () => log.mark(),
    waitFor: (predicate, timeoutMs, waitOptions) => log.waitFor(predicate, timeoutMs, waitOptions),
    messagesTo: (chat) => [...(chats.get(chat)?.messages.values() ?? [])].filter((m) => m.fromBot && !m.deleted),
    history: (chat) => [...(chats.get(chat)?.messages.values() ?? [])],
    message: (chat, messageId) => chats.get(chat)?.messages.get(messageId),
    count: (method, countOptions) => log.count(method, countOptions),
    countsByChat: (method, countOptions) => log.countsByChat(method, countOptions),
    violations,
    unansweredCallbackQueries: () => [...callbackQueries].filter(([, q]) => !q.answered).map(([id]) => id),
    commands: (scope, languageCode) => commands.get(commandsKey(scope, languageCode)),
    rates,

    failNext(method, error, failOptions = {}) {
      failRules.push({ method, error, remaining: failOptions.times ?? 1, chatId: failOptions.chatId });
    },
    drops,
    inject(rule) {
      injectors.add(rule);
      return () => {
        injectors.delete(rule);
      };
    },
  };

}

function isMessage(value: FakeMessage | Outcome): value is FakeMessage {
  return 'message_id' in value;
}
