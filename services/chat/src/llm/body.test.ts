import { describe, expect, test } from "bun:test";
import { completionBodyJson } from "./body.ts";

const system = "Tu es Chloé, 24 ans. Réglages : « vente 3/5 » \"guillemets\" \\ \n\t émojis 😘 ".repeat(20);
const bodies: Record<string, unknown>[] = [
  { model: "qwen", messages: [{ role: "system", content: system }, { role: "user", content: "Salut 😘" }], max_tokens: 200, temperature: 0.8, response_format: undefined, stream: false },
  { model: "qwen", messages: [{ role: "system", content: system }], stream: false },
  { model: "qwen", messages: [{ content: system, role: "system" }, { role: "user", content: system, name: "x" }], max_tokens: undefined },
  { model: "qwen", messages: [] },
  { model: "qwen", messages: [null, undefined, 3, "x", { role: "user", content: system, toJSON: () => "j" }, { role: "user", content: 5 }] },
  { model: "qwen", messages: [{ role: "user", content: "\u2028\u2029\ud800 lone surrogate ".repeat(30) }], response_format: { type: "json_object" } },
  { model: undefined, messages: [{ role: "user", content: system }], stream: true },
];

describe("completionBodyJson", () => {
  test("is byte for byte JSON.stringify, cached or not", () => {
    for (let round = 0; round < 3; round++) {
      for (const body of bodies) expect(completionBodyJson(body as never)).toBe(JSON.stringify(body));
    }
  });

  test("a long text seen before gives the same encoding as a fresh one", () => {
    const first = completionBodyJson({ model: "m", messages: [{ role: "system", content: system }] });
    const copy = (" " + system).slice(1); // same text, another string
    expect(completionBodyJson({ model: "m", messages: [{ role: "system", content: copy }] })).toBe(first);
    expect(completionBodyJson({ model: "m", messages: [{ role: "system", content: system + "!" }] })).toBe(JSON.stringify({ model: "m", messages: [{ role: "system", content: system + "!" }] }));
  });
});
