import { existsSync } from 'node:fs';

/** A file the evaluation needs is not there: the message names it and says where it comes from. */
export class MissingEvaluationDataError extends Error {
  constructor(readonly files: readonly string[]) {
    super(
      `missing evaluation data: ${files.join(', ')}. The evaluation sets live in ../shared beside the repository ` +
        '(they are not copied into it); check it out there, or skip a benchmark with --no-cmrc / --no-drcd.',
    );
    this.name = 'MissingEvaluationDataError';
  }
}

/** Throws MissingEvaluationDataError naming every file of `files` that does not exist. */
export function requireFiles(files: readonly string[]): void {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new MissingEvaluationDataError(missing);
}
