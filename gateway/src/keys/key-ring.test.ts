/**
 * Reloading the keys file the way a Kubernetes Secret volume changes it: the file is a symlink into a
 * `..data` directory that the kubelet swaps atomically for a new one.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, registry } from "@sinhome/runtime";
import { KeyRing } from "./key-ring.ts";

const dir = mkdtempSync(join(tmpdir(), "keys-ring-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const hex = (key: string) => createHash("sha256").update(key).digest("hex");
const yamlOf = (keys: Record<string, string>) => `keys:\n${Object.entries(keys).map(([name, key]) => `  - { name: ${name}, sha256: "${hex(key)}" }`).join("\n")}\n`;

let generation = 0;
/** Writes the Secret the kubelet's way: a new timestamped directory, then one rename of the `..data` symlink. */
function writeSecret(text: string): void {
  const gen = join(dir, `..gen-${++generation}`);
  mkdirSync(gen);
  writeFileSync(join(gen, "keys.yaml"), text);
  symlinkSync(`..gen-${generation}`, join(dir, "..data.tmp"));
  renameSync(join(dir, "..data.tmp"), join(dir, "..data"));
}
writeSecret(yamlOf({ old: "sk-old-0123456789abcdef" }));
symlinkSync("..data/keys.yaml", join(dir, "keys.yaml"));

const reloads = async (outcome: string) => {
  const metric = (await registry.getSingleMetric("sinhome_gateway_keys_reload_total")?.get())?.values.find((v) => v.labels.outcome === outcome);
  return metric?.value ?? 0;
};

describe("key ring from a keys file", () => {
  test("a swapped Secret is picked up whole; a broken one keeps the previous keys and says why, without a key", async () => {
    const lines: string[] = [];
    const log = createLogger("ring-test", "info", { write: (l: string) => void lines.push(l) });
    const ring = new KeyRing({ kind: "file", path: join(dir, "keys.yaml"), pollMs: 60_000 }, log);
    expect(ring.match("sk-old-0123456789abcdef")?.name).toBe("old");
    expect(ring.status()).toMatchObject({ source: "file", keys: 1 });
    expect(ring.describe()).toContain("1 API key from GATEWAY_KEYS_FILE");

    const okBefore = await reloads("ok");
    writeSecret(yamlOf({ old: "sk-old-0123456789abcdef", new: "sk-new-0123456789abcdef" }));
    await ring.poll();
    expect(ring.match("sk-new-0123456789abcdef")?.name).toBe("new");
    expect(ring.match("sk-old-0123456789abcdef")?.name).toBe("old");
    expect(await reloads("ok")).toBe(okBefore + 1);
    await ring.poll(); // unchanged content: nothing counted
    expect(await reloads("ok")).toBe(okBefore + 1);

    const rejectedBefore = await reloads("rejected");
    writeSecret(`keys:\n  - name: new\n    key: "sk-leaked-in-a-broken-line\n`);
    await ring.poll();
    expect(ring.match("sk-new-0123456789abcdef")?.name).toBe("new");
    expect(ring.status().error).toContain("previous keys kept");
    expect(await reloads("rejected")).toBe(rejectedBefore + 1);
    await ring.poll(); // the same broken content is reported once
    expect(await reloads("rejected")).toBe(rejectedBefore + 1);
    expect(lines.join("")).not.toContain("sk-leaked");
    const audits = lines.map((l) => JSON.parse(l)).filter((l) => l.audit === true);
    expect(audits.map((a) => [a.action, a.outcome])).toEqual([["keys_reload", "ok"], ["keys_reload", "rejected"]]);

    writeSecret(yamlOf({ new: "sk-new-0123456789abcdef" }));
    await ring.poll();
    expect(ring.status().error).toBeUndefined();
    expect(ring.match("sk-old-0123456789abcdef")).toBeUndefined();
    expect(ring.match("sk-new-0123456789abcdef")?.name).toBe("new");
    ring.stop();
  });

  test("a keys file that is broken at start is a start-up error naming the problem", () => {
    const path = join(dir, "broken.yaml");
    writeFileSync(path, "keys: []\n");
    expect(() => new KeyRing({ kind: "file", path, pollMs: 1000 })).toThrow(/GATEWAY_KEYS_FILE/);
  });
});
