import { describe, expect, test } from "bun:test";
import type { ChatMessage } from "@sinhome/proto";
import { detectSignals } from "../signals/detect.ts";
import { engagementScore } from "./engagement.ts";

const fan = (content: string): ChatMessage => ({ role: "user", content });
const persona = (content: string): ChatMessage => ({ role: "assistant", content });
const engagementOf = (messages: string[]) => engagementScore(detectSignals(messages.flatMap((m) => [fan(m), persona("…")])));

describe("engagementScore", () => {
  test("0 when the fan never wrote", () => {
    expect(engagementOf([])).toBe(0);
  });

  test("follows the documented formula: base + volume + length + signal weights", () => {
    // one 16-character message, no signal: 15 + 2 + 16/8
    expect(engagementOf(["bonjour a toi !!"])).toBeCloseTo(19, 5);
    // one message of 24 characters asking the price: 15 + 2 + 3 + 12
    expect(engagementOf(["c'est combien la video ?"])).toBeCloseTo(32, 5);
  });

  test("a repeated signal weighs more, up to 1.5×", () => {
    const once = engagementScore(detectSignals([fan("combien ?"), fan("je rentre du boulot !"), fan("et toi ça va ?")]));
    const thrice = engagementScore(detectSignals([fan("combien ?"), fan("cb le pack ?"), fan("et ça coûte ?")]));
    expect(thrice).toBeGreaterThan(once);
  });

  test("buying signals raise it, risk signals lower it", () => {
    const chat = Array.from({ length: 8 }, (_, i) => `je rentre du boulot, grosse journée aujourd'hui (${i})`);
    const neutral = engagementOf([...chat, "tu fais quoi ce soir ?"]);
    const buyer = engagementOf([...chat, "t'es trop belle, c'est combien la vidéo ? je la prends"]);
    const leaver = engagementOf([...chat, "bon je me désabonne"]);
    const scammer = engagementOf([...chat, "c'est une arnaque ton truc"]);
    expect(buyer).toBeGreaterThan(neutral + 30);
    expect(leaver).toBeLessThan(neutral - 25);
    expect(scammer).toBeLessThan(leaver);
    expect(scammer).toBeGreaterThan(0);
  });

  test("stays within 0–100 at both extremes", () => {
    const max = engagementOf(Array.from({ length: 20 }, () => "t'es trop belle 🔥 je veux voir la vidéo, c'est combien ? je la prends, envoie le lien"));
    const min = engagementOf(["c'est une arnaque, rembourse moi, gratos sinon police, je me désabonne", "ok", "k"]);
    expect(max).toBe(100);
    expect(min).toBe(0);
  });
});
