import { parseSearchSyntax, type SearchSyntax, type SearchSyntaxProblem } from './parse-search-syntax.js';
import type { Answer, SearchEngine, SearchOptions, SearchOrder } from './types.js';

/** 最近、最新、近期: the reader wants the newest reports first. */
const LATEST_WORDS = /最近|最新|近期/u;

/** A question asked with its search syntax applied, or why its syntax cannot be used. */
export type Asked = { kind: 'answer'; answer: Answer; order: SearchOrder; syntax: SearchSyntax } | { kind: 'problem'; problem: SearchSyntaxProblem };

/** The order a question starts in: by date when it asks for the latest, else by relevance. */
export function initialOrder(text: string): SearchOrder {
  return LATEST_WORDS.test(text) ? 'date' : 'relevance';
}

/**
 * Asks the engine a reader's question exactly as the bot does: quoted phrases must appear, `-词` excludes,
 * and a question about the latest starts in date order. Every entry point (bot, `npm run ask`) goes through
 * here, so they answer alike.
 */
export function askWithSyntax(engine: SearchEngine, input: string, options: SearchOptions = {}): Asked {
  const syntax = parseSearchSyntax(input);
  if (syntax.kind === 'problem') return syntax;
  const order = options.order ?? initialOrder(syntax.text);
  const answer = engine.search(syntax.text, { ...options, phrases: syntax.phrases, exclude: syntax.exclude, order });
  if (syntax.exclude.length > 0 && (answer.outcome === 'none' || answer.results.length === 0) && (options.offset ?? 0) === 0) {
    // Nothing left: say whether the reader's own -词 removed every report (QA B2), not that the archive has none.
    const unexcluded = engine.search(syntax.text, { filters: options.filters, phrases: syntax.phrases, order, limit: EXCLUSION_PROBE_LIMIT });
    if (unexcluded.outcome !== 'none' && unexcluded.results.length > 0 && unexcluded.chat === undefined) answer.excludedMatches = unexcluded.results.length;
  }
  return { kind: 'answer', answer, order, syntax };
}

/** How many reports the question alone finds are counted when exclusions left none ("至少 20 篇" beyond). */
export const EXCLUSION_PROBE_LIMIT = 20;
