/**
 * The service's side of bus streams (protocol in `stream.ts`): a stream endpoint is an ordinary bus
 * handler that opens the stream, answers the ack once the first chunk is written, and keeps running
 * its handler afterwards, publishing numbered frames, honouring the caller's credit and cancel.
 */
import { AppError, toAppError } from "../errors.ts";
import { DEFAULT_WINDOW, INBOX_RE, MAX_WINDOW, newInbox, StreamHeader, type StreamAck, type StreamControl, type StreamFrame } from "./stream.ts";
import type { Bus, BusHandler, BusRequest } from "./types.ts";

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

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
      return { control: writer.control, writer: writer.id } satisfies StreamAck;
    };
  }

  async drain(graceMs: number): Promise<void> {
    if (this.running.size === 0) return;
    await Promise.race([Promise.allSettled([...this.running]), Bun.sleep(graceMs)]);
  }
}

class StreamWriter {
  readonly control = newInbox();
  readonly id = crypto.randomUUID().slice(0, 8);
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
    const pingMs = opts.pingMs ?? 1_000;
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

  private send(frame: DistributiveOmit<StreamFrame, "w">): void {
    this.lastSent = Date.now();
    this.bus.publish(this.inbox, { ...frame, w: this.id });
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
