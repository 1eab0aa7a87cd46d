// Benchmarks: run on demand (`npm run bench`, or `npm run bench -- declare`),
// print their figures, and never decide CI's pass or fail.
import { benchDeclare } from "./declare.bench.js";
import { benchLateness } from "./scheduler-lateness.bench.js";
import { benchProduction } from "./production.bench.js";
import { benchSlack } from "./slack.bench.js";
import { benchDiscord } from "./discord.bench.js";
import { benchReview } from "./review.bench.js";
import { benchAlerts } from "./alerts.bench.js";
import { benchProcess } from "./embedded-process.bench.js";

const all: Record<string, () => Promise<void>> = {
  declare: benchDeclare,
  lateness: benchLateness,
  production: benchProduction,
  slack: benchSlack,
  discord: benchDiscord,
  review: benchReview,
  alerts: benchAlerts,
  process: benchProcess,
};
const asked = process.argv.slice(2).filter((a) => a !== "--");
const unknown = asked.filter((a) => !(a in all));
if (unknown.length) {
  console.error(`No bench named ${unknown.map((u) => `"${u}"`).join(", ")}. Benches: ${Object.keys(all).join(", ")}.`);
  process.exit(2);
}
const names = asked.length ? asked : Object.keys(all);
// Figures go to stdout; progress to stderr, so a redirected report stays clean.
console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
for (const [i, name] of names.entries()) {
  const t0 = Date.now();
  console.error(`[${i + 1}/${names.length}] ${name}…`);
  await all[name]!();
  console.error(`[${i + 1}/${names.length}] ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
process.exit(0);
