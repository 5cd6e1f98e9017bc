import type { Article } from './model.js';
import type { TopicsConfig } from './topics-config.js';

/** How much a keyword in the headline counts compared with one in the body: the headline says what the article is about. */
const TITLE_WEIGHT = 4;
/** A topic needs this much evidence, so a passing mention does not tag an article. */
const TOPIC_MIN_SCORE = 3;
const MAX_TOPICS = 3;
const MAX_PLACES = 3;
/** A county needs at least 1/REGION_SHARE as many mentions as the whole region to count as the article's subject. */
const REGION_SHARE = 2;

function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Assigns topics and places to an article from its content: keyword hits in the headline
 * weigh more than hits in the body; the strongest few win.
 */
export function classifyArticle(article: Article, config: TopicsConfig): { topics: string[]; places: string[] } {
  const head = [article.kicker, article.title, article.subtitle].filter(Boolean).join(' ');
  const body = [...article.paragraphs, ...article.captions].join('');

  const topicScores = config.topics
    .map((t) => ({
      name: t.name,
      score: t.keywords.reduce((s, k) => s + TITLE_WEIGHT * countOccurrences(head, k) + countOccurrences(body, k), 0),
    }))
    .filter((t) => t.score >= TOPIC_MIN_SCORE)
    .sort((a, b) => b.score - a.score);
  const best = topicScores[0]?.score ?? 0;
  // Keep secondary topics only when they are a real part of the article, not a stray mention.
  const topics = topicScores.filter((t) => t.score * 3 >= best).slice(0, MAX_TOPICS).map((t) => t.name);

  const placeScore = (aliases: readonly string[]) => {
    // Count the longest alias first so 吉木萨尔县 is not counted again as 吉木萨尔.
    let h = head;
    let b = body;
    let score = 0;
    for (const a of [...aliases].sort((x, y) => y.length - x.length)) {
      score += TITLE_WEIGHT * countOccurrences(h, a) + countOccurrences(b, a);
      h = h.split(a).join('');
      b = b.split(a).join('');
    }
    return score;
  };
  const placeScores = config.places
    .map((p) => ({ name: p.name, score: placeScore(p.aliases) }))
    .filter((p) => p.score >= 2)
    .sort((a, b) => b.score - a.score);
  const topPlace = placeScores[0]?.score ?? 0;
  // A county named in passing in a report about the whole region (昌吉州 …) is not what the article is about.
  const regionScore = config.region ? placeScore(config.region.aliases) : 0;
  const places = placeScores
    .filter((p) => p.score * 4 >= topPlace && p.score * REGION_SHARE >= regionScore)
    .slice(0, MAX_PLACES)
    .map((p) => p.name);
  return { topics, places };
}
