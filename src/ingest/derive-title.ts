import { splitSentences } from '../text/split-sentences.js';

/** Longest derived title; a longer lead sentence is cut at a comma (or shortened with …). */
export const DERIVED_TITLE_MAX = 48;

/** A short time phrase opening a lead (`11月4日，`, `3月4日上午，`, `近日，`), which makes a poor title. */
const TIME_OPENER =
  /^(?:\d{4}年)?(?:\d{1,2}月\d{1,2}日(?:[上下中]午|早上|晚上|晚间|凌晨|傍晚|清晨)?|近日|日前|连日来|眼下|目前|当天|今年以来|近年来)[，,]\s*/u;

/**
 * A title for an article printed without a headline, from its lead sentence: the first sentence of
 * the text without its closing punctuation or a leading time phrase, cut at a comma when too long.
 *
 * @example deriveTitle('11月4日，位于奇台县的厂区，车辆正在灌装液体二氧化碳。今年初…') === '位于奇台县的厂区，车辆正在灌装液体二氧化碳'
 */
export function deriveTitle(text: string): string {
  const first = (splitSentences(text.trim())[0] ?? '').trim();
  let title = first.replace(TIME_OPENER, '').replace(/[。！？!?；;…]+[”’」』）)]*$/u, '').trim();
  if (title === '') title = first;
  if (title.length <= DERIVED_TITLE_MAX) return title;
  const cut = title.slice(0, DERIVED_TITLE_MAX).search(/[，,、；][^，,、；]*$/u);
  if (cut >= 12) return title.slice(0, cut);
  return `${title.slice(0, DERIVED_TITLE_MAX - 1)}…`;
}
