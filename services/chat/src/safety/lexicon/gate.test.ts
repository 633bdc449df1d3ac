/**
 * The lexicon's gate (gate.ts) and the literals it is built from (required-literals.ts): a pattern is skipped only
 * when it could not have matched, so the gate must never be narrower than the readers it guards.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseCorpus } from "../corpus/corpus.ts";
import { fixedSample, mustPass, mustStop } from "../corpus/generated.ts";
import { mustPass5, mustStop5 } from "../corpus/generated-5.ts";
import { mustPass7, mustStop7 } from "../corpus/generated-7.ts";
import { mustPass8, mustStop8 } from "../corpus/generated-8.ts";
import { assessMinorRisk, prepare } from "./detect.ts";
import { DECLARED, Gate, literalsKey, messageGate } from "./gate.ts";
import { requiredLiterals } from "./required-literals.ts";

describe("required literals of a pattern", () => {
  test("each word of an alternation the match cannot do without (a digit alone is in nearly every message: no set)", () => {
    expect(requiredLiterals(/\b(?:j'ai|tengo|i'm)\s(\d{1,2})\b/g)?.map((set) => set.sort())).toEqual([["i'm", "j'ai", "tengo"]]);
  });

  test("two parts of a sequence give two sets", () => {
    expect(requiredLiterals(/\b(?:en|de)\s?(?:6e|seconde)\b/)?.map((set) => set.sort().join("|")).sort()).toEqual(["6e|seconde", "de|en"]);
  });

  test("optional parts and lookarounds add nothing; a class of few letters is spelt out", () => {
    expect(requiredLiterals(/(?<!\bil )\bdix[- ]?sept\b(?! ans)/)?.[0]?.sort()).toEqual(["dix sept", "dix-sept", "dixsept"]);
    expect(requiredLiterals(/\bann[eé]e/)).toEqual([["annee", "année"]]);
  });

  test("the end of a match is kept after a part of any letter: [^a]bc needs bc", () => {
    expect(requiredLiterals(/[^a]bc/)?.[0]).toEqual(["bc"]);
  });

  test("escapes are read as JavaScript reads them: a literal is never asked for that a match may lack", () => {
    expect(requiredLiterals(/\cJabc/)).toEqual([["\nabc"]]); // \cJ is a newline, not "J"
    expect(requiredLiterals(new RegExp(String.raw`\u{41}bcd`))?.flat()).not.toContain("Abcd"); // without the u flag: "u" 41 times
    expect(requiredLiterals(/\u{41}bcd/u)).toEqual([["Abcd"]]);
  });

  test("a pattern that may match without fixed text, or reads case-folded, has none", () => {
    expect(requiredLiterals(/\w+/)).toBeNull();
    expect(requiredLiterals(/(?:abc)?/)).toBeNull();
    expect(requiredLiterals(/abc|\s+/)).toBeNull();
    expect(requiredLiterals(/abc/i)).toBeNull();
  });
});

describe("the gate", () => {
  test("a pattern is skipped on a message without its literals, and run on one that has them", () => {
    const gate = new Gate(requiredLiterals);
    const claim = gate.gated(/\b(?:tengo|j'ai)\s\d{1,2}\b/g);
    expect(gate.mayMatch("hola tengo 15", claim)).toBe(true);
    expect(gate.mayMatch("bonjour, 15 bisous", claim)).toBe(false);
    const grade = gate.gated(/\b(?:en|de)\s?(?:6e|seconde)\b/);
    expect(gate.mayMatch("je passe en seconde", grade)).toBe(true);
    expect(gate.mayMatch("je suis en forme", grade)).toBe(false); // "en" alone: the second set is absent
  });

  test("literals that overlap or begin one another are all found", () => {
    const gate = new Gate(requiredLiterals);
    const [ab, abc, bcd, cd] = [/ab/, /abc/, /bcd/, /cd/].map((p) => gate.gated(p));
    expect([ab, abc, bcd, cd].map((p) => gate.mayMatch("xabcdx", p!))).toEqual([true, true, true, true]);
    expect([ab, abc, bcd, cd].map((p) => gate.mayMatch("xabx", p!))).toEqual([true, false, false, false]);
  });

  test("gate-literals.json holds what every declared pattern gives now (UPDATE_GATE_LITERALS=1 rewrites it)", () => {
    const now = Object.fromEntries([...DECLARED].map((p) => [literalsKey(p), requiredLiterals(p) ?? []] as const).filter(([, sets]) => sets.length > 0).sort(([a], [b]) => (a < b ? -1 : 1)));
    const file = new URL("./gate-literals.json", import.meta.url).pathname;
    if (process.env.UPDATE_GATE_LITERALS === "1") writeFileSync(file, `${JSON.stringify(now, null, 1)}\n`);
    expect(DECLARED.size).toBeGreaterThan(150);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(now);
  });

  test("every reader's literals are in the gate: each literal, with one of each other set, lets its pattern through", () => {
    const patterns = messageGate.patterns().filter((p) => messageGate.setsOf(p).length > 0);
    expect(patterns.length).toBeGreaterThan(100);
    const missing: string[] = [];
    for (const p of patterns) {
      const sets = messageGate.setsOf(p);
      for (const [i, literals] of sets.entries()) {
        const others = sets.filter((_, j) => j !== i).map((set) => set[0]);
        for (const literal of literals) if (!messageGate.mayMatch([literal, ...others].join(" "), p)) missing.push(`${p.source.slice(0, 40)}: ${literal}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("never narrower than the readers: a gated pattern that matches a message of the corpora or the samples was let through", () => {
    const dir = new URL("../corpus/", import.meta.url).pathname;
    const texts = readdirSync(dir).filter((f) => f.endsWith(".txt")).flatMap((f) => parseCorpus(readFileSync(dir + f, "utf8"), "tuned").map((c) => c.text));
    for (const arbitrary of [mustStop, mustPass, mustStop5, mustPass5, mustStop7, mustPass7, mustStop8, mustPass8]) texts.push(...fixedSample(arbitrary, 150).map((c) => c.text));
    const patterns = messageGate.patterns();
    const wrong: string[] = [];
    for (const text of texts) {
      const s = prepare(text).s;
      for (const p of patterns) {
        p.lastIndex = 0;
        const matches = p.test(s);
        p.lastIndex = 0;
        if (matches && !messageGate.mayMatch(s, p)) wrong.push(`${p.source.slice(0, 40)} on "${s}"`);
      }
    }
    expect(texts.length).toBeGreaterThan(3000);
    expect(wrong).toEqual([]);
  });

  test("number words misspelt within one edit still block: the gate never asks for a number word's spelling", () => {
    const claims = ["j'ai kinze ans", "i'm sixten lol", "tengo catorse años", "ich bin fünfzen", "tenho quatorzi anos", "moi c'est seiz", "hola tengo quinse"];
    expect(claims.filter((t) => assessMinorRisk(t, { year: 2026 }).finding === null)).toEqual([]);
  });
});
