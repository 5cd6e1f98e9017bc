import { EXCLUSION_PROBE_LIMIT } from './ask-with-syntax.js';

/**
 * The reply when `-词` exclusions removed every report the question finds (QA B2: `「石门子水库」 -洪水`
 * said the archive had nothing): how many were removed, by which words, and how to see them.
 *
 * @example excludedAllLead('石门子水库', ['洪水'], 1) // '找到 1 篇与「石门子水库」相关的报道，但它含“洪水”，已按你的要求排除，没有剩下的结果。去掉“-洪水”再问，就能看到它。'
 */
export function excludedAllLead(question: string, exclude: readonly string[], matches: number): string {
  const count = matches >= EXCLUSION_PROBE_LIMIT ? `至少 ${matches} 篇` : ` ${matches} 篇`;
  const words = exclude.map((w) => `“${w}”`).join('或');
  const minus = exclude.map((w) => `-${w}`).join(' ');
  const them = matches === 1 ? ['它含', '它'] : ['它们都含', '它们'];
  return `找到${count}与「${question}」相关的报道，但${them[0]}${words}，已按你的要求排除，没有剩下的结果。去掉“${minus}”再问，就能看到${them[1]}。`;
}
