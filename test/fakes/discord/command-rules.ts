// Discord's documented rules for application commands, enforced by the fake
// as Discord does (400, code 50035 "Invalid Form Body") when Beacon registers
// /incident, and the shape Discord sends when a person invokes it.
// https://discord.com/developers/docs/interactions/application-commands#application-command-object

type Json = Record<string, unknown>;
const SUB = 1;
const GROUP = 2;
const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const OPTION_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

const len = (s: unknown) => [...String(s ?? "")].length;

/** Problems with one command definition; empty when Discord would accept it. */
export function commandProblems(cmd: Json): string[] {
  const problems: string[] = [];
  const at = (path: string, what: string) => problems.push(`${path}: ${what}`);
  const checkName = (path: string, name: unknown) => {
    if (typeof name !== "string" || !NAME.test(name) || name !== name.toLowerCase()) at(path, `invalid name "${String(name)}"`);
  };
  const checkDescription = (path: string, d: unknown) => {
    if (len(d) < 1 || len(d) > 100) at(path, `description must be 1-100 characters (${len(d)})`);
  };
  checkName("name", cmd.name);
  checkDescription("description", cmd.description);
  let total = len(cmd.name) + len(cmd.description);
  const walk = (options: unknown, path: string, depth: number) => {
    const list = (options ?? []) as Json[];
    if (list.length > 25) at(path, `at most 25 options (${list.length})`);
    const names = new Set<string>();
    let optionalSeen = false;
    list.forEach((o, i) => {
      const p = `${path}.${i}`;
      checkName(`${p}.name`, o.name);
      checkDescription(`${p}.description`, o.description);
      total += len(o.name) + len(o.description);
      if (names.has(String(o.name))) at(p, `duplicate option name "${String(o.name)}"`);
      names.add(String(o.name));
      if (!OPTION_TYPES.has(Number(o.type))) at(p, `unknown option type ${String(o.type)}`);
      const nested = o.type === SUB || o.type === GROUP;
      if (nested) {
        if (o.type === GROUP && depth > 0) at(p, "a subcommand group may only sit at the top");
        if (o.type === SUB && depth > 1) at(p, "subcommands nest at most two deep");
        if (o.type === GROUP && ((o.options ?? []) as Json[]).some((s) => s.type !== SUB)) at(p, "a group holds only subcommands");
        walk(o.options, `${p}.options`, depth + 1);
        return;
      }
      if (o.required) {
        if (optionalSeen) at(p, "required options must come before optional ones");
      } else optionalSeen = true;
      const choices = (o.choices ?? []) as Json[];
      if (choices.length > 25) at(p, `at most 25 choices (${choices.length})`);
      choices.forEach((c, j) => {
        if (len(c.name) < 1 || len(c.name) > 100) at(`${p}.choices.${j}`, "choice name must be 1-100 characters");
        total += len(c.name) + len(c.value);
      });
      if (o.autocomplete && choices.length) at(p, "autocomplete and choices exclude each other");
      if (o.max_length !== undefined && (Number(o.max_length) < 1 || Number(o.max_length) > 6000)) at(p, "max_length must be 1-6000");
    });
    const mixes = list.some((o) => o.type === SUB || o.type === GROUP) && list.some((o) => o.type !== SUB && o.type !== GROUP);
    if (mixes) at(path, "subcommands and plain options cannot be mixed");
  };
  walk(cmd.options, "options", 0);
  if (total > 8000) at("(command)", `names, descriptions and choices total ${total} characters, over 8000`);
  return problems;
}

/** The definition of the subcommand a path names, if the registered command has it. */
export function subcommandAt(cmd: Json | undefined, path: string[]): Json | undefined {
  let options = (cmd?.options ?? []) as Json[];
  let found: Json | undefined;
  for (const name of path) {
    found = options.find((o) => o.name === name);
    if (!found) return undefined;
    options = (found.options ?? []) as Json[];
  }
  return found?.type === SUB ? found : undefined;
}
