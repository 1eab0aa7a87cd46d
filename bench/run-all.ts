// Benchmarks: run on demand (`npm run bench`, or `npm run bench -- declare`),
// print their figures, and never decide CI's pass or fail.
import { benchDeclare } from "./declare.bench.js";
import { benchLateness } from "./scheduler-lateness.bench.js";
import { benchProduction } from "./production.bench.js";
import { benchSlack } from "./slack.bench.js";
import { benchDiscord } from "./discord.bench.js";
import { benchReview } from "./review.bench.js";
import { benchAlerts } from "./alerts.bench.js";

const all: Record<string, () => Promise<void>> = {
  declare: benchDeclare,
  lateness: benchLateness,
  production: benchProduction,
  slack: benchSlack,
  discord: benchDiscord,
  review: benchReview,
  alerts: benchAlerts,
};
const wanted = process.argv.slice(2).filter((a) => a in all);
console.log(`node ${process.version}, ${new Date().toISOString()}`);
for (const name of wanted.length ? wanted : Object.keys(all)) await all[name]!();
process.exit(0);
