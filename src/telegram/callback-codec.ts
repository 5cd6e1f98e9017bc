/**
 * Button payloads, one small codec per feature: the feature that handles a button also defines its data format
 * (encoder) and its filter (decoder), side by side, so no central format is re-matched elsewhere with a regex.
 *
 * Telegram allows 1–64 bytes of callback data and a Chinese character takes 3, so payloads carry only ids and
 * numbers: `<prefix>:<field>:<field>…`. Anything longer (a question) stays on the server behind a short key.
 */

/** Telegram's limit on callback data, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

const ID = /^[A-Za-z0-9_-]{1,48}$/;
const NUM = /^\d{1,5}$/;

/** A field of callback data: an id (`[A-Za-z0-9_-]`, ≤ 48) or a small non-negative integer (≤ 99,999). */
export type CallbackField = string | number;

export interface CallbackCodec<T> {
  readonly prefix: string;
  /** Matches this codec's data and no other's: `composer.callbackQuery(codec.filter, …)`. */
  readonly filter: RegExp;
  /** Throws a RangeError on a value that would break the format or the 64-byte limit: that is a bug to surface. */
  encode(value: T): string;
  /** The value behind callback data, or undefined for data this codec did not make (stale, forged). */
  decode(data: string): T | undefined;
}

/**
 * A codec for `<prefix>:<fields…>`.
 *
 * @example
 * const page = createCallbackCodec('il', { fields: (p: number) => [p], parse: ([p]) => asNum(p) });
 * page.encode(2) // 'il:2'
 * page.decode('il:2') // 2
 */
export function createCallbackCodec<T>(
  prefix: string,
  spec: { fields: (value: T) => readonly CallbackField[]; parse: (fields: readonly string[]) => T | undefined },
): CallbackCodec<T> {
  if (!/^[a-z]{1,3}$/.test(prefix)) throw new RangeError(`callback prefix "${prefix}" must be 1–3 lower-case letters`);
  return {
    prefix,
    filter: new RegExp(`^${prefix}(?::|$)`),
    encode(value) {
      const data = [prefix, ...spec.fields(value).map(field)].join(':');
      if (Buffer.byteLength(data, 'utf8') > CALLBACK_DATA_LIMIT) throw new RangeError(`callback data "${data}" is longer than ${CALLBACK_DATA_LIMIT} bytes`);
      return data;
    },
    decode(data) {
      const [head, ...fields] = data.split(':');
      return head === prefix ? spec.parse(fields) : undefined;
    },
  };
}

/** The id in a decoded field, or undefined. */
export function asId(s: string | undefined): string | undefined {
  return s !== undefined && ID.test(s) ? s : undefined;
}

/** The number in a decoded field, or undefined. */
export function asNum(s: string | undefined): number | undefined {
  return s !== undefined && NUM.test(s) ? Number(s) : undefined;
}

function field(f: CallbackField): string {
  if (typeof f === 'number') {
    if (!Number.isInteger(f) || f < 0 || f > 99_999) throw new RangeError(`${f} cannot go into callback data`);
    return String(f);
  }
  if (!ID.test(f)) throw new RangeError(`"${f}" cannot go into callback data: ids must match ${ID}`);
  return f;
}
