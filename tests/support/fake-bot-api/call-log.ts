import type { FakeApiError } from './fake-errors.js';
import type { ChatKey } from './send-rate-log.js';

/**
 * Every Bot API call the fake answered, with per-method and per-chat counters and promise-based
 * waiting (a waiter is checked when a call is recorded, never by polling). Benchmarks with tens
 * of thousands of calls can drop the payloads ('summary') or keep only the counters ('off').
 */

/** The body of a Bot API response. */
export type ApiResponse = { ok: true; result: unknown } | ({ ok: false } & FakeApiError);

/** One answered request. */
export interface CallRecord {
  /** 1-based position in the log, in the order calls were answered. */
  seq: number;
  method: string;
  /** The chat the call addressed, when it has a chat_id. */
  chatId?: ChatKey;
  /** When the request arrived (ms since the epoch, from the fake's clock). */
  time: number;
  /** The decoded request parameters (absent from stored records unless recording is 'full'). */
  payload?: Record<string, unknown>;
  response?: ApiResponse;
  ok: boolean;
  errorCode?: number;
}

export type Recording = 'full' | 'summary' | 'off';

export type CallPredicate = (call: CallRecord) => boolean;

export interface WaitOptions {
  /** Only calls with seq >= since count (use `mark()` before acting). Default: every call. */
  since?: number;
  /** Named in the timeout error, e.g. 'the answer to 木垒县…'. */
  description?: string;
}

export interface CallLog {
  readonly calls: readonly CallRecord[];
  record(call: Omit<CallRecord, 'seq'>): CallRecord;
  /** The seq the next recorded call will get. */
  mark(): number;
  count(method: string, options?: { chatId?: ChatKey; ok?: boolean }): number;
  /** Calls of `method` per chat: successful ones, or failed ones with `{ ok: false }`. */
  countsByChat(method: string, options?: { ok?: boolean }): Map<ChatKey, number>;
  waitFor(predicate: CallPredicate, timeoutMs?: number, options?: WaitOptions): Promise<CallRecord>;
  /** Fails every pending waitFor (used when the fake stops). */
  rejectWaiters(reason: Error): void;
}

interface Waiter {
  predicate: CallPredicate;
  since: number;
  resolve: (call: CallRecord) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

type Outcome = 'ok' | 'error';

export function createCallLog(recording: Recording): CallLog {
  const calls: CallRecord[] = [];
  let nextSeq = 1;
  // method → outcome → chat ('*' for all chats) → count
  const counters = new Map<string, Record<Outcome, Map<ChatKey | '*', number>>>();
  const waiters = new Set<Waiter>();

  const bump = (method: string, outcome: Outcome, chatId: ChatKey | undefined): void => {
    let byOutcome = counters.get(method);
    if (!byOutcome) counters.set(method, (byOutcome = { ok: new Map(), error: new Map() }));
    const map = byOutcome[outcome];
    map.set('*', (map.get('*') ?? 0) + 1);
    if (chatId !== undefined) map.set(chatId, (map.get(chatId) ?? 0) + 1);
  };

  const log: CallLog = {
    calls,
    record(call) {
      const full: CallRecord = { seq: nextSeq, ...call };
      nextSeq += 1;
      bump(full.method, full.ok ? 'ok' : 'error', full.chatId);
      if (recording === 'full') calls.push(full);
      else if (recording === 'summary') {
        const { payload: _payload, response: _response, ...summary } = full;
        calls.push(summary);
      }
      for (const waiter of waiters) {
        if (full.seq >= waiter.since && safeMatch(waiter.predicate, full)) {
          waiters.delete(waiter);
          clearTimeout(waiter.timer);
          waiter.resolve(full);
        }
      }
      return full;
    },
    mark: () => nextSeq,
    count(method, options = {}) {
      const byOutcome = counters.get(method);
      if (!byOutcome) return 0;
      const key = options.chatId ?? '*';
      const ok = byOutcome.ok.get(key) ?? 0;
      const error = byOutcome.error.get(key) ?? 0;
      if (options.ok === true) return ok;
      if (options.ok === false) return error;
      return ok + error;
    },
    countsByChat(method, options = {}) {
      const out = new Map<ChatKey, number>();
      const byOutcome = counters.get(method);
      if (!byOutcome) return out;
      for (const [chatId, n] of options.ok === false ? byOutcome.error : byOutcome.ok) {
        if (chatId !== '*') out.set(chatId, n);
      }
      return out;
    },
    waitFor(predicate, timeoutMs = 10_000, options = {}) {
      const since = options.since ?? 1;
      // Records are stored in seq order without gaps (or not at all), so seq n sits at index n - 1.
      for (let i = Math.max(0, since - 1); i < calls.length; i += 1) {
        const call = calls[i];
        if (call && call.seq >= since && safeMatch(predicate, call)) return Promise.resolve(call);
      }
      return new Promise<CallRecord>((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          since,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            const recent = calls
              .slice(-8)
              .map((c) => `#${c.seq} ${c.method}${c.chatId === undefined ? '' : ` chat ${c.chatId}`} ${c.ok ? 'ok' : `error ${c.errorCode}`}`)
              .join('; ');
            reject(
              new Error(
                `fake Bot API: no call matched ${options.description ?? 'the predicate'} within ${timeoutMs} ms (since #${since}; last calls: ${recent || 'none'})`,
              ),
            );
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },
    rejectWaiters(reason) {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(reason);
      }
      waiters.clear();
    },
  };
  return log;
}

/** A predicate that throws (e.g. reads a field of a payload-less record) simply does not match. */
function safeMatch(predicate: CallPredicate, call: CallRecord): boolean {
  try {
    return predicate(call);
  } catch {
    return false;
  }
}
