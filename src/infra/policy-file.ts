import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, isNode } from "yaml";
import { policySchema, type Policy } from "../core/policy/schema.js";

/** The built-in default policy, encoding shared/domain.md. */
export const DEFAULT_POLICY_PATH = fileURLToPath(new URL("../../config/default-policy.yml", import.meta.url));

export class PolicyError extends Error {
  readonly code = "POLICY.INVALID";
}

/**
 * Read and validate a policy file (YAML or JSON, which is YAML). A bad file
 * is refused with every problem named by field and line, e.g.
 * `policy.yml:41 severities.urgent.paging.0.page.1: unknown person or group "x"`.
 */
export function loadPolicyFile(path: string = DEFAULT_POLICY_PATH, locale?: "en" | "zh"): Policy {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new PolicyError(`Cannot read the policy file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parsePolicyText(text, path, locale);
}

export function parsePolicyText(text: string, name: string, locale?: "en" | "zh"): Policy {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? "?";
    throw new PolicyError(`${name}:${line} ${e.message.split("\n")[0]}`);
  }
  const parsed = policySchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 8).map((issue) => {
      const path = issue.path.map(String);
      const line = lineOf(doc, lines, path);
      return `${name}${line ? `:${line}` : ""} ${path.join(".") || "(top)"}: ${issue.message}`;
    });
    throw new PolicyError(`Invalid policy:\n  ${problems.join("\n  ")}`);
  }
  return locale ? { ...parsed.data, locale } : parsed.data;
}

/** The line of the deepest node along `path` that exists in the file. */
function lineOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: string[]): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(
      path.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      true,
    );
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}
