export interface TopicDefinition {
  name: string;
  keywords: string[];
}

export interface PlaceDefinition {
  name: string;
  aliases: string[];
}

/** Topics and places readers can browse, from `config/topics.json` (read by loadProfile). */
export interface TopicsConfig {
  topics: TopicDefinition[];
  places: PlaceDefinition[];
  /** The paper's whole region (昌吉州): mentions of it compete with county mentions when tagging places. */
  region?: PlaceDefinition;
}
