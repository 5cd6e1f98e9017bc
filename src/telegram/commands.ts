import type { BotDeps, MenuCommand } from './context.js';

/** The command menus Telegram shows, by where the reader is. */
export interface CommandMenus {
  /** Private chats (and the default scope): questions are typed directly, so no /ask. */
  private: MenuCommand[];
  /** Groups: /ask is how to ask; /start is of no use there. */
  groups: MenuCommand[];
}

/**
 * The command menu (setMyCommands), with Chinese descriptions. Other features' commands (the
 * digest's /subscribe …) are appended after the bot's own. Descriptions carry no dates: the menu is
 * set once and must not go stale as the archive grows.
 */
export function botCommands(extra: readonly MenuCommand[] = []): MenuCommand[] {
  const own: MenuCommand[] = [
    { command: 'start', description: '开始使用' },
    { command: 'help', description: '使用说明' },
    { command: 'ask', description: '提问（群聊中使用：/ask 问题）' },
    { command: 'latest', description: '最新一期' },
    { command: 'date', description: '按日期查看一期报纸，如 /date 11月7日' },
    { command: 'issue', description: '按期号查看，如 /issue 第12124期' },
    { command: 'issues', description: '全部期次' },
    { command: 'topics', description: '按主题和地区浏览' },
    { command: 'topic', description: '某个主题或地区的报道，如 /topic 民生' },
  ];
  const names = new Set(own.map((c) => c.command));
  return [...own, ...extra.filter((c) => !names.has(c.command))];
}

/** Whether the bot offers the daily digest (the subscription feature's commands are installed). */
export function offersDigest(deps: Pick<BotDeps, 'extraCommands'>): boolean {
  return deps.extraCommands?.some((c) => c.command === 'subscribe') ?? false;
}

const PRIVATE_ONLY = new Set(['start']);
const GROUP_ONLY = new Set(['ask']);

/** The menus per scope: the same commands, without those that make no sense there. */
export function commandMenus(extra: readonly MenuCommand[] = []): CommandMenus {
  const all = botCommands(extra);
  return {
    private: all.filter((c) => !GROUP_ONLY.has(c.command)),
    groups: all.filter((c) => !PRIVATE_ONLY.has(c.command)),
  };
}
