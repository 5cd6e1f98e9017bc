import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import type { Logger } from '../logger.js';
import type { CommandMenus } from './commands.js';

/** What Telegram shows about the bot: its texts and its command menus. */
export interface BotProfile {
  /** The text in an empty chat, before /start (at most 512 characters). */
  description: string;
  /** The text on the bot's profile page and in shared links (at most 120 characters). */
  shortDescription: string;
  menus: CommandMenus;
}

/**
 * Brings the bot's description, short description and command menus (private chats, groups, and the default
 * scope as private) in line with `wanted`, asking Telegram first and setting only what differs: restarts
 * then cost no writes, and the setters' tight rate limits are not spent. A failure is logged and skipped:
 * a bot without its menu still answers. Resolves with what was changed.
 */
export async function syncBotProfile(api: Api, wanted: BotProfile, logger: Logger): Promise<string[]> {
  const log = logger.child({ module: 'bot-profile' });
  const changed: string[] = [];
  const step = async (name: string, run: () => Promise<boolean>) => {
    try {
      if (await run()) changed.push(name);
    } catch (err) {
      log.warn({ err, what: name }, 'bot profile not updated');
    }
  };
  await step('description', async () => {
    if ((await api.getMyDescription()).description === wanted.description) return false;
    return api.setMyDescription(wanted.description);
  });
  await step('short description', async () => {
    if ((await api.getMyShortDescription()).short_description === wanted.shortDescription) return false;
    return api.setMyShortDescription(wanted.shortDescription);
  });
  const scopes: [string, BotCommandScope, BotCommand[]][] = [
    ['commands (default)', { type: 'default' }, wanted.menus.private],
    ['commands (private chats)', { type: 'all_private_chats' }, wanted.menus.private],
    ['commands (groups)', { type: 'all_group_chats' }, wanted.menus.groups],
  ];
  for (const [name, scope, commands] of scopes) {
    await step(name, async () => {
      if (sameCommands(await api.getMyCommands({ scope }), commands)) return false;
      return api.setMyCommands(commands, { scope });
    });
  }
  if (changed.length > 0) log.info({ changed }, 'bot profile updated');
  return changed;
}

function sameCommands(a: readonly BotCommand[], b: readonly BotCommand[]): boolean {
  return a.length === b.length && a.every((c, i) => c.command === b[i]!.command && c.description === b[i]!.description);
}

/**
 * The bot's texts from the paper profile: `botDescription`/`botShortDescription` in paper.json, or made
 * from the paper's name.
 */
export function botTexts(paper: { name: string; botDescription?: string; botShortDescription?: string }): Omit<BotProfile, 'menus'> {
  return {
    description:
      paper.botDescription ??
      `《${paper.name}》资料库助手。用中文提问，我会从报纸原文中找出相关的报道、标题和日期；也可以按日期、期号、主题浏览报纸，或订阅每日摘要（/subscribe）。`,
    shortDescription: paper.botShortDescription ?? `《${paper.name}》资料库：提问、看报、订阅每日摘要`,
  };
}
