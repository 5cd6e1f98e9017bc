import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';

export interface TopicDefinition {
  name: string;
  keywords: string[];
}

export interface PlaceDefinition {
  name: string;
  aliases: string[];
}

/** Topics and places readers can browse, from `config/topics.json`. */
export interface TopicsConfig {
  topics: TopicDefinition[];
  places: PlaceDefinition[];
  /** The paper's whole region (昌吉州): mentions of it compete with county mentions when tagging places. */
  region?: PlaceDefinition;
}

/** Reads and validates `topics.json`; a malformed file stops startup with a message naming it. */
export function loadTopicsConfig(configDir: string): TopicsConfig {
  const file = path.join(configDir, 'topics.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new ConfigError(`Cannot read ${file}: ${(cause as Error).message}. It lists the browsable topics and places.`, 'CONFIG_DIR', { cause });
  }
  const r = raw as { topics?: unknown; places?: unknown; region?: { name?: unknown; aliases?: unknown } };
  const topics = Array.isArray(r.topics) ? r.topics : [];
  const places = Array.isArray(r.places) ? r.places : [];
  const bad = (what: string) => new ConfigError(`${file}: every ${what} needs a "name" and a list of strings.`, 'CONFIG_DIR');
  const region =
    r.region && typeof r.region.name === 'string'
      ? {
          name: r.region.name,
          aliases: Array.isArray(r.region.aliases) ? r.region.aliases.filter((a): a is string => typeof a === 'string' && a.length > 0) : [r.region.name],
        }
      : undefined;
  return {
    region,
    topics: topics.map((t: { name?: unknown; keywords?: unknown }) => {
      if (typeof t.name !== 'string' || !Array.isArray(t.keywords)) throw bad('topic');
      return { name: t.name, keywords: t.keywords.filter((k): k is string => typeof k === 'string' && k.length > 0) };
    }),
    places: places.map((p: { name?: unknown; aliases?: unknown }) => {
      if (typeof p.name !== 'string') throw bad('place');
      const aliases = Array.isArray(p.aliases) ? p.aliases.filter((a): a is string => typeof a === 'string' && a.length > 0) : [];
      return { name: p.name, aliases: aliases.length > 0 ? aliases : [p.name] };
    }),
  };
}
