/**
 * Grows [best, last] with the better-scoring neighbour first while the total length stays within `max`.
 * Shared by the window choice (sentences) and the trimming of one long sentence (clauses).
 * @example growRange([{ text: 'ab', score: 0 }, { text: 'cd', score: 1 }], 1, 4) // → [0, 1]
 */
export function growRange<T extends { text: string; score: number }>(items: readonly T[], best: number, max: number, last = best): [number, number] {
  let start = best;
  let end = last;
  let length = items.slice(best, last + 1).reduce((n, s) => n + s.text.length, 0);
  for (;;) {
    const prev = items[start - 1];
    const next = items[end + 1];
    const fitsPrev = prev !== undefined && length + prev.text.length <= max;
    const fitsNext = next !== undefined && length + next.text.length <= max;
    if (!fitsPrev && !fitsNext) return [start, end];
    // Prefer the neighbour that says more about the question; on a tie, read on.
    if (fitsNext && (!fitsPrev || next.score >= prev.score)) {
      end++;
      length += next.text.length;
    } else {
      start--;
      length += prev!.text.length;
    }
  }
}
