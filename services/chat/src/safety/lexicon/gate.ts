/**
 * The lexicon's gate (issue #14, its cost): most patterns of the readers cannot match most messages — "tengo",
 * "j'ai", "klasse", "bougies" are absent — yet each used to scan every message. A pattern declared with `gated()`
 * gives the literals it cannot match without (required-literals.ts, read from its own source: one or two sets, the
 * match holds a literal of each); ONE pass over a message finds which of all those literals are there, and
 * `mayMatch` then answers for each pattern with a bit test per set. A pattern one of whose sets is wholly absent
 * from the message is skipped: it could not have matched, so no verdict changes. A pattern with no such literals
 * (it may match any text) is always run.
 *
 * A new reader declares its patterns with `gated(...)` next to itself; nothing is listed here.
 *
 * The literals are read ahead of time into `gate-literals.json` (the analysis at start-up cost ≈ 30 MB of resident
 * memory and ≈ 100 ms): `gate.test.ts` fails when the file differs from what the patterns give now, and
 * `UPDATE_GATE_LITERALS=1 bun test services/chat/src/safety/lexicon/gate.test.ts` rewrites it. A pattern missing
 * from the file (a new one, before the rewrite) gets no literals: it always runs, never a wrong skip.
 */
import LITERALS from "./gate-literals.json" with { type: "json" };

/** The key of a pattern in gate-literals.json. */
export const literalsKey = (pattern: RegExp): string => `/${pattern.source}/${pattern.flags}`;
const KNOWN = LITERALS as Record<string, string[][]>;
/** Every pattern declared to any gate (the literals file is written from them). */
export const DECLARED = new Set<RegExp>();

type Scanner = { pattern: RegExp; bits: Map<string, Uint32Array>; words: number };

const escape = (literal: string) => literal.replace(/[\\^$.*+?()[\]{}|\/-]/g, "\\$&");

/** Gated patterns, their literals, and the last message's scan. */
export class Gate {
  /** Every gated pattern's sets of literals, one bit each (none: it always runs). */
  private readonly bitsOf = new Map<RegExp, number[]>();
  /** The literals of the gated patterns, each with the sets (bits) it belongs to. */
  private readonly needers = new Map<string, number[]>();
  private count = 0;
  private scanner: Scanner | undefined;
  private lastText: string | undefined;
  private lastFound = new Uint32Array(1);

  /** `literalsOf`: where a pattern's sets come from — the file read ahead of time, or (tests) the analysis itself. */
  constructor(private readonly literalsOf: (pattern: RegExp) => string[][] | null = (p) => KNOWN[literalsKey(p)] ?? null) {}

  /** Declares a pattern as gated: it is then skipped on a message that lacks every literal of one of its sets. */
  gated<T extends RegExp>(pattern: T): T {
    if (this.bitsOf.has(pattern)) return pattern;
    DECLARED.add(pattern);
    const bits: number[] = [];
    this.bitsOf.set(pattern, bits);
    for (const literals of this.setsOf(pattern)) {
      const bit = this.count++;
      bits.push(bit);
      for (const literal of literals) this.needers.set(literal, [...(this.needers.get(literal) ?? []), bit]);
      this.scanner = undefined; // rebuilt at the next scan
    }
    return pattern;
  }

  /** Every pattern declared here (for tests). */
  patterns(): RegExp[] {
    return [...this.bitsOf.keys()];
  }

  /** The sets of literals a pattern is gated on (for tests); none when it always runs. */
  setsOf(pattern: RegExp): string[][] {
    return this.literalsOf(pattern) ?? [];
  }

  /**
   * False only when `pattern` cannot match `s`: it is gated and one of its sets has no literal in `s`. A pattern
   * that was not declared here is always worth running.
   */
  mayMatch(s: string, pattern: RegExp): boolean {
    const bits = this.bitsOf.get(pattern);
    if (bits === undefined || bits.length === 0) return true;
    const found = this.found(s);
    for (const bit of bits) if ((found[bit >> 5]! & (1 << (bit & 31))) === 0) return false;
    return true;
  }

  /**
   * One alternation of every literal, longest first: at each position it reports the longest literal there, and
   * the literals that are its beginnings are there too (their patterns' bits are folded into its own).
   */
  private build(): Scanner {
    const words = Math.max(1, Math.ceil(this.count / 32));
    const literals = [...this.needers.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    const bits = new Map<string, Uint32Array>();
    for (const literal of literals) {
      const set = new Uint32Array(words);
      for (let end = 1; end <= literal.length; end++) {
        for (const i of this.needers.get(literal.slice(0, end)) ?? []) set[i >> 5]! |= 1 << (i & 31);
      }
      bits.set(literal, set);
    }
    return { pattern: new RegExp(literals.map(escape).join("|"), "g"), bits, words };
  }

  /** The sets of literals `s` holds, as bits (the last message's answer is kept: rules ask often). */
  private found(s: string): Uint32Array {
    if (s === this.lastText && this.scanner !== undefined) return this.lastFound;
    this.scanner ??= this.build();
    const { pattern, bits, words } = this.scanner;
    const present = new Uint32Array(words);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(s); m !== null; m = pattern.exec(s)) {
      const set = bits.get(m[0])!;
      for (let w = 0; w < words; w++) present[w]! |= set[w]!;
      // Literals that start inside this one are found from the next position on.
      pattern.lastIndex = m.index + 1;
    }
    this.lastText = s;
    this.lastFound = present;
    return present;
  }
}

/** The gate of the rules that read the normalised message (text.ts, claim.ts, content.ts, the age readers). */
export const messageGate = new Gate();

export const gated = <T extends RegExp>(pattern: T): T => messageGate.gated(pattern);
export const mayMatch = (s: string, pattern: RegExp): boolean => messageGate.mayMatch(s, pattern);

/** `pattern.test(s)`, or false at once when the gate knows it cannot match (a global pattern's lastIndex is reset). */
export function testGated(s: string, pattern: RegExp, gate = messageGate): boolean {
  if (gate.mayMatch(s, pattern)) return pattern.test(s);
  pattern.lastIndex = 0;
  return false;
}

/** `pattern.exec(s)`, or null at once when the gate knows it cannot match. */
export function execGated(s: string, pattern: RegExp, gate = messageGate): RegExpExecArray | null {
  if (gate.mayMatch(s, pattern)) return pattern.exec(s);
  pattern.lastIndex = 0;
  return null;
}

const NO_MATCHES: readonly RegExpMatchArray[] = [];
/** `s.matchAll(pattern)`, or no match at once when the gate knows it cannot match. */
export const matchAllGated = (s: string, pattern: RegExp, gate = messageGate): Iterable<RegExpMatchArray> =>
  gate.mayMatch(s, pattern) ? s.matchAll(pattern) : NO_MATCHES;
