import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** What a question contributes to matching, after normalisation. */
export interface QueryTerms {
  /** Informative words (stopwords, question words and punctuation removed), in order, without repeats. */
  words: string[];
  /** Character bigrams inside runs of informative words: never across a stopword, question word or punctuation. */
  bigrams: string[];
  /** Those runs (consecutive informative words joined), in order. */
  segments: string[];
  /** The words jieba tags as names of places or organisations (木垒县, 新疆大学). */
  names: string[];
}

/**
 * Chinese tokenisation for matching. Every method takes text already passed through
 * `normalizeForMatch`, so the archive and the questions are cut the same way.
 */
export interface Tokenizer {
  /** jieba words (HMM on, for unknown names), without punctuation, whitespace or stopwords. */
  words(text: string): string[];
  /** Every pair of adjacent Han characters, so sub-words and names jieba splits oddly still match. */
  bigrams(text: string): string[];
  /**
   * Words and bigrams of a question. `isKnown` (the word occurs in the archive) lets the tokenizer
   * repair jieba's cuts of short questions, which glue particles onto names: an unknown word loses
   * one-character stopwords at its ends ("潘淑是" → 潘淑 + 是, "于亚太" → 于 + 亚太) as long as two
   * characters remain, and the stopword breaks the run.
   */
  query(text: string, options?: { isKnown?: (word: string) => boolean }): QueryTerms;
  isStopword(word: string): boolean;
  /** jieba's plain cut (HMM on), nothing removed: for reading a question's structure. */
  cut(text: string): string[];
  /** jieba's words with part-of-speech tags (nr person, ns place, nt organisation …). */
  tag(text: string): { word: string; tag: string }[];
  /** Whether jieba's word is its HMM guess (户伊雪梅, an unknown name glued to a character), not a dictionary word. */
  guessed(word: string): boolean;
}

// Loading jieba's dictionary takes ≈200 ms and ≈30 MB: keep one instance per user dictionary.
const jiebaByUserDict = new Map<string, Jieba>();

/** The shared jieba instance for a user dictionary (its text, in jieba's `word freq tag` format). */
export function getJieba(userDict = ''): Jieba {
  let jieba = jiebaByUserDict.get(userDict);
  if (jieba === undefined) {
    jieba = Jieba.withDict(dict);
    if (userDict.trim() !== '') jieba.loadDict(Buffer.from(userDict, 'utf8'));
    jiebaByUserDict.set(userDict, jieba);
  }
  return jieba;
}

/** Strips comments and blank lines: jieba would read `# …` as a word. */
export function cleanUserDict(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .join('\n');
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * 多远, 多大年纪 … closing a question: jieba's HMM glues them to the name before (县城多远 → 城多远,
 * 刘兵山多大 → 山多大), so they are set apart first. Only before the question's end or 年纪/岁数,
 * so 很多大学, 许多大型 stay whole.
 */
const TRAILING_HOW = /(?<=\p{Script=Han})(多(?:远|大|高|长|深|宽|厚|重|久)(?=年纪|岁数|了|呢|啊|吗|呀|[？?。!！，,\s]|$))/gu;
const HAN = /\p{Script=Han}/u;

function isHan(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c > 0xf900 && HAN.test(ch));
}

/** Adjacent Han pairs of `text`, appended to `out`. */
function pushBigrams(text: string, out: string[]): void {
  let prev = '';
  for (const ch of text) {
    if (isHan(ch)) {
      if (prev !== '') out.push(prev + ch);
      prev = ch;
    } else {
      prev = '';
    }
  }
}

/** "潘淑是" → ["潘淑", "是"]: peels one-character stopwords off both ends while two characters remain. */
function peelStopwords(word: string, stopwords: ReadonlySet<string>): string[] {
  const chars = Array.from(word);
  let start = 0;
  let end = chars.length;
  while (end - start > 2 && stopwords.has(chars[start]!)) start++;
  while (end - start > 2 && stopwords.has(chars[end - 1]!)) end--;
  if (start === 0 && end === chars.length) return [word];
  return [...chars.slice(0, start), chars.slice(start, end).join(''), ...chars.slice(end)];
}

/**
 * Cuts `text` into words the archive knows (two characters or more) and stopwords, the fewest pieces
 * first; one leftover character is allowed among two known words or more (政协常委会议 → 政协 常委会 议).
 * Undefined when no such cut covers it all.
 */
function cutIntoKnown(text: string, isKnown: (word: string) => boolean, stopwords: ReadonlySet<string>): string[] | undefined {
  const chars = Array.from(text);
  // best[i][k]: the fewest-piece cut of chars[0..i) with k leftover characters (k ≤ 1).
  const best: (string[] | undefined)[][] = [[[], undefined]];
  for (let end = 1; end <= chars.length; end++) {
    const here: (string[] | undefined)[] = [undefined, undefined];
    for (let start = Math.max(0, end - MAX_PIECE); start < end; start++) {
      const piece = chars.slice(start, end).join('');
      const known = stopwords.has(piece) || (end - start >= 2 && isKnown(piece));
      const leftover = !known && end - start === 1;
      if (!known && !leftover) continue;
      for (let k = 0; k <= 1; k++) {
        const before = best[start]![k];
        const into = k + (leftover ? 1 : 0);
        if (before === undefined || into > 1) continue;
        if (here[into] === undefined || here[into]!.length > before.length + 1) here[into] = [...before, piece];
      }
    }
    best.push(here);
  }
  const [clean, withLeftover] = best[chars.length]!;
  if (clean !== undefined) return clean;
  const multi = withLeftover?.filter((p) => p.length >= 2 && !stopwords.has(p)).length ?? 0;
  return multi >= 2 ? withLeftover : undefined;
}

/** Longest piece cutIntoKnown tries (characters). */
const MAX_PIECE = 8;

// jieba keeps some question phrases whole (哪几个, 哪些地方, 什么样, 几月, 几日): they ask, they carry no content.
const QUESTION_PREFIX = /^(?:哪|什么|多少|怎|为什么|为何|几)/u;
// Words that ask: a generic noun right after one is a question phrase (哪个单位, 什么地方, 多少人).
const QUESTION_WORD = /^(?:哪|什么|多少|几|何|啥|谁)/u;
// jieba's tags for names of places (ns) and organisations (nt). Not people (nr): jieba guesses
// those for unknown words too (冬小麦 → nr).
const NAME_TAG = /^(?:ns|nt)$/u;
// A lone Latin letter ("b" of a pasted <b> tag, the B of "A、B级") says nothing about what is asked.
const LONE_LETTER = /^[a-z]$/iu;

/** A tokenizer over a stopword set and a jieba user dictionary (text, comments allowed). */
export function createTokenizer(options: {
  stopwords: ReadonlySet<string>;
  userDict?: string;
  /** Nouns that name the kind of answer (单位, 地方, 时间): question phrases after a question word or at the end (config/generic-nouns.txt). */
  genericNouns?: ReadonlySet<string>;
}): Tokenizer {
  const jieba = getJieba(cleanUserDict(options.userDict ?? ''));
  const stopwords = options.stopwords;
  const genericNouns = options.genericNouns ?? new Set<string>();
  const informative = (token: string): boolean =>
    WORDLIKE.test(token) && !stopwords.has(token) && !QUESTION_PREFIX.test(token) && !LONE_LETTER.test(token);

  return {
    words(text) {
      return jieba.cut(text, true).filter(informative);
    },
    bigrams(text) {
      const out: string[] = [];
      pushBigrams(text, out);
      return out;
    },
    query(text, queryOptions) {
      const isKnown = queryOptions?.isKnown;
      // Each token, and whether a bigram may join it to the informative token before it.
      const tokens: { token: string; joined: boolean }[] = [];
      const cut = jieba.cut(text.replace(TRAILING_HOW, ' $1'), true);
      for (let i = 0; i < cut.length; ) {
        const token = cut[i]!;
        if (isKnown === undefined || !informative(token) || isKnown(token)) {
          tokens.push({ token, joined: true });
          i++;
          continue;
        }
        // A run of words the archive never printed as words ("政协常委会" + "议是", jieba's cut of
        // 政协常委会议是): cut it again into words the archive knows, or failing that peel particles.
        let j = i + 1;
        while (j < cut.length && informative(cut[j]!) && !isKnown(cut[j]!)) j++;
        const pieces = cutIntoKnown(cut.slice(i, j).join(''), isKnown, stopwords);
        if (pieces !== undefined && pieces.length > 1) {
          // The pieces were glued only by jieba's guess: no bigram across them (政协|常委 → no 协常).
          pieces.forEach((piece, k) => tokens.push({ token: piece, joined: k === 0 }));
        } else {
          for (const t of cut.slice(i, j)) {
            for (const piece of t.length < 3 ? [t] : peelStopwords(t, stopwords)) tokens.push({ token: piece, joined: true });
          }
        }
        i = j;
      }
      const asks = questionPhrases(tokens.map((t) => t.token), informative, genericNouns);
      const words: string[] = [];
      const segments: string[] = [];
      let run = '';
      for (const [k, { token, joined }] of tokens.entries()) {
        if (informative(token) && !asks.has(k)) {
          if (!words.includes(token)) words.push(token);
          if (!joined && run !== '') {
            segments.push(run);
            run = '';
          }
          run += token;
        } else if (run !== '') {
          segments.push(run);
          run = '';
        }
      }
      if (run !== '') segments.push(run);
      const all: string[] = [];
      for (const s of segments) pushBigrams(s, all);
      const tagged = new Set(jieba.tag(text, true).filter((t) => NAME_TAG.test(t.tag)).map((t) => t.word));
      return { words, bigrams: [...new Set(all)], segments, names: words.filter((w) => tagged.has(w)) };
    },
    isStopword: (word) => stopwords.has(word),
    cut: (text) => jieba.cut(text, true),
    tag: (text) => jieba.tag(text, true),
    guessed: (word) => Array.from(word).length > 1 && jieba.cut(word, false).length > 1,
  };
}

/**
 * Positions of the generic nouns that ask rather than inform: right after a question word
 * (哪个|单位, 什么|地方, 多少|人), or a generic noun of two characters or more ending the question
 * (棉花项目牵头|单位, 活动的举办|地点), with only stopwords or punctuation after it.
 */
function questionPhrases(tokens: readonly string[], informative: (token: string) => boolean, genericNouns: ReadonlySet<string>): Set<number> {
  const out = new Set<number>();
  if (genericNouns.size === 0) return out;
  let previous = '';
  let lastInformative = -1;
  tokens.forEach((token, k) => {
    if (token.trim() === '') return;
    if (genericNouns.has(token) && QUESTION_WORD.test(previous)) out.add(k);
    if (informative(token)) lastInformative = k;
    previous = token;
  });
  const last = tokens[lastInformative];
  if (last !== undefined && Array.from(last).length >= 2 && genericNouns.has(last)) out.add(lastInformative);
  return out;
}
