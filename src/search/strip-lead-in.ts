/**
 * A greeting and a polite lead-in before a question (你好，我想问问…, 帮我查一下…, 麻烦问下…): they
 * ask nothing and name nothing, so they are taken off before the question is read; otherwise the
 * lead-in's words (问问, 查) become the "attribute" the answer must repeat.
 */
const GREETING = /^(?:你好|您好|哈喽|嗨|hi|hello|早上好|上午好|下午好|晚上好)[\s,，.。!！~～、]*/iu;
const LEAD_IN =
  /^(?:(?:我|我们)?(?:想|要)(?:问问|问一下|问下|请教一下|请教|打听一下|打听|咨询一下|咨询|了解一下|了解|知道)|(?:问一下|问下|请教一下|打听一下|咨询一下)|请问一下|请问|麻烦(?:你|您)?(?:问一下|问下|问问|查一下|查查|查下|帮我查一下|帮我查|帮忙查一下)?|(?:请|能不能|能否|可以|可不可以)?(?:帮我|帮忙|给我)(?:查一下|查查|查下|查|找一下|找找|找|搜一下|搜搜|搜|看一下|看看)|(?:能不能|能否|可以|可不可以)?告诉我|你知道|你知不知道|你晓得)[\s,，:：、]*/iu;

/**
 * The question without a leading greeting and polite lead-in; the text unchanged when nothing
 * would be left (你好 alone is a greeting, answered as chat).
 *
 * @example stripLeadIn('你好，我想问问石门子水库有多高') // → '石门子水库有多高'
 */
export function stripLeadIn(text: string): string {
  let rest = text.trim();
  for (let changed = true; changed; ) {
    const next = rest.replace(GREETING, '').replace(LEAD_IN, '');
    changed = next !== rest && next.trim() !== '';
    if (changed) rest = next.trim();
  }
  return rest;
}
