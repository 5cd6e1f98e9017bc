/**
 * Remembers recent questions under short keys, so a "more results" button can carry `m:<key>:<page>`
 * instead of the question (Chinese text does not fit in 64 bytes of callback data). The oldest
 * entries are forgotten first; a button whose key is gone gets a polite "please ask again".
 */
export interface QueryStore {
  remember(query: string): string;
  recall(key: string): string | undefined;
}

/**
 * @param salt starts every key, so a button from before a restart (its key forgotten) cannot
 *   recall a different question that happens to get the same counter value now.
 */
export function createQueryStore(capacity = 1000, salt = Math.random().toString(36).slice(2, 5)): QueryStore {
  const entries = new Map<string, string>();
  const keysByQuery = new Map<string, string>();
  let counter = 0;
  return {
    remember(query) {
      const existing = keysByQuery.get(query);
      if (existing !== undefined && entries.has(existing)) {
        // Refresh its place in the LRU order.
        entries.delete(existing);
        entries.set(existing, query);
        return existing;
      }
      const key = `${salt}${(counter++).toString(36)}`;
      entries.set(key, query);
      keysByQuery.set(query, key);
      while (entries.size > capacity) {
        const oldest = entries.keys().next().value as string;
        keysByQuery.delete(entries.get(oldest)!);
        entries.delete(oldest);
      }
      return key;
    },
    recall(key) {
      const query = entries.get(key);
      if (query !== undefined) {
        entries.delete(key);
        entries.set(key, query);
      }
      return query;
    },
  };
}
