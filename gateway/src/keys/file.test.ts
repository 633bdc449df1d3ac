import { describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { CRM_SCOPES } from "@sinhome/proto";
import { findByKey } from "./entry.ts";
import { parseKeysFile } from "./file.ts";

const hex = (key: string) => createHash("sha256").update(key).digest("hex");
const CRM_KEY = "sk-crm-0123456789abcdef";
const OPS_KEY = "sk-ops-fedcba9876543210";

describe("keys file", () => {
  test("YAML with a digest entry and a plaintext entry: both match, the plaintext one is warned about, defaults apply", () => {
    const parsed = parseKeysFile(`
keys:
  - name: crm-prod
    sha256: "${hex(CRM_KEY)}"
    tenant: agency-a
    limit_per_minute: 600
    not_after: "2030-01-01T00:00:00Z"
  - name: ops
    key: "${OPS_KEY}"
    scopes: [admin]
`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toContain("ops");
    expect(parsed.warnings[0]).not.toContain(OPS_KEY);
    const crm = findByKey(parsed.entries, CRM_KEY)!;
    expect(crm).toMatchObject({ name: "crm-prod", tenant: "agency-a", limitPerMinute: 600, notAfterMs: Date.parse("2030-01-01T00:00:00Z") });
    expect([...crm.scopes].sort()).toEqual([...CRM_SCOPES].sort());
    expect(findByKey(parsed.entries, OPS_KEY)?.name).toBe("ops");
    expect(findByKey(parsed.entries, "sk-someone-else-000000")).toBeUndefined();
  });

  test("JSON is read too", () => {
    const parsed = parseKeysFile(JSON.stringify({ keys: [{ name: "crm", sha256: hex(CRM_KEY).toUpperCase(), scopes: ["chat"] }] }));
    expect(parsed.problems).toEqual([]);
    expect([...findByKey(parsed.entries, CRM_KEY)!.scopes]).toEqual(["chat"]);
  });

  test("every mistake is named by entry and field, and the whole file is refused", () => {
    const parsed = parseKeysFile(`
keys:
  - { name: "bad name!", sha256: "${hex("a")}" }
  - { name: dup, sha256: "${hex("b")}" }
  - { name: dup, sha256: "${hex("c")}" }
  - { name: both, sha256: "${hex("d")}", key: "sk-both-0123456789" }
  - { name: short-digest, sha256: "abc" }
  - { name: scopes, sha256: "${hex("e")}", scopes: [chat, root] }
  - { name: tenant, sha256: "${hex("f")}", tenant: "a b" }
  - { name: expiry, sha256: "${hex("g")}", not_after: "next tuesday" }
  - { name: same-key, sha256: "${hex("b")}" }
`);
    expect(parsed.entries).toEqual([]);
    const text = parsed.problems.join("\n");
    for (const expected of ["keys[0]: name must match", "keys[2] (dup): duplicate name", "(both): give exactly one of sha256 or key", "(short-digest): sha256 must be 64", '(scopes): unknown scope "root"', "(tenant): tenant must match", "(expiry): not_after", "(same-key): the same key"]) {
      expect(text).toContain(expected);
    }
  });

  test("a file that is not YAML says where, never what (the line may hold a key)", () => {
    const parsed = parseKeysFile(`keys:\n  - name: crm\n    key: "sk-secret-value-123456\n  oops: [`);
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems.join(" ")).not.toContain("sk-secret-value");
  });

  test("an empty key list, unknown fields and wrong types are refused", () => {
    expect(parseKeysFile("keys: []").problems.length).toBeGreaterThan(0);
    expect(parseKeysFile(`keys:\n  - { name: a, sha256: "${hex("a")}", role: admin }`).problems.length).toBeGreaterThan(0);
    expect(parseKeysFile(`keys:\n  - { name: a, sha256: "${hex("a")}", limit_per_minute: lots }`).problems.length).toBeGreaterThan(0);
    expect(parseKeysFile("").problems.length).toBeGreaterThan(0);
  });
});
