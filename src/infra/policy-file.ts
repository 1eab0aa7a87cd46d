import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LineCounter, parseDocument, isNode } from "yaml";
import type { z } from "zod";
import { platformIdProblems, type PlatformIdentity } from "../core/policy/platform-ids.js";
import { policySchema, referenceProblems, type Policy, type PolicyProblem } from "../core/policy/schema.js";

/** The built-in default policy: the emergency plans Beacon comes from, as data. */
export const DEFAULT_POLICY_PATH = fileURLToPath(new URL("../../config/default-policy.yml", import.meta.url));

export class PolicyError extends Error {
  readonly code = "POLICY.INVALID";
}

export interface PolicyOptions {
  locale?: "en" | "zh";
  /** The chat platforms Beacon was built with: each `ids` entry is checked by the platform it names. */
  platforms?: PlatformIdentity[];
}

/**
 * Read and validate a policy file (YAML or JSON, which is YAML). A bad file
 * is refused with every problem, named by field and line, in one pass, e.g.
 * `policy.yml:41 severities.urgent.paging.0.page.1: unknown person or group "x"`.
 */
export function loadPolicyFile(path: string = DEFAULT_POLICY_PATH, locale?: "en" | "zh", platforms?: PlatformIdentity[]): Policy {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new PolicyError(`Cannot read the policy file ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parsePolicyText(text, path, { locale, platforms });
}

/**
 * The policy a deployment names: inline text (`BEACON_POLICY_YAML`, for
 * platforms where a file is awkward), a file (`BEACON_POLICY` or `--policy`),
 * or the built-in default.
 */
export function loadConfiguredPolicy(source: { path?: string; inline?: string }, opts: PolicyOptions = {}): Policy {
  if (source.path && source.inline)
    throw new PolicyError("Both a policy file (BEACON_POLICY or --policy) and BEACON_POLICY_YAML are set; keep one.");
  if (source.inline) return parsePolicyText(source.inline, "BEACON_POLICY_YAML", opts);
  return loadPolicyFile(source.path ?? DEFAULT_POLICY_PATH, opts.locale, opts.platforms);
}

/** At most this many problems are listed; a file that bad needs a look from the top anyway. */
const MAX_LISTED = 40;

export function parsePolicyText(text: string, name: string, opts: PolicyOptions = {}): Policy {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? "?";
    throw new PolicyError(`${name}:${line} ${e.message.split("\n")[0]}`);
  }
  const raw: unknown = doc.toJS();
  const parsed = policySchema.safeParse(raw);
  const platformNames = (opts.platforms ?? []).map((p) => p.name);
  const problems: PolicyProblem[] = parsed.success ? [] : parsed.error.issues.flatMap((i) => explain(i, platformNames));
  // The schema checks references only once the shapes are right; check them anyway, so nothing waits for a second round.
  if (!parsed.success) for (const r of referenceProblems(raw)) if (!problems.some((p) => same(p, r))) problems.push(r);
  if (parsed.success && opts.platforms) problems.push(...platformIdProblems(parsed.data, opts.platforms));
  if (problems.length) {
    const listed = problems.slice(0, MAX_LISTED).map((p) => {
      const path = p.path.map(String);
      const line = lineOf(doc, lines, path);
      return `${name}${line ? `:${line}` : ""} ${path.join(".") || "(top)"}: ${p.message}`;
    });
    if (problems.length > MAX_LISTED) listed.push(`(and ${problems.length - MAX_LISTED} more)`);
    throw new PolicyError(`Invalid policy:\n  ${listed.join("\n  ")}`);
  }
  const policy = parsed.data!;
  return opts.locale ? { ...policy, locale: opts.locale } : policy;
}

const same = (a: PolicyProblem, b: PolicyProblem) => a.message === b.message && a.path.join(".") === b.path.join(".");

/** A zod issue as a problem a person can act on: an unknown key is named, with where platform ids now go. */
function explain(issue: z.core.$ZodIssue, platformNames: string[]): PolicyProblem[] {
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  if (issue.code !== "unrecognized_keys") return [{ path, message: issue.message }];
  const inPeopleOrGroups = (path[0] === "people" || path[0] === "groups") && path.length === 2;
  return issue.keys.map((key) => ({
    path: [...path, key],
    message:
      inPeopleOrGroups && platformNames.includes(key)
        ? `unknown key "${key}"; a platform address goes under ids (ids: { ${key}: … })`
        : `unknown key "${key}"`,
  }));
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
