import { openStore } from '../../../src/digest/open-store.js';
import { createSilentLogger } from '../../../src/logger.js';

/** Subscribes private chats 1…count at 00:00 a week ago: on the paper's clock every one of them is due now. */
export function seedDueSubscribers(dataDir: string, count: number): void {
  const store = openStore(dataDir, createSilentLogger());
  const since = new Date(Date.now() - 7 * 86_400_000);
  for (let chatId = 1; chatId <= count; chatId++) store.subscribe({ chatId, chatKind: 'private', deliveryTime: '00:00', now: since });
  store.close();
}
