import { parseDigestFilter, termLabel } from '../../digest/digest-filter.js';
import { escapeHtml } from './html.js';

const quoted = (words: readonly string[], joiner: string) => words.map((w) => `“${escapeHtml(termLabel(w))}”`).join(joiner);

/**
 * A subscription filter as a phrase for a digest's header or a reply (HTML): 与“农业”或“棉花”相关,
 * 不含“广告”, or both (与“农业”相关、不含“广告”). An exclusion alone is never read as a keyword
 * ("与“-广告”相关" said the opposite of what the reader asked).
 *
 * @example filterPhrase('-广告') // '不含“广告”'
 */
export function filterPhrase(filterText: string): string {
  const filter = parseDigestFilter(filterText);
  const parts: string[] = [];
  if (filter.include.length > 0) parts.push(`与${quoted(filter.include, '或')}相关`);
  if (filter.exclude.length > 0) parts.push(`不含${quoted(filter.exclude, '、')}`);
  return parts.join('、');
}
