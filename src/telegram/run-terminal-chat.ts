import type { Writable } from 'node:stream';
import type { Deliverer } from '../digest/deliverer.js';
import { startDigestService, type DigestServiceOptions } from '../digest/start-digest-service.js';
import { createDigestDeliverer, type DigestMessage } from './deliver-digest.js';
import type { TerminalChat } from './terminal-chat.js';

/** Said on stderr when there is no token and no person at a terminal (a container, a pipe). */
const NO_TOKEN_NOTICE =
  'No BOT_TOKEN: this is the terminal chat, reading questions from standard input, which is not a terminal. ' +
  'To run the bot on Telegram, set BOT_TOKEN to the token from @BotFather (in .env, or `docker run -e BOT_TOKEN=…`); ' +
  'to chat here, start it with a terminal (`npm start`, `docker run -it …`) or pipe questions in.';

/**
 * The terminal chat with its digests: while a person chats, the scheduler delivers their /subscribe digests
 * into the terminal at the chosen time. A piped script gets no digests: its output stays what it asked for.
 * Resolves with the exit code: 2 when a script gave nothing to do.
 */
export async function runTerminalChatWithDigests(
  chat: TerminalChat,
  digestOptions: Omit<DigestServiceOptions, 'deliver'>,
  io: { stderr: Writable },
): Promise<number> {
  if (!chat.interactive) io.stderr.write(`${NO_TOKEN_NOTICE}\n`);
  const deliverer = createDigestDeliverer(chat.api);
  const deliver: Deliverer<DigestMessage> = {
    render: deliverer.render,
    send: async (chatId, part, options) => {
      const outcome = await deliverer.send(chatId, part, options);
      chat.promptAgain();
      return outcome;
    },
  };
  const digests = chat.interactive ? startDigestService({ ...digestOptions, deliver }) : undefined;
  try {
    const { handled } = await chat.run();
    if (handled > 0 || chat.interactive) return 0;
    io.stderr.write('Nothing to do: standard input was empty. Exiting with code 2.\n');
    return 2;
  } finally {
    await digests?.stop();
  }
}
