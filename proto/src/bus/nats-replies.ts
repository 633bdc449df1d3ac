/**
 * The NATS bus's reply inbox: one wildcard subscription for every request of the connection
 * (like nats.js's own request mux), but a request may receive several messages on its reply
 * subject — the accept naming the instance that holds it, then the reply — and may be re-sent with
 * the same reply subject when that instance falls silent (see `liveness.ts` and `pending.ts`). The
 * inbox also listens to the service instances' heartbeats, which tell it who is alive.
 */
import { createInbox, type Msg, type MsgHdrs, type NatsConnection, type Subscription } from "@nats-io/nats-core";
import { AppError } from "../errors.ts";
import { decodeJson } from "./dispatch.ts";
import { InstanceTable, type Heartbeat } from "./instances.ts";
import { directSubject, LivenessSubject, PROGRESS_HEADER, StallWatch } from "./liveness.ts";
import { PendingRequest } from "./pending.ts";

export type SendOptions = { timeoutMs: number; resend: boolean; onResend?: () => void };

export class ReplyInbox {
  private readonly prefix: string;
  private readonly sub: Subscription;
  private beats: Subscription | undefined;
  private readonly pending = new Map<string, PendingRequest<Msg>>();
  private readonly watch = new StallWatch();
  readonly instances = new InstanceTable();
  private nextToken = 0;

  constructor(
    private readonly nc: NatsConnection,
    private readonly connected: () => boolean,
  ) {
    this.prefix = `${createInbox()}.`;
    this.sub = nc.subscribe(`${this.prefix}*`, { callback: (err, msg) => (err ? undefined : this.onMessage(msg)) });
  }

  /** Publishes the request and resolves with its reply message (a service error is still a reply). */
  send(subject: string, data: Uint8Array, headers: MsgHdrs, opts: SendOptions): Promise<Msg> {
    // Only processes that send requests need the heartbeats: subscribe on the first one.
    this.beats ??= this.nc.subscribe(`${LivenessSubject.Heartbeat}.*`, {
      callback: (err, msg) => {
        if (err) return;
        try {
          this.instances.heard(decodeJson(msg.data) as Heartbeat);
        } catch {
          // not a heartbeat of ours: ignored
        }
      },
    });
    const token = (this.nextToken++).toString(36);
    const reply = this.prefix + token;
    const request = new PendingRequest<Msg>({
      subject,
      timeoutMs: opts.timeoutMs,
      resend: opts.resend,
      onResend: opts.onResend,
      watch: this.watch,
      instances: this.instances,
      sendTo: (instance) => {
        if (!this.connected()) return false;
        this.nc.publish(instance ? directSubject(instance, subject) : subject, data, { reply, headers });
        return true;
      },
      release: () => this.pending.delete(token),
    });
    this.pending.set(token, request);
    try {
      request.send();
    } catch (e) {
      request.reject(new AppError("service_unavailable", "message bus unavailable", [], { cause: e }));
    }
    return request.promise;
  }

  private onMessage(msg: Msg): void {
    const request = this.pending.get(msg.subject.slice(this.prefix.length));
    if (!request) return; // late answer of a request already settled (timeout, or the other replica won)
    const headers = msg.headers;
    if (headers && msg.data.length === 0) {
      if (headers.has(PROGRESS_HEADER)) return request.accepted(headers.get(PROGRESS_HEADER));
      if (headers.code === 503) {
        // Sent to one instance that has just gone: try elsewhere (or fail) at once.
        if (request.instance) return request.onStall();
        return request.onNoResponders();
      }
    }
    request.resolve(msg);
  }

  /** Disconnected: heartbeats cannot arrive, so silence says nothing about the instances. */
  pause(): void {
    this.watch.pause();
  }

  /**
   * Reconnected: a reply published while our inbox was not subscribed is lost, so every request that
   * may be repeated is sent again now (the first answer wins); the others are judged afresh from now.
   */
  resume(): void {
    this.watch.resume();
    for (const request of [...this.pending.values()]) {
      if (request.resendable) request.onStall();
      else request.lastHeard = performance.now();
    }
  }

  close(): void {
    this.sub.unsubscribe();
    this.beats?.unsubscribe();
  }
}
