/**
 * A conversation log that is never the reason a process does not start: it opens the real store in
 * the background and retries until it succeeds (a NATS without JetStream enabled, a stream the account
 * may not create…), saying so in the logs. Until then appends are dropped with a warning and reads
 * answer 503 `not_configured` — chat keeps replying, which matters more than the log.
 */
import { AppError, type ChatLogEvent, type LogHistoryResponse, type StoredLogEvent } from "@sinhome/proto";
import type { Logger } from "../log.ts";
import type { ConversationLog, HistoryQuery, LogStats } from "./types.ts";


export class ResilientConversationLog implements ConversationLog {
  private inner?: ConversationLog;
  private closed = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(
    readonly kind: ConversationLog["kind"],
    private readonly open: () => Promise<ConversationLog>,
    private readonly log: Logger,
    private readonly retryMs = 10_000,
  ) {}

  /** Tries once now (awaited, so a healthy start is ready at once), then in the background until it works. */
  async start(): Promise<this> {
    await this.attempt();
    return this;
  }

  private async attempt(): Promise<void> {
    try {
      const inner = await this.open();
      if (this.closed) return void (await inner.close());
      this.inner = inner;
    } catch (e) {
      this.log.error({ err: e instanceof Error ? e.message : String(e), retryInMs: this.retryMs }, "conversation log unavailable: exchanges are not persisted until it opens");
      if (!this.closed) {
        this.timer = setTimeout(() => void this.attempt(), this.retryMs);
        this.timer.unref?.();
      }
    }
  }

  private ready(): ConversationLog {
    if (!this.inner) throw new AppError("not_configured", "the conversation log is not available yet");
    return this.inner;
  }

  async append(event: ChatLogEvent): Promise<string> {
    if (!this.inner) throw new Error("conversation log not open");
    return this.inner.append(event);
  }
  async history(query: HistoryQuery): Promise<LogHistoryResponse> {
    return this.ready().history(query);
  }
  async erase(sessionId: string, tenant?: string): Promise<number> {
    return this.ready().erase(sessionId, tenant);
  }
  async follow(afterId: string | undefined, onEvent: (event: StoredLogEvent) => void): Promise<() => void> {
    return this.ready().follow(afterId, onEvent);
  }
  async stats(): Promise<LogStats> {
    return this.ready().stats();
  }
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.inner?.close();
  }
}
