import { runVariant, VARIANTS } from "./cache.ts";
const o = { personas: Number(process.argv[2] ?? 10), fans: Number(process.argv[3] ?? 5), turns: 30, concurrency: 48, seed: 42, capacityTokens: Number(process.argv[4] ?? 200000) };
for (const v of VARIANTS) { const r = await runVariant(v, o); console.log(JSON.stringify({ ...r, variant: r.variant.name })); }
process.exit(0);
