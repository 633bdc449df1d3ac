/**
 * Reads a conversation and reports what the fan's own messages (role `user`) say: which signals, how
 * often, how much he writes. Only the recent part counts: a fan who said "bye" months ago and came
 * back is not leaving, so each signal has a window of the fan's last messages.
 *
 * The history carries no timestamps, so "long gaps" are seen as unanswered persona messages: the
 * conversation ending with several persona messages the fan never answered. Time since the last
 * activity is the recency score's job.
 */
import type { ChatMessage } from "@sinhome/proto";
import { normalizeText } from "./normalize.ts";
import { isLowEffort, matchSignals, SIGNAL_NAMES, type SignalName } from "./lexicon.ts";

/** Fan messages read at most (the most recent ones). */
export const FAN_WINDOW = 40;
/** `leaving` only counts in the fan's last messages. */
export const LEAVING_WINDOW = 3;
/** `disengaged`: among the fan's last DISENGAGED_WINDOW messages (at least DISENGAGED_MIN of them)… */
export const DISENGAGED_WINDOW = 5;
export const DISENGAGED_MIN = 3;
/** …at least this share are low-effort replies ("ok", "mdr", "k", an emoji). */
export const DISENGAGED_RATIO = 0.75;
/** `disengaged` too: the conversation ends with this many persona messages left unanswered. */
export const UNANSWERED_RELAUNCHES = 3;

export type SignalReport = {
  /** Non-empty fan messages read (at most FAN_WINDOW). */
  fanMessages: number;
  /** Mean length of those messages, in characters. */
  meanLength: number;
  /** Per signal, how many of the messages read carry it (`disengaged`: 1 or 0). */
  hits: Record<SignalName, number>;
};

const emptyHits = (): Record<SignalName, number> =>
  Object.fromEntries(SIGNAL_NAMES.map((name) => [name, 0])) as Record<SignalName, number>;

export function detectSignals(history: readonly ChatMessage[]): SignalReport {
  const hits = emptyHits();
  let fanMessages = 0;
  let totalLength = 0;
  let lowEffort = 0;
  let trailingPersona = 0;
  let fanSeen = false;

  for (let i = history.length - 1; i >= 0 && fanMessages < FAN_WINDOW; i--) {
    const message = history[i]!;
    const content = message.content.trim();
    if (!content) continue;
    if (message.role !== "user") {
      if (!fanSeen) trailingPersona++;
      continue;
    }
    fanSeen = true;
    const text = normalizeText(content);
    const recentRank = fanMessages; // 0 = the fan's latest message
    fanMessages++;
    totalLength += content.length;
    for (const signal of matchSignals(text)) {
      if (signal === "leaving" && recentRank >= LEAVING_WINDOW) continue;
      hits[signal]++;
    }
    if (recentRank < DISENGAGED_WINDOW && isLowEffort(text)) lowEffort++;
  }

  const recentRead = Math.min(fanMessages, DISENGAGED_WINDOW);
  const shortReplies = recentRead >= DISENGAGED_MIN && lowEffort / recentRead >= DISENGAGED_RATIO;
  if (shortReplies || trailingPersona >= UNANSWERED_RELAUNCHES) hits.disengaged = 1;

  return { fanMessages, meanLength: fanMessages ? totalLength / fanMessages : 0, hits };
}

/** The signals present in a report, in `SIGNAL_NAMES` order. */
export function signalsOf(report: SignalReport): SignalName[] {
  return SIGNAL_NAMES.filter((name) => report.hits[name] > 0);
}
