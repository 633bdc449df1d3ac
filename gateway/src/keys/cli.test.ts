import { describe, expect, test } from "bun:test";
import { findByKey } from "./entry.ts";
import { parseKeysFile } from "./file.ts";
import { newKey } from "./cli.ts";

describe("bun run keys new", () => {
  test("the printed entry, pasted into a keys file, accepts the printed key and nothing else", () => {
    const { key, entry } = newKey("crm-prod", { tenant: "agency-a", days: 90 }, Date.parse("2027-01-01T00:00:00Z"));
    expect(entry).not.toContain(key);
    const parsed = parseKeysFile(`keys:\n${entry}\n`);
    expect(parsed.problems).toEqual([]);
    expect(findByKey(parsed.entries, key)).toMatchObject({ name: "crm-prod", tenant: "agency-a", notAfterMs: Date.parse("2027-04-01T00:00:00Z") });
    expect(newKey("crm-prod").key).not.toBe(key);
  });

  test("the command prints the key once and exits 0; bad input exits 2 with a sentence", async () => {
    const root = new URL("../../..", import.meta.url).pathname;
    const ok = Bun.spawnSync(["bun", "run", "keys", "new", "ops-2027", "--scopes", "admin"], { cwd: root });
    const out = ok.stdout.toString();
    expect(ok.exitCode).toBe(0);
    const key = out.match(/sk-sinhome-[A-Za-z0-9_-]{43}/g)!;
    expect(key).toHaveLength(1);
    expect(out).toContain("scopes: [admin]");
    const bad = Bun.spawnSync(["bun", "run", "keys", "new", "ops", "--scopes", "root"], { cwd: root });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr.toString()).toContain("unknown scope: root");
  });
});
