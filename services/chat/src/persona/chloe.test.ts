import { describe, expect, test } from "bun:test";
import { qwenTokens as countTokens } from "../history/qwen-tokenizer.testing.ts";
import { buildChloePrompt } from "./chloe.ts";
import { SAFETY_RULES_V1, V1_STATIC_PREFIX } from "./rules.fr.ts";

describe("buildChloePrompt", () => {
  test("is Chloe, on the v1 static prefix, with every safety rule", () => {
    const { system, postHistory } = buildChloePrompt();
    expect(system.startsWith(V1_STATIC_PREFIX)).toBe(true);
    expect(system).toContain("Tu t'appelles Chloe.");
    for (const rule of SAFETY_RULES_V1) expect(system).toContain(rule);
    expect(postHistory).toBeNull();
    expect(countTokens(system)).toBeLessThan(1600);
  });

  test("is the same text on every call, so the whole prompt is cacheable", () => {
    expect(buildChloePrompt().system).toBe(buildChloePrompt().system);
  });

  test("takes directives into the post-history block", () => {
    expect(buildChloePrompt(["Scénario à suivre : sois câline"]).postHistory).toContain("Scénario à suivre : sois câline");
  });
});
