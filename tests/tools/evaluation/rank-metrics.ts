/** Retrieval quality over a set of questions, from the 1-based rank of each question's gold answer (0 = not found). */
export interface RankMetrics {
  queries: number;
  recall1: number;
  recall3: number;
  recall10: number;
  mrr10: number;
}

export function rankMetrics(ranks: readonly number[]): RankMetrics {
  const n = Math.max(ranks.length, 1);
  const within = (k: number) => ranks.filter((r) => r >= 1 && r <= k).length / n;
  const mrr = ranks.reduce((sum, r) => sum + (r >= 1 && r <= 10 ? 1 / r : 0), 0) / n;
  return { queries: ranks.length, recall1: within(1), recall3: within(3), recall10: within(10), mrr10: mrr };
}

/** Latency summary in milliseconds. */
export interface Latency {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

export function latency(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(sorted.length, 1);
  return { mean, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
