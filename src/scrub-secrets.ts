import { inspect } from 'node:util';

/** What replaces a secret in any output. */
export const REDACTED = '[redacted]';

/**
 * The forms in which a bot token can appear in output: whole, its secret half alone (after the colon), and
 * URL-encoded (`%3A`). Longest first, so the whole token is replaced before its halves.
 */
function secretForms(token: string): string[] {
  const forms = new Set([token, encodeURIComponent(token)]);
  const secret = token.slice(token.indexOf(':') + 1);
  // Only a real secret half; a short one would blank out ordinary words.
  if (secret.length >= 16) forms.add(secret);
  return [...forms].sort((a, b) => b.length - a.length);
}

/** A function that replaces every form of `token` in a string (identity without a token). */
export function createScrubber(token: string | undefined): (text: string) => string {
  if (!token) return (text) => text;
  const forms = secretForms(token);
  return (text) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(REDACTED);
    return out;
  };
}

function scrubBuffer(chunk: Uint8Array, forms: Buffer[]): Uint8Array {
  let out = Buffer.from(chunk);
  for (const form of forms) {
    let at = out.indexOf(form);
    if (at === -1) continue;
    const pieces: Buffer[] = [];
    let from = 0;
    while (at !== -1) {
      pieces.push(out.subarray(from, at), Buffer.from(REDACTED));
      from = at + form.length;
      at = out.indexOf(form, from);
    }
    pieces.push(out.subarray(from));
    out = Buffer.concat(pieces);
  }
  return out;
}

let installed = false;

/**
 * Scrubs the bot token where output leaves the process: every write to stdout and stderr — our logger, a library's
 * `console.error` (the polling runner prints failed getUpdates URLs, token included), a startup message — and an
 * uncaught exception, which Node would otherwise print raw. Call it once, as soon as the token is known.
 */
export function scrubProcessOutput(token: string | undefined): void {
  if (!token || installed) return;
  installed = true;
  const scrub = createScrubber(token);
  const forms = secretForms(token).map((f) => Buffer.from(f));
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      // Bytes are scrubbed as bytes: decoding a chunk that ends inside a character would corrupt it.
      const clean = typeof chunk === 'string' ? scrub(chunk) : chunk instanceof Uint8Array ? scrubBuffer(chunk, forms) : chunk;
      return write(clean, ...rest);
    }) as typeof stream.write;
  }
  process.on('uncaughtException', (err) => {
    process.stderr.write(`${inspect(err)}\n`);
    process.exit(1);
  });
}
