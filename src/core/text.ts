// What Beacon keeps of text a person or a platform hands over, and what it
// shows. Control characters (other than line breaks and tabs) carry nothing a
// person means to type and break rendering on every platform; bidirectional
// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) can make
// text read differently from what it is ("Trojan Source"), so Beacon drops
// them wherever it stores or renders text.

/** Control characters a person cannot mean: C0 except tab and line breaks, and DEL. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** Text without bidirectional overrides or isolates. */
export function neutraliseBidi(s: string): string {
  return s.replace(BIDI, "");
}

/** Text as a platform sent it, with control characters and bidirectional overrides removed. */
export function plainText(s: string): string {
  return s.replace(CONTROL_ALL, "").replace(BIDI, "");
}

/** Text fit to echo back in one line of a reply: control characters shown as �, overrides dropped. */
export function printable(s: string): string {
  return s.replace(CONTROL_ALL, "\ufffd").replace(BIDI, "");
}
