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
 * This file is the protocol and the caller's side; the service's side is `stream-server.ts`.
 */
import { AppError, type ErrorBody } from "../errors.ts";
import type { Bus, RequestOptions } from "./types.ts";

export const StreamHeader = {
  Inbox: "x-stream-inbox",
  Window: "x-stream-window",
} as const;

/**
 * What the service publishes on the caller's inbox. `s` numbers chunk/end/error frames from 0; `w` names
 * the writer, so frames of a replica that died after starting (the request was then re-sent to another
 * one) are told apart from those of the writer the ack names.
 */
export type StreamFrame = { w: string } & (
  | { k: "chunk"; s: number; d: unknown }
  | { k: "end"; s: number; d?: unknown }
  | { k: "error"; s: number; st: number; e: ErrorBody }
  | { k: "ping" }
);

/** What the caller publishes on the service's control subject. */
export type StreamControl = { k: "credit"; upTo: number } | { k: "cancel" };

/** The service's answer to the opening request: where to send credit and cancel, and the writer's id. */
export type StreamAck = { control: string; writer: string };

export const DEFAULT_WINDOW = 32;
export const MAX_WINDOW = 1024;
/** What a caller's inbox looks like: the service publishes nowhere else. */
export const INBOX_RE = /^_INBOX\.[A-Za-z0-9]{8,64}$/;

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
    // Safe to re-send when the replica holding it dies before answering: frames name their writer.
    const ack = await bus.requestJson<StreamAck>(subject, body, { resend: true, ...opts, headers });
    reader.attach(ack);
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
  private writer?: string;
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
    this.unsubscribe = bus.subscribe(inbox, (message) => {
      const frame = message as StreamFrame;
      if (this.closed || (this.writer !== undefined && frame.w !== this.writer)) return;
      this.frames.push(frame);
      this.wake?.();
    });
  }

  attach(ack: StreamAck): void {
    this.control = ack.control;
    this.writer = ack.writer;
    // Frames that arrived before the ack may come from a writer that died before answering.
    const own = this.frames.filter((f) => f.w === ack.writer);
    this.frames.length = 0;
    this.frames.push(...own);
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
