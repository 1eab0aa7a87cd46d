import { en, type Messages } from "./en.js";
import { zh } from "./zh.js";

export type { Messages };
export type Locale = "en" | "zh";

export function messages(locale: Locale): Messages {
  return locale === "zh" ? zh : en;
}
