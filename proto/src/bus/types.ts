/**
 * The bus: one interface, two implementations (NATS and in-process) with the same semantics —
 * request/reply in queue groups, immediate no-responder errors, timeouts, instance heartbeats and
 * re-sending of requests orphaned by a dead or frozen replica (`liveness.ts`), broadcast publish, and
 * NATS-services-style discovery (PING/INFO/STATS). Payloads are JSON.
 */

/** What a handler receives. `body` is parsed JSON (already validated by the gateway for HTTP routes). */
export type BusRequest = {
  subject: string;
  body: unknown;
  requestId: string;
  /** Epoch ms after which the caller has given up. */
  deadline: number;
  headers: Record<string, string>;
};

/** A handler returns the reply value (serialized as JSON) or throws an AppError. */
export type BusHandler = (req: BusRequest) => Promise<unknown> | unknown;

export type ServiceEndpoint = { subject: string; handler: BusHandler };

export type ServiceDefinition = {
  name: string;
  version: string;
  description: string;
  /** Endpoint name → subject + handler. Every endpoint is served in the queue group "q". */
  endpoints: Record<string, ServiceEndpoint>;
  /** Extra data returned in `$SRV.STATS` (the service's counter snapshot). */
  statsData?: () => unknown;
};

export type ServiceRegistration = {
  id: string;
  /** Requests being handled right now. */
  inFlight(): number;
  /** Stop taking new requests, wait for in-flight ones (up to `graceMs`), then unsubscribe. */
  stop(graceMs?: number): Promise<void>;
  /**
   * Vanish at once, as if the process died: no new requests, and the in-flight ones never get a
   * reply or another progress message. Callers see them stall (tests, chaos drills).
   */
  abandon(): Promise<void>;
};

/** One instance of a service, as discovery reports it. */
export type ServiceInstance = {
  name: string;
  id: string;
  version: string;
  /** Present for stats(): the service's own data (its counter snapshot). */
  data?: unknown;
  requests?: number;
  errors?: number;
};

export type RequestOptions = {
  timeoutMs: number;
  requestId: string;
  headers?: Record<string, string>;
  /**
   * The request is safe to repeat: when the replica holding it falls silent (its heartbeat stops for
   * `STALL_MS`, e.g. it was killed or frozen), send it again — up to `MAX_RESENDS` times, never to an
   * instance gone quiet — within the same deadline. Without it a silent replica fails the request at
   * once with service_unavailable.
   */
  resend?: boolean;
  /** Told when the request was re-sent (metrics). */
  onResend?: () => void;
};

export type Unsubscribe = () => void;
export type SubscribeOptions = { decode?: boolean };

export interface Bus {
  readonly kind: "nats" | "memory";
  /**
   * Sends a request and returns the raw JSON reply bytes (so the gateway can pass them through).
   * Throws AppError: `service_unavailable` at once when nobody serves the subject, `timeout`
   * when the deadline passes, or the service's own error rebuilt from its service-error reply.
   */
  request(subject: string, body: unknown, opts: RequestOptions): Promise<Uint8Array>;
  /** `request` + JSON.parse of the reply. */
  requestJson<T>(subject: string, body: unknown, opts: RequestOptions): Promise<T>;
  addService(def: ServiceDefinition): Promise<ServiceRegistration>;
  /** Fire-and-forget broadcast (every subscriber receives it). Never throws. */
  publish(subject: string, body: unknown): void;
  /**
   * Receives every broadcast on `subject` (no queue group). `decode: false` = the listener never reads
   * the body (it counts): it gets `undefined`, and the JSON is neither parsed nor, in process, made.
   */
  subscribe(subject: string, onMessage: (body: unknown) => void, opts?: SubscribeOptions): Unsubscribe;
  /** Instances answering `$SRV.PING` (all services, or one by name) within `timeoutMs`. */
  ping(name?: string, timeoutMs?: number): Promise<ServiceInstance[]>;
  /** Instances answering `$SRV.STATS`, with their stats data. */
  stats(name?: string, timeoutMs?: number): Promise<ServiceInstance[]>;
  /** Is the bus connected (readiness)? */
  isConnected(): boolean;
  /** Round trip to the server (NATS) or 0 (in-process); throws when disconnected. */
  rtt(): Promise<number>;
  /** Drain and close. */
  close(): Promise<void>;
}

