/** Named errors that keep their cause and carry context, so logs and users get actionable messages. */

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    message: string,
    readonly variable?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class IngestError extends Error {
  override name = 'IngestError';
  constructor(
    message: string,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class IndexError extends Error {
  override name = 'IndexError';
  constructor(
    message: string,
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class StoreError extends Error {
  override name = 'StoreError';
  constructor(
    message: string,
    readonly path?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
