/// Normalisation applied once on import (DESIGN §3): strip a BOM, turn CRLF and lone CR into LF,
/// compose to Unicode NFC. Nothing else: no trimming, no whitespace collapsing.
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');
}
