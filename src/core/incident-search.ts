// What a person typed to find an incident (an autocomplete box): a number,
// written `12`, `#12` or `INC-12`, matches the incidents whose number starts
// with it; any text matches the titles that contain it, ignoring case.

export interface SearchTerms {
  /** Digits an incident number must start with, when the text is a number. */
  numberPrefix?: string;
  /** Text a title must contain (ignoring case), when anything was typed. */
  title?: string;
}

export function searchTerms(typed: string): SearchTerms {
  const text = typed.trim();
  if (!text) return {};
  const number = /^(?:#|inc-?\s*)?(\d{1,10})$/i.exec(text)?.[1];
  return { ...(number ? { numberPrefix: number } : {}), title: text };
}

/** Does this incident match the terms (the same rule the stores apply in their queries)? */
export function matchesSearch(terms: SearchTerms, incident: { number: number; title: string }): boolean {
  if (terms.numberPrefix === undefined && terms.title === undefined) return true;
  return (
    (terms.numberPrefix !== undefined && String(incident.number).startsWith(terms.numberPrefix)) ||
    (terms.title !== undefined && incident.title.toLowerCase().includes(terms.title.toLowerCase()))
  );
}
