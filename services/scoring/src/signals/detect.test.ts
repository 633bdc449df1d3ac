import { describe, expect, test } from "bun:test";
import type { ChatMessage } from "@sinhome/proto";
import { detectSignals, FAN_WINDOW, signalsOf } from "./detect.ts";

const fan = (content: string): ChatMessage => ({ role: "user", content });
const persona = (content: string): ChatMessage => ({ role: "assistant", content });

describe("detectSignals", () => {
  test("reads only the fan's messages, never the persona's sales talk", () => {
    const report = detectSignals([persona("Ma vidéo exclusive est à 15 €, tu la veux ? 🔥"), fan("Salut, ça va ?")]);
    expect(signalsOf(report)).toEqual([]);
    expect(report.fanMessages).toBe(1);
  });

  test("counts how many fan messages carry a signal", () => {
    const report = detectSignals([fan("c'est combien ?"), persona("15 €"), fan("et le pack, cb ?"), persona("30 €"), fan("combien pour les deux ?")]);
    expect(report.hits.asks_price).toBe(3);
    expect(signalsOf(report)).toEqual(["asks_price"]);
  });

  test("leaving counts only in the fan's last messages: a fan who said bye long ago and came back is not leaving", () => {
    const old = [fan("bye"), persona("reviens vite"), fan("je suis revenu, tu m'as manqué"), fan("tu fais quoi ?"), fan("raconte moi ta journée")];
    expect(signalsOf(detectSignals(old))).not.toContain("leaving");
    const recent = [fan("tu fais quoi ?"), persona("je me prépare"), fan("bon je me désabonne")];
    expect(signalsOf(detectSignals(recent))).toContain("leaving");
  });

  test("disengaged when the last replies are all ok / mdr / k", () => {
    const history = [fan("salut ma belle, tu as passé une bonne journée ?"), persona("oui et toi ?"), fan("ok"), persona("tu fais quoi ?"), fan("mdr"), persona("raconte"), fan("k")];
    expect(signalsOf(detectSignals(history))).toContain("disengaged");
  });

  test("not disengaged when short replies are mixed with real ones", () => {
    const history = [fan("ok"), persona("…"), fan("je rentre du boulot, j'ai eu une journée de fou"), persona("…"), fan("mdr"), persona("…"), fan("et toi tu fais quoi ce soir ?")];
    expect(signalsOf(detectSignals(history))).not.toContain("disengaged");
  });

  test("not disengaged on one or two short replies only (too little to judge)", () => {
    expect(signalsOf(detectSignals([fan("ok"), persona("…"), fan("mdr")]))).not.toContain("disengaged");
  });

  test("disengaged when the conversation ends with three persona messages left unanswered", () => {
    const history = [fan("coucou, tu fais quoi ce soir ?"), persona("je pense à toi"), persona("tu es là ?"), persona("tu m'oublies ?")];
    expect(signalsOf(detectSignals(history))).toContain("disengaged");
    expect(signalsOf(detectSignals(history.slice(0, 3)))).not.toContain("disengaged");
  });

  test("ignores empty messages and measures volume and length of what the fan wrote", () => {
    const report = detectSignals([fan("   "), fan("abcd"), persona(""), fan("abcdefgh")]);
    expect(report.fanMessages).toBe(2);
    expect(report.meanLength).toBe(6);
  });

  test("reads at most the last FAN_WINDOW fan messages", () => {
    const history = [fan("c'est combien ?"), ...Array.from({ length: FAN_WINDOW }, () => fan("je rentre du boulot, grosse journée"))];
    const report = detectSignals(history);
    expect(report.fanMessages).toBe(FAN_WINDOW);
    expect(report.hits.asks_price).toBe(0);
  });

  test("an empty history has nothing to say", () => {
    expect(detectSignals([])).toEqual({ fanMessages: 0, meanLength: 0, hits: expect.any(Object) });
    expect(signalsOf(detectSignals([]))).toEqual([]);
  });
});
