/**
 * Search syntax for readers who know it, as in web search engines:
 * - `"精确短语"` (also “…” and 「…」): the phrase must appear in the article as written;
 * - `-词` at the start of a word: articles containing 词 are left out.
 * A quote mark without its pair is ordinary punctuation, as in web search: readers paste sentences that open a
 * quotation and never close it (他说“头一回种生姜), and they are asking, not writing syntax.
 * Everything else is the question as usual. The phrases stay in the question (they are what is asked);
 * the excluded words do not.
 */

/** A question read for its syntax: what to rank by, and the article-level conditions. */
export interface SearchSyntax {
  kind: 'query';
  /** The question to rank by: quotes taken off (the phrase text kept), exclusions cut out. */
  text: string;
  /** Each must appear in the article as written (compared with the search's width/case/繁简 folding). */
  phrases: string[];
  /** Articles containing any of these are left out. */
  exclude: string[];
}

/** Why a question's syntax cannot be used; the caller answers with a short hint, never an error. */
export type SearchSyntaxProblem =
  /** Only `-词` words: nothing to look for. */
  | 'only-exclusions'
  /** `""` or `-` with nothing inside. */
  | 'empty-term';

export type ParsedSearch = SearchSyntax | { kind: 'problem'; problem: SearchSyntaxProblem };

/** Opening quote → its closing quote. ASCII " closes itself; ＂ is NFKC-folded to " first. */
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』' };
/** A minus that starts a word: ASCII, full-width (NFKC folds it), or the minus sign. */
const MINUS = /^[-−]/u;

/**
 * Reads quoted phrases and `-` exclusions out of a question.
 *
 * @example parseSearchSyntax('"冬小麦" 播种 -木垒') // { kind: 'query', text: '冬小麦 播种', phrases: ['冬小麦'], exclude: ['木垒'] }
 * @example parseSearchSyntax('他说“头一回种生姜') // { kind: 'query', text: '他说“头一回种生姜', phrases: [], exclude: [] }
 */
export function parseSearchSyntax(input: string): ParsedSearch {
  const s = input.replace(/＂/g, '"').replace(/－/g, '-');
  const phrases: string[] = [];
  const exclude: string[] = [];
  const rest: string[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    const closer = QUOTES[ch];
    if (closer !== undefined) {
      const end = s.indexOf(closer, i + 1);
      if (end === -1) {
        rest.push(ch);
        i++;
        continue;
      }
      const phrase = s.slice(i + 1, end).trim();
      if (phrase === '') return { kind: 'problem', problem: 'empty-term' };
      phrases.push(phrase);
      rest.push(` ${phrase} `);
      i = end + 1;
      continue;
    }
    const atWordStart = i === 0 || /\s/u.test(s[i - 1]!);
    if (atWordStart && MINUS.test(ch)) {
      let end = i + 1;
      while (end < s.length && !/\s/u.test(s[end]!) && QUOTES[s[end]!] === undefined) end++;
      const word = s.slice(i + 1, end);
      // "- 5" or a lone dash is punctuation, not an exclusion.
      if (word === '') {
        rest.push(ch);
        i = end;
        continue;
      }
      exclude.push(word);
      i = end;
      continue;
    }
    rest.push(ch);
    i++;
  }
  const text = rest.join('').replace(/\s+/g, ' ').trim();
  if (text === '' && exclude.length > 0) return { kind: 'problem', problem: 'only-exclusions' };
  return { kind: 'query', text, phrases: unique(phrases), exclude: unique(exclude) };
}

/** True when a question uses any of the syntax (so the reply can say what was applied). */
export function usesSyntax(parsed: SearchSyntax): boolean {
  return parsed.phrases.length > 0 || parsed.exclude.length > 0;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
