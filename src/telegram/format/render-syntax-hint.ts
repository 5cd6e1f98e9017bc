import type { SearchSyntaxProblem } from '../../search/parse-search-syntax.js';
import type { View } from './view.js';

const HINTS: Record<SearchSyntaxProblem, string> = {
  'only-exclusions': '只有要排除的词（-词），没有要找的内容。请加上要找的词，例如：棉花 -广告',
  'empty-term': '引号或减号后面是空的。例如："红色驿站" 或 棉花 -广告',
};

/** A short hint for a question whose search syntax cannot be used (never an error). */
export function renderSyntaxHint(problem: SearchSyntaxProblem): View {
  return { text: `${HINTS[problem]}\n发送 /help 查看搜索语法。` };
}

/** The search syntax, for /help (plain text lines, nothing to escape). */
export const SEARCH_SYNTAX_HELP = ['搜索语法：', '  "精确短语" — 短语须原样出现，例如 "冬小麦" 播种', '  -词 — 排除含有该词的报道，例如 棉花 -广告', '  问题中含“最近、最新、近期”时，结果按日期排列（最新在前）。'];
