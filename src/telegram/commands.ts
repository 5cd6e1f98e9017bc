import type { MenuCommand } from './context.js';

/**
 * The command menu (setMyCommands), with Chinese descriptions. Other features' commands (the
 * digest's /subscribe …) are appended after the bot's own.
 */
export function botCommands(extra: readonly MenuCommand[] = []): MenuCommand[] {
  const own: MenuCommand[] = [
    { command: 'start', description: '开始使用' },
    { command: 'help', description: '使用说明' },
    { command: 'ask', description: '提问（群聊中使用：/ask 问题）' },
    { command: 'latest', description: '最新一期' },
    { command: 'date', description: '按日期查看，如 /date 2024-11-07' },
    { command: 'issue', description: '按日期或期号查看，如 /issue 第12124期' },
    { command: 'issues', description: '全部期次' },
    { command: 'topics', description: '按主题和地区浏览' },
    { command: 'topic', description: '某个主题或地区的报道，如 /topic 民生' },
  ];
  const names = new Set(own.map((c) => c.command));
  return [...own, ...extra.filter((c) => !names.has(c.command))];
}
