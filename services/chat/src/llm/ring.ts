/**
 * Consistent hashing with bounded loads (Mirrokni, Thorup, Zadimoghaddam 2018, as in HAProxy and Envoy):
 * each replica owns many points on a 32-bit ring; a key goes to the first replica clockwise from its hash,
 * unless that replica already carries more than `loadFactor` × its fair share of the work in flight, in
 * which case the key spills to the next replica clockwise. Adding or removing a replica moves only the keys
 * it owned. Pure: the caller says which replicas are usable and how loaded they are.
 */

/** Points per replica: with 3 replicas, 160 points keep the ownership within a few % of a third. */
export const POINTS_PER_REPLICA = 160;

/** 32-bit FNV-1a then a murmur3 finalizer: FNV alone clusters on similar strings like "10.0.0.1:8000#3". */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class HashRing {
  private points: { at: number; id: string }[] = [];
  private ids: string[] = [];

  constructor(ids: readonly string[] = []) {
    this.set(ids);
  }

  /** Replaces the members (order does not matter: the ring depends only on the set). */
  set(ids: readonly string[]): void {
    this.ids = [...new Set(ids)].sort();
    this.points = this.ids
      .flatMap((id) => Array.from({ length: POINTS_PER_REPLICA }, (_, i) => ({ at: hash32(`${id}#${i}`), id })))
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  }

  get members(): readonly string[] {
    return this.ids;
  }

  /** Every member once, in ring order clockwise from `key`'s hash: the owner first, then where it spills. */
  order(key: number): string[] {
    const n = this.points.length;
    if (n === 0) return [];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.points[mid]!.at < key) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < n && out.length < this.ids.length; i++) {
      const id = this.points[(lo + i) % n]!.id;
      if (!seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
    }
    return out;
  }
}

/**
 * The replica for `key` among `candidates` (ring order, usable ones only), given the work in flight on
 * each: the first one under its bound ceil(loadFactor × (total + 1) / n), else the least loaded.
 */
export function pickBounded(candidates: readonly string[], inFlight: (id: string) => number, loadFactor: number): string | undefined {
  if (candidates.length === 0) return undefined;
  const total = candidates.reduce((n, id) => n + inFlight(id), 0);
  const bound = Math.ceil((loadFactor * (total + 1)) / candidates.length);
  for (const id of candidates) if (inFlight(id) < bound) return id;
  return candidates.reduce((best, id) => (inFlight(id) < inFlight(best) ? id : best));
}
