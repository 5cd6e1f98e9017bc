const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const NAMED: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', hellip: '…', mdash: '—' };
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/g;

function decodeEntity(whole: string, dec: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
  const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
}

/**
 * The text of a question pasted with markup: HTML tags dropped (their text kept), then entities
 * decoded, so `<b>棉花</b>` and `&amp; 棉花 &lt;` search for 棉花. Only for matching: the answer
 * still carries the question as the reader typed it.
 *
 * @example plainQuery('<b>棉花</b>种植面积') === '棉花种植面积'
 */
export function plainQuery(query: string): string {
  return query.replace(HTML_TAG, '').replace(ENTITY, decodeEntity);
}
