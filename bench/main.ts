/**
 * `bun run bench`: the project's benchmark. Figures are reported as ratios against a baseline run in
 * the same process (never as absolute pass/fail thresholds in tests). Loopback only, bounded in time.
 */
import { benchBus } from "./bus.ts";
import { benchMesh } from "./mesh.ts";
import { benchPipeline } from "./pipeline.ts";

const natsUrl = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
const sections: [string, () => Promise<string[]>][] = [
  ["bus", () => benchBus(natsUrl)],
  ["pipeline", () => benchPipeline()],
  ["mesh", () => benchMesh(natsUrl)],
];
const only = process.argv[2];

for (const [name, run] of sections) {
  if (only && only !== name) continue;
  console.log(`\n## ${name}`);
  for (const line of await run()) console.log(line);
}
process.exit(0);
