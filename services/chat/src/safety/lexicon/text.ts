/**
 * The minors lexicon's text as the rules read it: normalised (normalize.ts), exclusions of minors erased
 * ("interdit aux mineurs"), split into words with their offsets so rules can ask whether two markers sit close
 * together (in words) or in the same clause.
 */
import { gated, mayMatch } from "./gate.ts";
import { normalizeForLexicon } from "./normalize.ts";
import type { Markers } from "./markers.ts";
import * as V from "./vocabulary.ts";

/** A global pattern for `find`: gated (gate.ts), so a message without its literals is not scanned. */
export const re = (source: string) => gated(new RegExp(source, "g"));
export const once = (source: string) => new RegExp(source);

const EXCLUDING = re(V.EXCLUDING_MINORS);

export class Text {
  readonly words: number[] = []; // character offset where each word starts
  /** The minor markers, found once per text (the block and the suspect thresholds both read them). */
  markers?: Markers;
  constructor(readonly s: string) {
    let inWord = false;
    for (let i = 0; i < s.length; i++) {
      const space = s[i] === " ";
      if (!space && !inWord) this.words.push(i);
      inWord = !space;
    }
  }
  /** Word index of a character offset. */
  wordAt(offset: number): number {
    let lo = 0;
    let hi = this.words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.words[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  /** Each match of a global pattern as [start word, end word, matched text]. */
  find(pattern: RegExp): Match[] {
    const out: Match[] = [];
    pattern.lastIndex = 0;
    if (!mayMatch(this.s, pattern)) return out;
    for (const m of this.s.matchAll(pattern)) {
      const start = m.index ?? 0;
      out.push({ from: this.wordAt(start), to: this.wordAt(start + Math.max(0, m[0].length - 1)), text: m[0], offset: start });
    }
    return out;
  }
  /** The clause (between , ; . ! ? :) around a character offset. */
  clauseAt(offset: number): string {
    const before = this.s.slice(0, offset).search(/[^,;.!?:]*$/);
    const afterMatch = /[,;.!?:]/.exec(this.s.slice(offset));
    return this.s.slice(before, afterMatch ? offset + afterMatch.index : undefined);
  }
}
export type Match = { from: number; to: number; text: string; offset: number };

/** True when some `a` and some `b` are at most `window` words apart (either order). */
export function near(a: Match[], b: Match[], window: number): boolean {
  return a.some((x) => b.some((y) => y.from - x.to <= window && x.from - y.to <= window));
}
/** True when some `b` starts after some `a`, at most `window` words later. */
export function follows(a: Match[], b: Match[], window: number, lookBehind = 0): boolean {
  return a.some((x) => b.some((y) => y.from >= x.from - lookBehind && y.from - x.to <= window));
}

export function prepare(text: string): Text {
  const normalized = normalizeForLexicon(text);
  return new Text(mayMatch(normalized, EXCLUDING) ? normalized.replace(EXCLUDING, (m) => " ".repeat(m.length)) : normalized);
}
