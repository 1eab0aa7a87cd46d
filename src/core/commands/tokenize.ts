/**
 * Split command text into words, honouring "double", 'single' and “curly”
 * quotes. Slack and Discord both deliver the text after the command name as
 * one string. A quoted word is never read as an `--option`.
 */
export interface Token {
  text: string;
  quoted: boolean;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", "“": "”", "「": "」" };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const s = text.trim();
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) break;
    const close = QUOTES[s[i]!];
    if (close) {
      const end = s.indexOf(close, i + 1);
      tokens.push({ text: end === -1 ? s.slice(i + 1) : s.slice(i + 1, end), quoted: true });
      i = end === -1 ? s.length : end + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j]!)) j++;
    tokens.push({ text: s.slice(i, j), quoted: false });
    i = j;
  }
  return tokens;
}

/** `--name value`, `--name=value`, or `--name` alone (a flag). */
export function optionName(token: Token): { name: string; value?: string } | undefined {
  if (token.quoted) return undefined;
  const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/i.exec(token.text);
  return m ? { name: m[1]!.toLowerCase(), ...(m[2] !== undefined ? { value: m[2] } : {}) } : undefined;
}
