/**
 * The NATS bus: services registered with the NATS services framework (name + version, every
 * endpoint in queue group "q", `$SRV.PING/INFO/STATS` discovery), errors as service-error headers
 * (`Nats-Service-Error-Code` = HTTP status, `Nats-Service-Error` = our code, body = the JSON error).
 * Each instance publishes a heartbeat and also serves every endpoint on its own subject (so a caller
 * can route around a frozen replica); a handler that works long sends one accept message on the
 * reply subject; requests go out through our own reply inbox, which watches both (see `liveness.ts`).
 */
import { Empty, headers as natsHeaders, type NatsConnection } from "@nats-io/nats-core";
import { ServiceError, Svcm } from "@nats-io/services";
import { AppError } from "../errors.ts";
import { decodeJson, dispatch, encodeJson, requestHeaders, type HandlerErrorHook } from "./dispatch.ts";
import type { Heartbeat } from "./instances.ts";
import { HEARTBEAT_MS, LivenessSubject, PROGRESS_HEADER, ProgressTicker } from "./liveness.ts";
import { fromHeaders, incoming, toHeaders, type Incoming } from "./nats-messages.ts";
import { ReplyInbox } from "./nats-replies.ts";
import { connectNats, type NatsTransport } from "./nats-connect.ts";
import type { Bus, RequestOptions, ServiceDefinition, ServiceInstance, ServiceRegistration, SubscribeOptions, Unsubscribe } from "./types.ts";

export type NatsBusOptions = {
  servers: string;
  /** Connection name shown by the NATS server (`nats server report connections`). */
  name: string;
  /** The socket layer (NATS_TRANSPORT); default DEFAULT_NATS_TRANSPORT. */
  transport?: NatsTransport;
  onUnexpected?: HandlerErrorHook;
};

/** How long a request made while the connection is down waits for it to come back before failing. */
const RECONNECT_WAIT_MS = 2000;

export class NatsBus implements Bus {
  readonly kind = "nats" as const;
  /** False between a disconnect and the next reconnect: requests fail fast instead of waiting out their timeout. */
  private connected = true;
  private readonly replies: ReplyInbox;
  private readonly progress = new ProgressTicker();

  private constructor(
    private readonly nc: NatsConnection,
    private readonly onUnexpected?: HandlerErrorHook,
  ) {
    this.replies = new ReplyInbox(nc, () => this.isConnected());
    void this.watchStatus();
  }

  /** This connection's reconnect count, carried by the heartbeats of the services it hosts. */
  private epoch = 0;
  /** Resolved at the next reconnect (requests made while disconnected wait for it, briefly). */
  private reconnected: { promise: Promise<void>; resolve: () => void } | undefined;

  private async watchStatus(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === "disconnect" || status.type === "close") {
        this.connected = false;
        this.replies.pause();
      } else if (status.type === "reconnect") {
        this.connected = true;
        this.epoch++;
        this.replies.resume();
        this.reconnected?.resolve();
        this.reconnected = undefined;
      }
    }
  }

  /**
   * Waits up to RECONNECT_WAIT_MS for the connection to come back: with a NATS cluster, losing one
   * server costs a reconnect to another (well under a second), which should delay requests, not fail them.
   */
  private async awaitConnection(): Promise<boolean> {
    if (this.isConnected()) return true;
    if (this.nc.isClosed()) return false;
    if (!this.reconnected) {
      let resolve = () => {};
      const promise = new Promise<void>((r) => (resolve = r));
      this.reconnected = { promise, resolve };
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.reconnected.promise, new Promise<void>((r) => (timer = setTimeout(r, RECONNECT_WAIT_MS)))]);
    clearTimeout(timer);
    return this.isConnected();
  }

  /** Connects (retrying while the server is starting) and keeps reconnecting forever afterwards. */
  static async connect(opts: NatsBusOptions): Promise<NatsBus> {
    const nc = await connectNats({
      servers: opts.servers.split(",").map((s) => s.trim()),
      name: opts.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
      // No Error object (stack capture) per request: measurable CPU on the gateway's hot path.
      noAsyncTraces: true,
      timeout: 5000,
      // A server that stops answering (partition, frozen node) is left for another within ~10-15 s
      // instead of the 4 minutes of the defaults (2 min × 2). Cost: one PING/PONG per 5 s per connection.
      pingInterval: 5000,
      maxPingOut: 2,
    }, opts.transport);
    return new NatsBus(nc, opts.onUnexpected);
  }

  async request(subject: string, body: unknown, opts: RequestOptions): Promise<Uint8Array> {
    if (!this.isConnected() && !(await this.awaitConnection())) throw new AppError("service_unavailable", "message bus unavailable");
    const headers = toHeaders(requestHeaders(opts.requestId, opts.timeoutMs, opts.headers));
    const msg = await this.replies.send(subject, encodeJson(body), headers, {
      timeoutMs: opts.timeoutMs,
      resend: opts.resend ?? false,
      onResend: opts.onResend,
    });
    const serviceError = ServiceError.toServiceError(msg);
    if (serviceError) throw AppError.fromBody(safeDecode(msg.data), serviceError.code);
    return msg.data;
  }

  async requestJson<T>(subject: string, body: unknown, opts: RequestOptions): Promise<T> {
    return decodeJson(await this.request(subject, body, opts)) as T;
  }

  async addService(def: ServiceDefinition): Promise<ServiceRegistration> {
    const service = await new Svcm(this.nc).add({
      name: def.name,
      version: def.version,
      description: def.description,
      queue: "q",
      statsHandler: async () => def.statsData?.() ?? null,
    });
    const id = service.info().id;
    const subjects = Object.values(def.endpoints).map((ep) => ep.subject);
    const accept = natsHeaders();
    accept.set(PROGRESS_HEADER, id);
    let inFlight = 0;
    let idle: (() => void) | undefined;
    let abandoned = false;
    const handle = async (handler: ServiceDefinition["endpoints"][string]["handler"], subject: string, msg: Incoming) => {
      inFlight++;
      const reply = msg.reply;
      const job = reply ? this.progress.start(() => abandoned || this.nc.publish(reply, Empty, { headers: accept })) : undefined;
      try {
        const result = await dispatch(handler, subject, msg.data, fromHeaders(msg.headers), this.onUnexpected);
        if (abandoned) return;
        if (result.ok) msg.respond(result.data);
        else msg.respondError(result.status, result.code, result.data);
      } finally {
        if (job) this.progress.stop(job);
        if (--inFlight === 0) idle?.();
      }
    };
    for (const [name, ep] of Object.entries(def.endpoints)) {
      service.addEndpoint(name, {
        subject: ep.subject,
        handler: (err, msg) => {
          if (err) return this.onUnexpected?.(ep.subject, err);
          void handle(ep.handler, ep.subject, msg);
        },
      });
    }
    // The instance's own subjects: where callers send work while another replica of the service is frozen.
    const directPrefix = `${LivenessSubject.Direct}.${id}.`;
    const handlers = new Map(Object.values(def.endpoints).map((ep) => [ep.subject, ep.handler]));
    const direct = this.nc.subscribe(`${directPrefix}>`, {
      callback: (err, msg) => {
        if (err) return this.onUnexpected?.(directPrefix, err);
        const subject = msg.subject.slice(directPrefix.length);
        const handler = handlers.get(subject);
        if (handler) void handle(handler, subject, incoming(msg));
      },
    });
    const beat = (leaving = false) => {
      const body: Heartbeat = { id, subjects, epoch: this.epoch, ...(leaving ? { leaving } : {}) };
      try {
        this.nc.publish(`${LivenessSubject.Heartbeat}.${id}`, encodeJson(body));
      } catch {
        // disconnected: callers see the silence, which is the truth
      }
    };
    beat();
    const heartbeat = setInterval(beat, HEARTBEAT_MS);
    return {
      id,
      inFlight: () => inFlight,
      stop: async (graceMs = 30_000) => {
        // Unsubscribe first (no new work), then let in-flight handlers reply on the still-open
        // connection, beating meanwhile so their callers keep waiting; then say goodbye.
        direct.unsubscribe();
        await service.stop();
        if (inFlight > 0) await Promise.race([new Promise<void>((r) => (idle = r)), Bun.sleep(graceMs)]);
        clearInterval(heartbeat);
        beat(true);
      },
      abandon: async () => {
        abandoned = true;
        clearInterval(heartbeat);
        direct.unsubscribe();
        await service.stop();
      },
    };
  }

  publish(subject: string, body: unknown): void {
    try {
      this.nc.publish(subject, encodeJson(body));
    } catch (e) {
      this.onUnexpected?.(subject, e);
    }
  }

  subscribe(subject: string, onMessage: (body: unknown) => void, { decode = true }: SubscribeOptions = {}): Unsubscribe {
    const sub = this.nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) return this.onUnexpected?.(subject, err);
        try {
          onMessage(decode ? decodeJson(msg.data) : undefined);
        } catch (e) {
          this.onUnexpected?.(subject, e);
        }
      },
    });
    return () => sub.unsubscribe();
  }

  private async collect(verb: "ping" | "stats", name?: string, timeoutMs = 500): Promise<ServiceInstance[]> {
    const client = new Svcm(this.nc).client({ strategy: "stall", stall: 100, maxWait: timeoutMs });
    const out: ServiceInstance[] = [];
    try {
      if (verb === "ping") {
        for await (const p of await client.ping(name)) out.push({ name: p.name, id: p.id, version: p.version });
      } else {
        for await (const s of await client.stats(name)) {
          const eps = s.endpoints ?? [];
          out.push({
            name: s.name,
            id: s.id,
            version: s.version,
            data: eps[0]?.data,
            requests: eps.reduce((n, e) => n + e.num_requests, 0),
            errors: eps.reduce((n, e) => n + e.num_errors, 0),
          });
        }
      }
    } catch (e) {
      // No service at all answers discovery with "no responders": that is an empty list, not an error.
      // (a RequestError wrapping it, or — from the services client's request-many — NoRespondersError itself).
      const err = e as { isNoResponders?: () => boolean; name?: string };
      if (!err.isNoResponders?.() && err.name !== "NoResponders") throw e;
    }
    return out;
  }

  ping(name?: string, timeoutMs?: number): Promise<ServiceInstance[]> {
    return this.collect("ping", name, timeoutMs);
  }

  stats(name?: string, timeoutMs?: number): Promise<ServiceInstance[]> {
    return this.collect("stats", name, timeoutMs);
  }

  isConnected(): boolean {
    return this.connected && !this.nc.isClosed();
  }

  rtt(): Promise<number> {
    return this.nc.rtt();
  }

  async close(): Promise<void> {
    this.replies.close();
    if (this.nc.isClosed()) return;
    // With the server gone there is nothing left to drain: close, so a shutdown still ends cleanly.
    await this.nc.drain().catch(() => this.nc.close());
  }
}

function safeDecode(data: Uint8Array): unknown {
  try {
    return decodeJson(data);
  } catch {
    return undefined;
  }
}
