/**
 * What a caller knows of the service instances from their heartbeats (see `liveness.ts`): when each
 * was last heard and which subjects it serves. It decides where a request goes: to the queue group
 * as usual (NATS spreads the work) while every instance of the subject beats; straight to one live
 * instance (its own subject) while some instance has gone quiet — a frozen replica keeps its queue
 * subscription until the server's ping timeout drops it, so the queue group would keep feeding it.
 * Plain data, no NATS: both buses use it.
 */
import { HEARTBEAT_MS, STALL_MS } from "./liveness.ts";

/** An instance silent this long is not sent new work (two missed heartbeats). */
export const SUSPECT_MS = HEARTBEAT_MS * 2;
/** An instance silent this long is forgotten (the NATS server has dropped it long before). */
export const FORGET_MS = 30_000;

/**
 * The heartbeat each service instance publishes. `epoch` counts the instance's reconnects to NATS: when
 * it changes, messages to or from the instance may have been lost in between (a reply published while
 * the caller's inbox was not subscribed), so its callers re-judge the requests it held.
 */
export type Heartbeat = { id: string; subjects: readonly string[]; epoch?: number; leaving?: boolean };

type Entry = { lastBeat: number; subjects: readonly string[]; epoch: number };

export class InstanceTable {
  private readonly byId = new Map<string, Entry>();
  private readonly bySubject = new Map<string, Set<string>>();

  constructor(private readonly random: () => number = Math.random) {}

  /** A heartbeat arrived (or a leaving notice: the instance stopped cleanly and takes no more work). */
  heard(beat: Heartbeat, now = performance.now()): void {
    if (beat.leaving) return this.forget(beat.id);
    const entry = this.byId.get(beat.id);
    if (entry) {
      entry.lastBeat = now;
      entry.epoch = beat.epoch ?? 0;
      return;
    }
    this.byId.set(beat.id, { lastBeat: now, subjects: beat.subjects, epoch: beat.epoch ?? 0 });
    for (const subject of beat.subjects) {
      let ids = this.bySubject.get(subject);
      if (!ids) this.bySubject.set(subject, (ids = new Set()));
      ids.add(beat.id);
    }
  }

  forget(id: string): void {
    const entry = this.byId.get(id);
    if (!entry) return;
    this.byId.delete(id);
    for (const subject of entry.subjects) this.bySubject.get(subject)?.delete(id);
  }

  /** When the instance was last heard; undefined when unknown. */
  lastBeat(id: string): number | undefined {
    return this.byId.get(id)?.lastBeat;
  }

  /** The instance's connection epoch as last heard (undefined when unknown). */
  epochOf(id: string): number | undefined {
    return this.byId.get(id)?.epoch;
  }

  /** Has a known instance been silent for STALL_MS? */
  isStalled(id: string, now = performance.now()): boolean {
    const beat = this.lastBeat(id);
    return beat !== undefined && now - beat >= STALL_MS;
  }

  /** Instances serving `subject` that have gone quiet (silent ≥ SUSPECT_MS). */
  quiet(subject: string, now = performance.now()): string[] {
    const out: string[] = [];
    for (const id of this.idsOf(subject, now)) if (now - this.byId.get(id)!.lastBeat >= SUSPECT_MS) out.push(id);
    return out;
  }

  /** Some instance serving `subject` was heard lately (within SUSPECT_MS): it is there, maybe reconnecting. */
  hasLive(subject: string, now = performance.now()): boolean {
    return this.idsOf(subject, now).some((id) => now - this.byId.get(id)!.lastBeat < SUSPECT_MS);
  }

  /**
   * Where to send a request for `subject`: undefined = the queue group (every instance beats and none
   * is excluded), else a live instance, chosen at random, that is not in `excluded`. Undefined too
   * when no live instance is left: the queue group is then the only chance.
   */
  choose(subject: string, excluded: ReadonlySet<string>, now = performance.now()): string | undefined {
    const live: string[] = [];
    let routeAround = false;
    for (const id of this.idsOf(subject, now)) {
      if (excluded.has(id) || now - this.byId.get(id)!.lastBeat >= SUSPECT_MS) routeAround = true;
      else live.push(id);
    }
    if (!routeAround && excluded.size === 0) return undefined;
    return live.length ? live[Math.floor(this.random() * live.length)] : undefined;
  }

  /** The known instances of `subject`, forgetting those silent past FORGET_MS on the way. */
  private idsOf(subject: string, now: number): string[] {
    const ids = this.bySubject.get(subject);
    if (!ids) return [];
    const out: string[] = [];
    for (const id of ids) {
      if (now - this.byId.get(id)!.lastBeat >= FORGET_MS) this.forget(id);
      else out.push(id);
    }
    return out;
  }
}
