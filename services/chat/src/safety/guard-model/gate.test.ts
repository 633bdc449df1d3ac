/**
 * GUARD_FAIL_MODE against a guard model that hangs (the simulator): `suspect` deflects a suspect message as
 * layer `lexicon_suspect` and lets an ordinary one through, both within the guard timeout; `open` lets both
 * through; `closed` refuses both. A model that answers decides, whatever the mode.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { startSimulator } from "@sinhome/llm-sim";
import { guardFanInput } from "../guard.ts";
import { GuardModelGate, type GuardFailMode } from "./gate.ts";

const sim = startSimulator({ port: 0, name: "guard-sim" });
afterAll(() => sim.stop());

const gate = (failMode: GuardFailMode) =>
  new GuardModelGate({ baseUrl: sim.url, model: "meta-llama/Llama-Guard-3-1B", timeoutMs: 250, prompt: "template", maxTurns: 6, breakerThreshold: 1000, breakerCooldownMs: 1, failMode });
const HANG = " [[sim:guard=hang]]";
// An adult message with an under-18 fact: the lexicon lets it through, but it is suspect.
const SUSPECT = `ma nièce fête ses 16 ans samedi, je suis tonton gâteau${HANG}`;
const ORDINARY = `coucou toi, tu fais quoi ce soir ?${HANG}`;
const suspectOf = (message: string) => {
  const verdict = guardFanInput({ message, history: [] });
  if (verdict.blocked) throw new Error("the lexicon should let this message through");
  return verdict.suspect;
};

describe("GuardModelGate fail modes with a hanging guard model", () => {
  test("the lexicon marks the adult message suspect and the ordinary one not", () => {
    expect([suspectOf(SUSPECT), suspectOf(ORDINARY)]).toEqual([true, false]);
  });

  test("suspect: the suspect message is deflected (lexicon_suspect), the ordinary one goes on", async () => {
    const g = gate("suspect");
    const [blocked, passed] = await Promise.all([g.check(SUSPECT, [], suspectOf(SUSPECT)), g.check(ORDINARY, [], suspectOf(ORDINARY))]);
    expect(blocked).toMatchObject({ kind: "block", verdict: { layer: "lexicon_suspect", category: "suspect", rule: "minor_sexual_context" }, result: { outcome: "timeout" } });
    expect(passed).toMatchObject({ kind: "pass", result: { outcome: "timeout" } });
  });

  test("open lets both through; closed refuses both", async () => {
    expect((await gate("open").check(SUSPECT, [], true)).kind).toBe("pass");
    expect((await gate("closed").check(ORDINARY, [], false)).kind).toBe("unavailable");
  });

  test("a guard model that answers decides: safe passes even when suspect", async () => {
    expect((await gate("suspect").check("ma nièce fête ses 16 ans [[sim:guard=safe]]", [], true)).kind).toBe("pass");
  });
});
