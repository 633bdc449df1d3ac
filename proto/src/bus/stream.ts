/**
 * Streams over the bus: a reply made of many chunks (an LLM answer token by token), with flow
 * control and cancellation, built only on the `Bus` interface (request/reply + publish/subscribe),
 * so the NATS bus and the in-process bus stream with the same semantics and one test suite.
 *
 * Protocol, caller side first:
 * 1. the caller subscribes to a fresh inbox subject, then sends an ordinary bus request carrying the
 *    inbox and its window (how many chunks may be in flight) as headers. Queue groups, "no responder"
 *    errors and the service's own errors (validation, unknown model, upstream refused) work as for
 *    any request: the stream has not started, so the gateway can still answer a proper HTTP error;
 * 2. the service answers that request with an ack naming its control subject once the stream is open
 *    (first chunk written, or the handler finished), then publishes numbered frames on the inbox:
 *    `chunk`s, then one `end` or one `error`, and a `ping` when it has been silent for a while;
 * 3. the caller grants credit on the control subject as it consumes chunks (backpressure: a service
 *    that has used its credit waits, so a slow HTTP client slows the upstream LLM read instead of
 *    filling memory), and publishes `cancel` when its client went away: the handler's signal aborts.
 * A caller that vanishes stops granting credit: the service gives up after `creditTimeoutMs`. A
 * service that vanishes stops pinging: the caller gives up after `idleTimeoutMs`.
 */
import { AppError, toAppError, type ErrorBody } from "../errors.ts";
import type { Bus, BusHandler, BusRequest, RequestOptions } from "./types.ts";

export const StreamHeader = {
  Inbox: "x-stream-inbox",
  Window: "x-stream-window",
} as const;

/** What the service publishes on the caller's inbox. `s` numbers chunk/end/error frames from 0. */
export type StreamFrame =
  | { k: "chunk"; s: number; d: unknown }
  | { k: "end"; s: number; d?: unknown }
  | { k: "error"; s: number; st: number; e: ErrorBody }
  | { k: "ping" };

/** What the caller publishes on the service's control subject. */
export type StreamControl = { k: "credit"; upTo: number } | { k: "cancel" };

/** The service's answer to the opening request. */
export type StreamAck = { control: string };

const DEFAULT_WINDOW = 32;
const MAX_WINDOW = 1024;
const INBOX_RE = /^_INBOX\.[A-Za-z0-9]{8,64}$/;

export const newInbox = (): string => `_INBOX.${crypto.randomUUID().replaceAll("-", "")}`;

export type StreamOpenOptions = RequestOptions & {
  /** Chunks the service may send ahead of what the caller consumed. */
  window?: number;
  /** Longest silence (no frame, no ping) while waiting for the next chunk. */
  idleTimeoutMs?: number;
};

/** The caller's side of one stream: iterate it; `cancel()` when the consumer went away. */
export interface BusStream extends AsyncIterable<unknown> {
  /** The next chunk, `{done: true, value: endValue}` at the end; throws the service's AppError. */
  next(): Promise<IteratorResult<unknown, unknown>>;
  /** Frames already received and not yet read: `next()` answers at once while this is above 0 (batch them into one write). */
  buffered(): number;
  /** Tells the service to stop (its handler's signal aborts). Safe to call at any time, any number of times. */
  cancel(): void;
}

/** Opens a stream: resolves once the service accepted it, throws AppError when it refused or nobody serves `subject`. */
export async function openStream(bus: Bus, subject: string, body: unknown, opts: StreamOpenOptions): Promise<BusStream> {
  const window = Math.max(1, Math.min(MAX_WINDOW, Math.floor(opts.window ?? DEFAULT_WINDOW)));
  const reader = new StreamReader(bus, newInbox(), window, Date.now() + opts.timeoutMs, opts.idleTimeoutMs ?? opts.timeoutMs);
  try {
    const headers = { ...opts.headers, [StreamHeader.Inbox]: reader.inbox, [StreamHeader.Window]: String(window) };
    const ack = await bus.requestJson<StreamAck>(subject, body, { ...opts, headers });
    reader.attach(ack.control);
    return reader;
  } catch (e) {
    reader.close();
    throw e;
  }
}

class StreamReader implements BusStream {
  private readonly frames: StreamFrame[] = [];
  private wake?: () => void;
  private readonly unsubscribe: () => void;
  private control?: string;
  private expected = 0;
  private granted: number;
  private closed = false;
  private cancelRequested = false;

  constructor(
    private readonly bus: Bus,
    readonly inbox: string,
    private readonly window: number,
    private readonly deadline: number,
    private readonly idleTimeoutMs: number,
  ) {
    this.granted = window;
    this.unsubscribe = bus.subscribe(inbox, (frame) => {
      if (this.closed) return;
      this.frames.push(frame as StreamFrame);
      this.wake?.();
    });
  }

  attach(control: string): void {
    this.control = control;
    if (this.cancelRequested) this.cancel();
  }

  async next(): Promise<IteratorResult<unknown, unknown>> {
    while (!this.closed) {
      const frame = this.frames.shift() ?? (await this.waitFrame());
      if (!frame) break; // cancelled or closed while waiting
      if (frame.k === "ping") continue;
      if (frame.s !== this.expected) {
        this.cancel();
        throw new AppError("upstream_error", "the stream lost frames on the bus");
      }
      this.expected++;
      if (frame.k === "chunk") {
        this.grant();
        return { done: false, value: frame.d };
      }
      this.close();
      if (frame.k === "end") return { done: true, value: frame.d };
      throw AppError.fromBody(frame.e, frame.st);
    }
    return { done: true, value: undefined };
  }

  buffered(): number {
    return this.frames.length;
  }

  /** Consumed half the window: give the service room for another window's worth. */
  private grant(): void {
    if (this.granted - this.expected > this.window / 2 || !this.control) return;
    this.granted = this.expected + this.window;
    this.bus.publish(this.control, { k: "credit", upTo: this.granted } satisfies StreamControl);
  }

  /** The next frame, or undefined once the stream is closed (cancelled by the consumer meanwhile). */
  private waitFrame(): Promise<StreamFrame | undefined> {
    return new Promise((resolve, reject) => {
      const left = this.deadline - Date.now();
      const deadlineFirst = left <= this.idleTimeoutMs;
      const timer = setTimeout(() => {
        this.wake = undefined;
        this.cancel();
        reject(new AppError("timeout", deadlineFirst ? "the stream did not finish in time" : "the stream went silent"));
      }, Math.max(0, Math.min(left, this.idleTimeoutMs)));
      this.wake = () => {
        const frame = this.frames.shift();
        if (!frame && !this.closed) return;
        clearTimeout(timer);
        this.wake = undefined;
        resolve(frame);
      };
    });
  }

  cancel(): void {
    if (this.closed) return;
    this.cancelRequested = true;
    if (!this.control) return; // not accepted yet: attach() sends it
    this.bus.publish(this.control, { k: "cancel" } satisfies StreamControl);
    this.close();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe();
    this.frames.length = 0;
    this.wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<unknown, unknown> {
    return { next: () => this.next(), return: async (value?: unknown) => (this.cancel(), { done: true, value }) };
  }
}

/** What a stream handler writes to. */
export type StreamSink = {
  /** Sends one chunk; resolves when the caller has room for more. Rejects (AppError) once the stream is aborted. */
  write(chunk: unknown): Promise<void>;
  /** Aborts when the caller cancels or vanishes, or the request's deadline passes: stop the upstream work. */
  readonly signal: AbortSignal;
};

/** Produces the chunks of one stream; its return value travels in the `end` frame. */
export type StreamHandler = (req: BusRequest, sink: StreamSink) => Promise<unknown>;

export type StreamServerOptions = {
  /** A ping after this much silence keeps the caller's idle timer from firing during a slow prefill. */
  pingMs?: number;
  /** How long a writer waits for credit before deciding the caller is gone. */
  creditTimeoutMs?: number;
};

/**
 * The service's side: `endpoint(handler)` is an ordinary bus handler (put it in a service definition)
 * that opens the stream, answers the ack and keeps running the handler after the request returned.
 * `drain()` waits for the streams still running (graceful shutdown).
 */
export class StreamServer {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly bus: Bus,
    private readonly opts: StreamServerOptions = {},
  ) {}

  active(): number {
    return this.running.size;
  }

  endpoint(handler: StreamHandler): BusHandler {
    return async (req) => {
      const inbox = req.headers[StreamHeader.Inbox];
      if (!inbox || !INBOX_RE.test(inbox)) throw new AppError("bad_request", "a stream request needs a reply inbox");
      const window = Math.max(1, Math.min(MAX_WINDOW, Number(req.headers[StreamHeader.Window]) || DEFAULT_WINDOW));
      const writer = new StreamWriter(this.bus, inbox, window, req.deadline, this.opts);
      const run = (async () => {
        try {
          const end = await handler(req, writer.sink);
          writer.end(end);
        } catch (e) {
          writer.fail(e);
        } finally {
          writer.close();
        }
      })();
      this.running.add(run);
      void run.finally(() => this.running.delete(run));
      await writer.opened;
      return { control: writer.control } satisfies StreamAck;
    };
  }

  async drain(graceMs: number): Promise<void> {
    if (this.running.size === 0) return;
    await Promise.race([Promise.allSettled([...this.running]), Bun.sleep(graceMs)]);
  }
}

class StreamWriter {
  readonly control = newInbox();
  /** Resolves when the stream is open (first chunk or end), rejects with an error raised before that. */
  readonly opened: Promise<void>;
  private open!: () => void;
  private refuse!: (e: unknown) => void;
  private isOpen = false;
  private seq = 0;
  private granted: number;
  private finished = false;
  private readonly abort = new AbortController();
  private cancelled = false;
  private creditWaiter?: () => void;
  private lastSent = Date.now();
  private readonly unsubscribe: () => void;
  private readonly ping: ReturnType<typeof setInterval>;
  private readonly deadlineTimer: ReturnType<typeof setTimeout>;

  constructor(
    private readonly bus: Bus,
    private readonly inbox: string,
    window: number,
    deadline: number,
    private readonly opts: StreamServerOptions,
  ) {
    this.granted = window;
    this.opened = new Promise((resolve, reject) => {
      this.open = resolve;
      this.refuse = reject;
    });
    this.unsubscribe = bus.subscribe(this.control, (msg) => this.onControl(msg as StreamControl));
    const pingMs = opts.pingMs ?? 5_000;
    this.ping = setInterval(() => {
      if (this.isOpen && Date.now() - this.lastSent >= pingMs) this.send({ k: "ping" });
    }, pingMs);
    this.deadlineTimer = setTimeout(() => this.stop(new AppError("timeout", "the stream's deadline passed")), Math.max(0, deadline - Date.now()));
  }

  readonly sink: StreamSink = {
    write: (chunk) => this.write(chunk),
    signal: this.abort.signal,
  };

  private onControl(msg: StreamControl): void {
    if (msg.k === "cancel") {
      this.cancelled = true;
      this.stop(new AppError("bad_request", "the caller cancelled the stream"));
    }
    else if (msg.k === "credit" && msg.upTo > this.granted) {
      this.granted = msg.upTo;
      this.creditWaiter?.();
    }
  }

  private stop(reason: AppError): void {
    if (this.abort.signal.aborted) return;
    this.abort.abort(reason);
    this.creditWaiter?.();
  }

  private send(frame: StreamFrame): void {
    this.lastSent = Date.now();
    this.bus.publish(this.inbox, frame);
  }

  private async write(chunk: unknown): Promise<void> {
    if (this.abort.signal.aborted) throw this.abort.signal.reason;
    if (this.finished) throw new AppError("internal_error", "write after the end of a stream");
    this.markOpen();
    this.send({ k: "chunk", s: this.seq++, d: chunk });
    if (this.seq < this.granted) return;
    const creditTimeoutMs = this.opts.creditTimeoutMs ?? 30_000;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.stop(new AppError("timeout", "the caller stopped reading the stream")), creditTimeoutMs);
      this.creditWaiter = () => {
        if (this.seq < this.granted || this.abort.signal.aborted) {
          clearTimeout(timer);
          this.creditWaiter = undefined;
          resolve();
        }
      };
    });
    if (this.abort.signal.aborted) throw this.abort.signal.reason;
  }

  private markOpen(): void {
    if (this.isOpen) return;
    this.isOpen = true;
    this.open();
  }

  end(value: unknown): void {
    if (this.finished) return;
    if (this.abort.signal.aborted) return this.fail(this.abort.signal.reason);
    this.markOpen();
    this.finished = true;
    this.send({ k: "end", s: this.seq++, d: value });
  }

  fail(e: unknown): void {
    if (this.finished) return;
    this.finished = true;
    if (!this.isOpen) return this.refuse(e); // not started: the opening request fails with this error
    if (this.cancelled) return; // the caller is gone: nobody to tell
    const error = toAppError(this.abort.signal.aborted ? this.abort.signal.reason : e);
    this.send({ k: "error", s: this.seq++, st: error.status, e: error.toBody() });
  }

  close(): void {
    clearInterval(this.ping);
    clearTimeout(this.deadlineTimer);
    this.unsubscribe();
    if (!this.isOpen) this.refuse(new AppError("internal_error", "stream handler ended without opening"));
  }
}
