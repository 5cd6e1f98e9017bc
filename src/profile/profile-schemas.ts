import * as v from 'valibot';
import { isIsoDate } from '../text/calendar.js';

/** Every JSON file may carry a "$comment" for the editor; it is not data. */
const comment = { $comment: v.optional(v.string()) };
const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const words = v.array(text);

/** Whether `tz` is an IANA time zone this Node knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const paperSchema = v.pipe(
  v.strictObject({
    ...comment,
    name: text,
    nameLatin: v.optional(text),
    publisher: v.optional(text),
    timeZone: v.optional(v.pipe(v.string(), v.check(isTimeZone, 'must be a known IANA time zone such as Asia/Shanghai')), 'Asia/Shanghai'),
    region: v.optional(text),
    mastheadMarkers: v.optional(words, []),
    exampleQuestions: v.optional(words),
    botDescription: v.optional(v.pipe(text, v.maxLength(512, 'must be at most 512 characters (Telegram\'s limit)'))),
    botShortDescription: v.optional(v.pipe(text, v.maxLength(120, 'must be at most 120 characters (Telegram\'s limit)'))),
  }),
  v.transform(({ $comment: _, ...paper }) => paper),
);

/** A place without aliases is found by its name. */
const place = v.pipe(
  v.strictObject({ name: text, aliases: v.optional(words) }),
  v.transform((p) => ({ name: p.name, aliases: p.aliases && p.aliases.length > 0 ? p.aliases : [p.name] })),
);

export const topicsSchema = v.pipe(
  v.strictObject({
    ...comment,
    topics: v.array(v.strictObject({ name: text, keywords: v.pipe(words, v.minLength(1, 'needs at least one keyword')) })),
    places: v.array(place),
    region: v.optional(place),
  }),
  v.transform(({ topics, places, region }) => ({ topics, places, ...(region ? { region } : {}) })),
);

const manifestEntry = v.strictObject({
  date: v.pipe(v.string(), v.check(isIsoDate, 'must be a real date written YYYY-MM-DD')),
  number: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'must be a whole number above 0'))),
  note: v.optional(v.string()),
});

export const manifestSchema = v.pipe(
  v.strictObject({ ...comment, issues: v.record(v.string(), manifestEntry) }),
  v.transform((m) => m.issues),
);
