import { expect, test } from "bun:test";
import { personaFingerprint } from "./fingerprint.ts";

test("same persona, same fingerprint however it is spelled; another persona, another one", () => {
  expect(personaFingerprint(undefined)).toBe(personaFingerprint({ name: "Seline", tone: 3 }));
  expect(personaFingerprint({ tone: 5, emojis: 1 })).toBe(personaFingerprint({ emojis: 1, tone: 5 }));
  expect(personaFingerprint({ tone: 5 })).not.toBe(personaFingerprint({ tone: 4 }));
  expect(personaFingerprint({ tone: 5 })).toMatch(/^[0-9a-f]{16}$/);
});
