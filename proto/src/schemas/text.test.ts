/** The text-field rules: what identifiers refuse, what free text loses, and that every route's free text is cleaned. */
import { describe, expect, test } from "bun:test";
import { Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { ROUTES } from "../routes.ts";
import { ScriptChatRequest } from "./chat.ts";
import { MediaSentRequest } from "./media.ts";
import { cleanFreeText, FREE_TEXT, freeTextCleaner, FreeText, Identifier, isCleanIdentifier } from "./text.ts";

describe("identifiers", () => {
  test("refuse C0 and C1 controls, DEL and unpaired surrogates; accept any other Unicode", () => {
    for (const bad of ["a\u0000", "\u0001", "tab\there", "new\nline", "\u007f", "\u0085", "\u009f", "\ud800", "x\udfffy"]) {
      expect(isCleanIdentifier(bad)).toBe(false);
    }
    for (const good of ["fan-42", "média_été", "😘", "👩‍👩‍👧", "\u202e", "e\u0301", "雪"]) expect(isCleanIdentifier(good)).toBe(true);
  });

  test("a schema check names the rule, not the value", () => {
    const errors = [...Value.Errors(MediaSentRequest, { fan_id: "f\u0000", media_id: "m" })];
    expect(errors.map((e) => [e.path, e.message])).toEqual([["/fan_id", expect.stringContaining("control characters")]]);
    expect(Value.Check(Identifier({ maxLength: 3 }), "abcd")).toBe(false); // the other limits still apply
  });
});

describe("free text", () => {
  test("loses controls but keeps tab, newline and carriage return; unpaired surrogates become U+FFFD", () => {
    expect(cleanFreeText("sa\u0000lu\u001bt\u0085\u007f")).toBe("salut");
    expect(cleanFreeText("a\tb\nc\r\n")).toBe("a\tb\nc\r\n");
    expect(cleanFreeText("x\ud800y\udc00")).toBe("x\ufffdy\ufffd");
    expect(cleanFreeText("😘 é")).toBe("😘 é");
  });

  test("the cleaner follows composites, arrays and unions, and leaves wrong types to validation", () => {
    const clean = freeTextCleaner(ScriptChatRequest)!;
    const body = { message: "a\u0000", script: "s\u0001", session_id: "id\u0000", history: [{ role: "user", content: "c\u0002" }, 7] };
    clean(body);
    expect(body).toEqual({ message: "a", script: "s", session_id: "id\u0000", history: [{ role: "user", content: "c" }, 7] });
    for (const odd of [null, 3, "x", [], { message: 5 }]) expect(() => clean(odd)).not.toThrow();
    const union = freeTextCleaner(Type.Object({ t: Type.Union([FreeText(), Type.Null()]) }))!;
    expect(union({ t: "a\u0000" })).toEqual({ t: "a" });
    expect(union({ t: null })).toEqual({ t: null });
    expect(freeTextCleaner(MediaSentRequest)).toBeUndefined(); // nothing to clean: identifiers only
  });

  test("every route whose body holds free text gets a cleaner", () => {
    const holdsFreeText = (schema: unknown): boolean => JSON.stringify(schema).includes(`"${FREE_TEXT}":true`);
    for (const route of ROUTES) {
      if (!route.body) continue;
      expect([route.path, freeTextCleaner(route.body) !== undefined]).toEqual([route.path, holdsFreeText(route.body)]);
    }
  });
});
