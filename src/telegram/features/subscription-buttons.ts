import type { Script } from '../../text/convert-script.js';
import { asNum, createCallbackCodec } from '../callback-codec.js';

/**
 * What a /settings button changes. Indexes point into archive.topics() or the filter's own lists, never carry words.
 * `sub` names which of the chat's subscriptions (absent: its first active one, as buttons made before there were several).
 */
export type SettingsChange = SettingsAction & { sub?: number };

type SettingsAction =
  /** Show subscription `sub` (the chat has several); changes nothing. */
  | { kind: 'pick' }
  | { kind: 'on' }
  | { kind: 'off' }
  | { kind: 'time'; time: string }
  /** No topic: every article (keyword topics cleared, exclusions kept). */
  | { kind: 'all' }
  /** Topic or place number `index` of archive.topics(): on if off, off if on. */
  | { kind: 'topic'; index: number }
  /** Drop keyword number `index` of the filter (one typed with /subscribe). */
  | { kind: 'dropKeyword'; index: number }
  /** Drop excluded word number `index`. */
  | { kind: 'dropExclusion'; index: number }
  | { kind: 'onThisDay'; on: boolean }
  /** The chat's reply script; `auto` follows the script each reader writes in. */
  | { kind: 'script'; script: Script | 'auto' };

const SCRIPTS: Record<string, Script | 'auto'> = { s: 'simplified', t: 'traditional', a: 'auto' };

/**
 * /settings buttons: `s:on`, `s:off`, `s:t:0730`, `s:f:-`, `s:f:<topic>`, `s:k:<i>`, `s:x:<i>`, `s:h:1`, `s:sc:t`, `s:p`;
 * with a subscription number first when the chat has several (`s:2:t:1900`; ops are never numbers).
 */
export const settingsButton = createCallbackCodec('s', {
  fields: (c: SettingsChange): (string | number)[] => (c.sub === undefined ? actionFields(c) : [c.sub, ...actionFields(c)]),
  parse: (fields): SettingsChange | undefined => {
    const sub = asNum(fields[0]);
    if (sub === undefined) return parseAction(fields);
    if (sub > 99) return undefined;
    const action = parseAction(fields.slice(1));
    return action && { ...action, sub };
  },
});

function actionFields(c: SettingsAction): (string | number)[] {
    switch (c.kind) {
      case 'pick':
        return ['p'];
      case 'on':
      case 'off':
        return [c.kind];
      case 'time':
        return ['t', c.time.replace(':', '')];
      case 'all':
        return ['f', '-'];
      case 'topic':
        return ['f', c.index];
      case 'dropKeyword':
        return ['k', c.index];
      case 'dropExclusion':
        return ['x', c.index];
      case 'onThisDay':
        return ['h', c.on ? 1 : 0];
      case 'script':
        return ['sc', c.script === 'auto' ? 'a' : c.script === 'traditional' ? 't' : 's'];
    }
}

function parseAction([op, arg, ...rest]: readonly string[]): SettingsAction | undefined {
    if (rest.length > 0) return undefined;
    if ((op === 'on' || op === 'off' || op === 'p') && arg === undefined) return op === 'p' ? { kind: 'pick' } : { kind: op };
    const n = asNum(arg);
    switch (op) {
      case 't': {
        const m = /^([01]\d|2[0-3])([0-5]\d)$/.exec(arg ?? '');
        return m ? { kind: 'time', time: `${m[1]}:${m[2]}` } : undefined;
      }
      case 'f':
        return arg === '-' ? { kind: 'all' } : n !== undefined ? { kind: 'topic', index: n } : undefined;
      case 'k':
        return n !== undefined ? { kind: 'dropKeyword', index: n } : undefined;
      case 'x':
        return n !== undefined ? { kind: 'dropExclusion', index: n } : undefined;
      case 'h':
        return arg === '1' || arg === '0' ? { kind: 'onThisDay', on: arg === '1' } : undefined;
      case 'sc': {
        const script = SCRIPTS[arg ?? ''];
        return script ? { kind: 'script', script } : undefined;
      }
      default:
        return undefined;
    }
}

/** A channel's /settings, changed from a private chat: `sc:<channel id>:<the s: fields>`, e.g. `sc:-1001234567890:t:0730`. */
export const channelSettingsButton = createCallbackCodec('sc', {
  fields: (v: { chatId: number; change: SettingsChange }) => [String(v.chatId), ...settingsButton.encode(v.change).split(':').slice(1)],
  parse: ([id, ...rest]) => {
    const chatId = /^-100\d{6,13}$/.test(id ?? '') ? Number(id) : undefined;
    const change = settingsButton.decode(['s', ...rest].join(':'));
    return chatId !== undefined && change !== undefined ? { chatId, change } : undefined;
  },
});
