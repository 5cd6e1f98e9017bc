import { parseSearchSyntax, type SearchSyntaxProblem } from './parse-search-syntax.js';
import type { Answer, SearchEngine, SearchOptions, SearchOrder } from './types.js';

/** 最近、最新、近期: the reader wants the newest reports first. */
const LATEST_WORDS = /最近|最新|近期/u;

/** A question asked with its search syntax applied, or why its syntax cannot be used. */
export type Asked = { kind: 'answer'; answer: Answer; order: SearchOrder } | { kind: 'problem'; problem: SearchSyntaxProblem };

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
  return { kind: 'answer', answer, order };
}
