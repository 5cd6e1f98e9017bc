const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const NAMED: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', hellip: '…', mdash: '—' };
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/g;

function decodeEntity(whole: string, dec: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
  const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
}

/**
 * Text with its HTML markup removed: tags dropped (their text kept), then entities decoded, so
 * `PM<sub>2.5</sub>` reads PM2.5 and a question pasted as `<b>棉花</b>` or `&amp; 棉花 &lt;` searches
 * for 棉花. Autolinks such as `<http://…>` are text, not tags. One implementation for ingest and search.
 *
 * @example stripHtml('<b>棉花</b>种植面积') === '棉花种植面积'
 */
export function stripHtml(text: string): string {
  return text.replace(HTML_TAG, '').replace(ENTITY, decodeEntity);
}
