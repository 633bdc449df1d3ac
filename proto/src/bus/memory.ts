/**
 * The in-process bus of the all-in-one: same semantics as the NATS bus (JSON copies of payloads,
 * queue groups spread requests round-robin, no responder → immediate error, timeouts, heartbeats of
 * each instance and re-sending when the instance holding a request vanishes, discovery), without
 * a server.
 */
import { AppError } from "../errors.ts";
import { decodeJson, dispatch, encodeJson, requestHeaders, type DispatchResult, type HandlerErrorHook } from "./dispatch.ts";
import { InstanceTable } from "./instances.ts";
import { HEARTBEAT_MS, StallWatch } from "./liveness.ts";
import { PendingRequest } from "./pending.ts";
import type { Bus, BusHandler, RequestOptions, ServiceDefinition, ServiceInstance, ServiceRegistration, SubscribeOptions, Unsubscribe } from "./types.ts";

type Member = {
  serviceId: string;
  handler: BusHandler;
  track: <T>(p: Promise<T>) => Promise<T>;
  /** False once the instance was abandoned: its results and progress are dropped, like a dead process's. */
  alive: () => boolean;
};
type Instance = { def: ServiceDefinition; id: string; requests: number; errors: number };
type Listener = { onMessage: (body: unknown) => void; decode: boolean };

let nextId = 0;

export class MemoryBus implements Bus {
  readonly kind = "memory" as const;
  private readonly queues = new Map<string, { members: Member[]; next: number }>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly instances = new Map<string, Instance>();
  private closed = false;
  private readonly watch = new StallWatch();
  private readonly liveness = new InstanceTable();

  constructor(private readonly onUnexpected?: HandlerErrorHook) {}

  async request(subject: string, body: unknown, opts: RequestOptions): Promise<Uint8Array> {
    const group = this.queues.get(subject);
    if (this.closed || !group || group.members.length === 0) {
      throw new AppError("service_unavailable", `no service is answering ${subject}`);
    }
    const headers = requestHeaders(opts.requestId, opts.timeoutMs, opts.headers);
    const data = encodeJson(body);
    const deliver = (member: Member) => {
      const instance = this.instances.get(member.serviceId)!;
      instance.requests++;
      // In process the holder is known at once: no accept message, its heartbeat tells if it lives.
      pending.accepted(member.serviceId);
      void member
        .track(dispatch(member.handler, subject, data, headers, this.onUnexpected))
        .then((result) => {
          if (!member.alive()) return;
          if (!result.ok) instance.errors++;
          pending.resolve(result);
        });
    };
    const pending: PendingRequest<DispatchResult> = new PendingRequest<DispatchResult>({
      subject,
      timeoutMs: opts.timeoutMs,
      resend: opts.resend ?? false,
      onResend: opts.onResend,
      watch: this.watch,
      instances: this.liveness,
      sendTo: (target) => {
        if (this.closed || group.members.length === 0) return false;
        const chosen = target === undefined ? undefined : group.members.find((m) => m.serviceId === target);
        deliver(chosen ?? group.members[group.next++ % group.members.length]!);
        return true;
      },
      release: () => {},
    });
    pending.send();
    const result = await pending.promise;
    if (!result.ok) throw AppError.fromBody(decodeJson(result.data), result.status);
    return result.data;
  }

  async requestJson<T>(subject: string, body: unknown, opts: RequestOptions): Promise<T> {
    return decodeJson(await this.request(subject, body, opts)) as T;
  }

  async addService(def: ServiceDefinition): Promise<ServiceRegistration> {
    // Same rules as the NATS services framework, so a definition that works here works on NATS.
    if (!/^\d+\.\d+\.\d+/.test(def.version)) throw new Error(`'${def.version}' is not a semver value`);
    if (!/^[A-Za-z0-9_-]+$/.test(def.name)) throw new Error(`invalid service name '${def.name}'`);
    const id = `mem${++nextId}`;
    this.instances.set(id, { def, id, requests: 0, errors: 0 });
    let inFlight = 0;
    let idle: (() => void) | undefined;
    let alive = true;
    const track = async <T>(p: Promise<T>): Promise<T> => {
      inFlight++;
      try {
        return await p;
      } finally {
        if (--inFlight === 0) idle?.();
      }
    };
    const members: [string, Member][] = Object.values(def.endpoints).map((ep) => [ep.subject, { serviceId: id, handler: ep.handler, track, alive: () => alive }]);
    // Heartbeats as on NATS, straight into the table (no message): they stop when the instance is abandoned.
    const beat = { id, subjects: members.map(([subject]) => subject) };
    this.liveness.heard(beat);
    const heartbeat = setInterval(() => this.liveness.heard(beat), HEARTBEAT_MS);
    heartbeat.unref();
    for (const [subject, member] of members) {
      const group = this.queues.get(subject) ?? { members: [], next: 0 };
      group.members.push(member);
      this.queues.set(subject, group);
    }
    const leave = () => {
      for (const [subject, member] of members) {
        const group = this.queues.get(subject);
        if (group) group.members = group.members.filter((m) => m !== member);
      }
    };
    return {
      id,
      inFlight: () => inFlight,
      abandon: async () => {
        alive = false;
        clearInterval(heartbeat);
        leave();
        this.instances.delete(id);
      },
      stop: async (graceMs = 30_000) => {
        leave();
        if (inFlight > 0) {
          await Promise.race([new Promise<void>((r) => (idle = r)), Bun.sleep(graceMs)]);
        }
        clearInterval(heartbeat);
        this.liveness.forget(id);
        this.instances.delete(id);
      },
    };
  }

  publish(subject: string, body: unknown): void {
    const set = this.listeners.get(subject);
    if (!set || set.size === 0 || this.closed) return;
    // A JSON copy, as over the network — only when a listener reads it (counting listeners do not).
    let copy: Uint8Array | undefined;
    for (const listener of set) if (listener.decode) copy ??= encodeJson(body);
    // Delivered on a later tick, like a network bus: a publisher is never slowed by its listeners.
    queueMicrotask(() => {
      for (const listener of set) {
        try {
          listener.onMessage(listener.decode && copy ? decodeJson(copy) : undefined);
        } catch (e) {
          this.onUnexpected?.(subject, e);
        }
      }
    });
  }

  subscribe(subject: string, onMessage: (body: unknown) => void, { decode = true }: SubscribeOptions = {}): Unsubscribe {
    const set = this.listeners.get(subject) ?? new Set();
    const listener = { onMessage, decode };
    set.add(listener);
    this.listeners.set(subject, set);
    return () => set.delete(listener);
  }

  private list(name?: string, withStats = false): ServiceInstance[] {
    return [...this.instances.values()]
      .filter((i) => !name || i.def.name === name)
      .map((i) => ({
        name: i.def.name,
        id: i.id,
        version: i.def.version,
        ...(withStats ? { data: i.def.statsData?.(), requests: i.requests, errors: i.errors } : {}),
      }));
  }

  async ping(name?: string): Promise<ServiceInstance[]> {
    return this.list(name);
  }

  async stats(name?: string): Promise<ServiceInstance[]> {
    return this.list(name, true);
  }

  isConnected(): boolean {
    return !this.closed;
  }

  async rtt(): Promise<number> {
    if (this.closed) throw new AppError("service_unavailable", "bus is closed");
    return 0;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
