/**
 * Split command text into words, honouring "double", 'single' and “curly”
 * quotes, and `--flag value` / `--flag=value` options. Slack and Discord both
 * deliver the text after the command name as one string.
 */
export interface Tokens {
  words: string[];
  options: Record<string, string | true>;
}

const QUOTES: Record<string, string> = { '"': '"', "'": "'", "“": "”", "「": "」" };

export function tokenize(text: string): Tokens {
  const raw: string[] = [];
  let i = 0;
  const s = text.trim();
  while (i < s.length) {
    while (s[i] === " " || s[i] === "\t" || s[i] === "\n") i++;
    if (i >= s.length) break;
    const close = QUOTES[s[i]!];
    if (close) {
      const end = s.indexOf(close, i + 1);
      raw.push(end === -1 ? s.slice(i + 1) : s.slice(i + 1, end));
      i = end === -1 ? s.length : end + 1;
      continue;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j]!)) j++;
    raw.push(s.slice(i, j));
    i = j;
  }
  return splitOptions(raw);
}

function splitOptions(raw: string[]): Tokens {
  const words: string[] = [];
  const options: Record<string, string | true> = {};
  for (let k = 0; k < raw.length; k++) {
    const w = raw[k]!;
    const m = /^--([a-z][a-z-]*)(?:=(.*))?$/i.exec(w);
    if (!m) {
      words.push(w);
      continue;
    }
    const name = m[1]!.toLowerCase();
    if (m[2] !== undefined) options[name] = m[2];
    else if (k + 1 < raw.length && !raw[k + 1]!.startsWith("--")) options[name] = raw[++k]!;
    else options[name] = true;
  }
  return { words, options };
}
