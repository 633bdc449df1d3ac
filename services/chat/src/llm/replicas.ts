/**
 * The replicas of one OpenAI-compatible backend (several vLLM pods, or a single URL) and the choice of
 * the replica for each call. vLLM's prefix cache is per replica, so a random spread (what a Kubernetes
 * Service does) makes every replica hold every persona's prompt and hit 1/N as often; here a call goes
 * to the replica that owns its *affinity key* on a consistent-hash ring (the chat pipeline uses the
 * system prompt: static prefix + persona block, so all fans of one creator share a replica), with
 * bounded load (an over-loaded owner spills to the next replica), one circuit breaker per replica, and
 * the replicas skipped when their breaker is open — their keys move to the next replica at once.
 */
import { prom } from "@sinhome/runtime";
import { CircuitBreaker, type BreakerOptions } from "./breaker.ts";
import { OpenAiClient, type BackendName } from "./client.ts";
import { llmQueued, llmSlotRefusals } from "./metrics.ts";
import { HashRing, hash32, pickBounded } from "./ring.ts";
import { InFlightSlots } from "./slots.ts";

export type RoutingMode = "affinity" | "random";

/** Personas whose ring position is remembered (cleared when full: a bound, not an LRU). */
const KEY_HASH_CACHE = 4096;

export type PoolOptions = {
  name: BackendName;
  model: string;
  apiKey?: string;
  breaker: BreakerOptions;
  /** Bounded-load factor: a replica takes a key only while under this × its fair share of in-flight calls. */
  loadFactor: number;
  routing: RoutingMode;
  random?: () => number;
  /** Calls in flight at most per replica (0 = no limit), and waiting at most (slots.ts). */
  maxInFlight?: number;
  maxQueued?: number;
};

export class Replica {
  inFlight = 0;
  readonly client: OpenAiClient;
  readonly breaker: CircuitBreaker;
  /** The replica's in-flight limit and its visible queue. */
  readonly slots: InFlightSlots;

  constructor(
    readonly id: string,
    readonly baseUrl: string,
    opts: PoolOptions,
    /** Label of its breaker gauge: the backend name alone for a single fixed URL (as before replicas). */
    breakerLabel: string,
  ) {
    this.client = new OpenAiClient({ name: opts.name, baseUrl, apiKey: opts.apiKey, model: opts.model });
    this.breaker = new CircuitBreaker(breakerLabel, opts.breaker);
    const queued = llmQueued.labels(opts.name, id);
    // Exported at 0 from the start (a panel shows 0, not "No data"), like the other chat counters.
    queued.set(0);
    for (const reason of ["queue_full", "would_miss_deadline", "deadline_while_queued"]) llmSlotRefusals.inc({ backend: opts.name, replica: id, reason }, 0);
    this.slots = new InFlightSlots(opts.maxInFlight ?? 0, opts.maxQueued ?? 0, opts.breaker.now, (_, waiting) => queued.set(waiting));
  }
}

/** `host:port` of a base URL: how replicas are named in metrics and health. */
export function replicaId(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.hostname.includes(":") ? `[${url.hostname}]` : url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
}

export class ReplicaPool {
  private readonly byId = new Map<string, Replica>();
  private readonly ring = new HashRing();
  private readonly keyHashes = new Map<string, number>();
  private readonly random: () => number;

  constructor(
    private readonly opts: PoolOptions,
    urls: readonly string[],
    /** True when the set may change or has several members: breakers are then labelled per replica. */
    private readonly replicated = urls.length > 1,
  ) {
    this.random = opts.random ?? Math.random;
    this.setUrls(urls);
  }

  get name(): BackendName {
    return this.opts.name;
  }

  get model(): string {
    return this.opts.model;
  }

  get replicas(): readonly Replica[] {
    return [...this.byId.values()];
  }

  /** Replaces the member set (DNS re-resolution): known replicas keep their breaker and counters. */
  setUrls(urls: readonly string[]): { added: string[]; removed: string[] } {
    const wanted = new Map(urls.map((u) => [replicaId(u), u.replace(/\/+$/, "")]));
    const removed = [...this.byId.keys()].filter((id) => !wanted.has(id));
    const added: string[] = [];
    for (const id of removed) {
      this.byId.delete(id);
      prom.circuitOpen.remove({ backend: `${this.opts.name}@${id}` });
      llmQueued.remove(this.opts.name, id);
    }
    for (const [id, url] of wanted) {
      if (this.byId.has(id)) continue;
      const label = this.replicated ? `${this.opts.name}@${id}` : this.opts.name;
      this.byId.set(id, new Replica(id, url, this.opts, label));
      added.push(id);
    }
    this.ring.set([...this.byId.keys()]);
    return { added, removed };
  }

  /**
   * The replica for a call with this affinity key, skipping `exclude` (replicas that already failed this
   * call) and replicas whose breaker is open. When every replica was excluded, the exclusion is lifted
   * (a single replica is retried like a single backend). Undefined when no breaker lets a call through.
   */
  pick(affinityKey: string | undefined, exclude: ReadonlySet<string> = new Set()): Replica | undefined {
    if (this.byId.size === 0) return undefined;
    if (this.byId.size === 1) {
      // One replica (a single URL, the all-in-one): nothing to choose, no key to hash.
      const only = this.byId.values().next().value!;
      return only.breaker.available ? only : undefined;
    }
    const everyoneTried = [...this.byId.keys()].every((id) => exclude.has(id));
    const usable = (id: string) => (everyoneTried || !exclude.has(id)) && this.byId.get(id)!.breaker.available;
    const load = (id: string) => this.byId.get(id)!.inFlight;
    if (this.opts.routing === "random" || affinityKey === undefined) {
      const candidates = [...this.byId.keys()].filter(usable);
      return candidates.length ? this.byId.get(candidates[Math.floor(this.random() * candidates.length)]!) : undefined;
    }
    const id = pickBounded(this.ring.order(this.keyHash(affinityKey)).filter(usable), load, this.opts.loadFactor);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * The ring position of an affinity key (a system prompt of a few KB): hashed once per persona, not
   * per request — the Map's own string hashing is native and cached on the string.
   */
  private keyHash(key: string): number {
    let h = this.keyHashes.get(key);
    if (h === undefined) {
      if (this.keyHashes.size >= KEY_HASH_CACHE) this.keyHashes.clear();
      h = hash32(key);
      this.keyHashes.set(key, h);
    }
    return h;
  }

  /** How many usable replicas are left besides `id` (decides whether a failing replica is ejected at once). */
  othersAvailable(id: string): number {
    return [...this.byId.values()].filter((r) => r.id !== id && r.breaker.available).length;
  }
}
