/// Text from a workspace or the command line (titles, file names, annotator names, search hits,
/// error messages) is hostile input once it reaches a terminal: an escape sequence in an article's
/// first line can retitle or clear the terminal and print fake lines, a bidi override can make a
/// file name read backwards, and a newline can forge a line of output. Every line `awb` prints goes
/// through here, so such characters show as visible escapes (`\x1b`, `\n`, `\u202e`) instead.
/// A short function rather than a library: `jsesc` escapes all non-ASCII text unless told not to,
/// and then leaves bidi controls alone; `strip-ansi` removes only well-formed ANSI sequences.

/// What a terminal may act on rather than show: C0 controls (ESC, CR, LF, BEL, …), DEL, C1
/// controls (U+0080–U+009F; U+009B alone starts a CSI sequence on many terminals), the bidi
/// embeddings, overrides and isolates, and the line and paragraph separators.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/// The same minus C0, which JSON.stringify already escapes.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (character: string, digits: number) => character.charCodeAt(0).toString(16).padStart(digits, '0');

/// `text` with every character a terminal could act on written as a visible escape; one line of
/// text stays one line.
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (c) => SHORT_ESCAPES[c] ?? (c < '\u0100' ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/// `value` as indented JSON that is also safe on a terminal. JSON.stringify escapes C0 but writes
/// DEL, C1, bidi controls and U+2028/2029 raw; these can only occur inside JSON strings, where
/// `\uXXXX` is the same character to any JSON parser, so the data is unchanged.
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, (c) => `\\u${hex(c, 4)}`);
}
