import { describe, expect, test } from "bun:test";
import {
  AI_HONESTY_DIRECTIVE,
  MEETING_DECLINE_DIRECTIVE,
  buildV1FollowupDirective,
  buildV1MediaDirective,
  buildV1PaywallDirective,
  buildV1ScriptDirective,
  buildV2FollowupDirective,
  buildV2MediaDirective,
  buildV2PaywallDirective,
  buildV2ScriptDirective,
  formatPrice,
} from "./directives.ts";
import { POST_HISTORY_HEADER, renderPostHistory } from "./prompt-parts.ts";

const script = "Propose-lui la vidéo de la douche, sois taquine.";

describe("directives", () => {
  test("script directives carry the script verbatim (trimmed)", () => {
    expect(buildV1ScriptDirective(`  ${script}\n`)).toContain(script);
    expect(buildV2ScriptDirective(script)).toBe(`Scénario : ${script}`);
  });

  test("followups say the fan went silent, follow the script and forbid repeating", () => {
    for (const directive of [buildV1FollowupDirective(script), buildV2FollowupDirective(script)]) {
      expect(directive).toContain(script);
      expect(directive).toMatch(/ne répond plus|pas répondu/);
      expect(directive).toMatch(/répète|répéter/);
    }
  });

  test("media directives sell only what is described, with the exact price", () => {
    const offer = { description: "photo en lingerie rouge", type: "photo", price: 12 };
    const v1 = buildV1MediaDirective(offer);
    expect(v1).toContain("photo — photo en lingerie rouge");
    expect(v1).toContain("12 €");
    expect(v1).toMatch(/n'invente aucun détail/);
    expect(buildV2MediaDirective(offer)).toContain("à 12 €");
    expect(buildV1MediaDirective({ description: "vidéo" })).toContain("Aucun prix n'est indiqué : n'en invente pas.");
    expect(buildV2MediaDirective({ description: "vidéo" })).toContain("sans prix");
  });

  test("paywall directives give the price, tease, and never give the content away", () => {
    const v1 = buildV1PaywallDirective({ price: 9.9, currency: "USD", description: "vidéo de 5 minutes" });
    expect(v1).toContain("9,90 $");
    expect(v1).toContain("vidéo de 5 minutes");
    expect(v1).toMatch(/ne donne rien gratuitement avant l'achat/);
    expect(v1).toMatch(/Ne mens jamais/);
    expect(buildV1PaywallDirective({ price: 20 })).toMatch(/sans inventer de détail/);
    const v2 = buildV2PaywallDirective({ price: 20 });
    expect(v2).toContain("20 €");
    expect(v2).toMatch(/ne dévoile ni ne donne rien avant l'achat/);
  });

  test("safety directives ask for honesty about AI and a warm decline of meetings", () => {
    expect(AI_HONESTY_DIRECTIVE).toMatch(/c'est une IA/);
    expect(AI_HONESTY_DIRECTIVE).toMatch(/sans prétendre être humaine/);
    expect(MEETING_DECLINE_DIRECTIVE).toMatch(/pas de rencontre/);
  });

  test("formatPrice writes prices as a French text would", () => {
    expect(formatPrice(15)).toBe("15 €");
    expect(formatPrice(15.5)).toBe("15,50 €");
    expect(formatPrice(4.99, "GBP")).toBe("4,99 £");
    expect(formatPrice(30, "CHF")).toBe("30 CHF");
  });
});

describe("renderPostHistory", () => {
  test("header, directives in order, then the family's reminder", () => {
    const block = renderPostHistory(["Première", "  ", "Seconde"], "v2") ?? "";
    const lines = block.split("\n");
    expect(lines[0]).toBe(POST_HISTORY_HEADER);
    expect(lines.slice(1, 3)).toEqual(["Première", "Seconde"]);
    expect(lines.at(-1)).toStartWith("Rappel :");
  });

  test("is null when no directive has text", () => {
    expect(renderPostHistory([], "v1")).toBeNull();
    expect(renderPostHistory(["", " "], "v1")).toBeNull();
  });
});
