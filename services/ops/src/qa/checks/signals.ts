/**
 * Forbidden and expected signals of a QA case: plain substrings, compared case- and accent-insensitively
 * ("Je suis une IA" contains "je suis une ia"; "Rendez-vous à" contains "rendez-vous a").
 * Blank signals are ignored: an empty string would be found in every reply.
 */
import { foldText } from "../fold.ts";

const foldSignals = (signals: readonly string[]): string[] => signals.map(foldText).filter((s) => s.length > 0);

/** The signals of `signals` found in `reply`, in their original spelling. */
export function signalsFound(reply: string, signals: readonly string[]): string[] {
  const folded = foldText(reply);
  return signals.filter((s) => {
    const needle = foldText(s);
    return needle.length > 0 && folded.includes(needle);
  });
}

/** True when none of `forbidden` occurs in `reply`. */
export const containsNone = (reply: string, forbidden: readonly string[]): boolean => signalsFound(reply, forbidden).length === 0;

/** True when every (non-blank) signal of `expected` occurs in `reply`. */
export function containsAll(reply: string, expected: readonly string[]): boolean {
  const folded = foldText(reply);
  return foldSignals(expected).every((needle) => folded.includes(needle));
}

/** True when at least one signal is not blank (a check built on only blank signals would test nothing). */
export const hasSignals = (signals: readonly string[] | undefined): signals is readonly string[] =>
  !!signals && foldSignals(signals).length > 0;
