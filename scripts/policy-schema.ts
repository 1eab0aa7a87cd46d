// `npm run policy:schema`: write config/policy.schema.json from the policy's
// zod schema (editors use it for completion: see the first line of
// config/default-policy.yml). test/core/policy/json-schema.test.ts fails when
// the committed file is stale.
import { writeFileSync } from "node:fs";
import { policyJsonSchema } from "../src/core/policy/json-schema.js";

writeFileSync(new URL("../config/policy.schema.json", import.meta.url), JSON.stringify(policyJsonSchema(), null, 2) + "\n");
process.stdout.write("config/policy.schema.json written\n");
