import { StoreError } from '../errors.js';
import type { DigestStore } from './open-store.js';

/** SQLite result codes that mean the file itself is damaged: nothing read from it afterwards can be trusted. */
const DAMAGED = /^SQLITE_(CORRUPT|NOTADB)/;

/**
 * Wraps every store method so a database failure while running is a `StoreError` naming the operation — which the
 * bot's error boundary answers with "the subscription service is impaired", never with what an empty result would
 * mean ("not subscribed"). Once the file is found damaged, every later call fails at once (fail closed until a
 * restart, whose checks refuse the file): a half-readable database must not answer "no subscription" for a chat
 * whose row sits on a bad page.
 */
export function guardStore(store: DigestStore): DigestStore & { readonly impaired: boolean } {
  let damage: string | undefined;
  const guarded = { path: store.path } as DigestStore & { impaired: boolean };
  Object.defineProperty(guarded, 'impaired', { get: () => damage !== undefined, enumerable: true });
  for (const key of Object.keys(store) as (keyof DigestStore)[]) {
    const value = store[key];
    if (typeof value !== 'function' || key === 'close') {
      if (key === 'close') (guarded as unknown as Record<string, unknown>)[key] = value;
      continue;
    }
    (guarded as unknown as Record<string, unknown>)[key] = (...args: unknown[]) => {
      if (damage !== undefined) {
        throw new StoreError(`The subscription database ${store.path} was found damaged (${damage}); refusing ${key} until it is restored from a backup and the bot restarted.`, store.path);
      }
      try {
        return (value as (...a: unknown[]) => unknown)(...args);
      } catch (cause) {
        const code = (cause as { code?: unknown }).code;
        if (typeof code === 'string' && DAMAGED.test(code)) damage = `${code}: ${(cause as Error).message}`;
        throw new StoreError(`The subscription database ${store.path} failed during ${key}: ${(cause as Error).message}.`, store.path, { cause });
      }
    };
  }
  return guarded;
}
