/**
 * The mesh's conversation log: the JetStream stream `SINHOME_CONVERSATIONS` on the NATS we already
 * run (file storage, max age = LOG_RETENTION_HOURS, max bytes = LOG_MAX_BYTES, oldest discarded).
 * Each conversation has its own subject (`sinhome.log.conversation.s<base64url(session_id)>`), so a
 * fan's erasure request is one purge by subject. Ids are stream sequences. It uses its own NATS
 * connection (the bus's is request/reply plumbing and stays private to it).
 */
import { nanos, type NatsConnection } from "@nats-io/nats-core";
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type PubAck,
  type JetStreamManager,
  type StreamConfig,
} from "@nats-io/jetstream";
import { connectNats, ConversationLogStream, type ChatLogEvent, type LogHistoryResponse, type NatsTransport, type StoredLogEvent } from "@sinhome/proto";
import { eventTimeMs, parseLogId, type ConversationLog, type ConversationLogOptions, type HistoryQuery, type LogStats } from "./types.ts";

const STREAM = ConversationLogStream.Name;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const token = (s: string) => Buffer.from(s).toString("base64url");
const sessionToken = (sessionId: string | null | undefined) => (sessionId ? `s${token(sessionId)}` : "none");
/**
 * Where a tenant's conversations live: the default tenant `""` keeps the subjects from before tenants
 * (`<prefix>.s<session>`, so stored events stay its own), another tenant gets a token of its own
 * (`<prefix>.t<base64url(tenant)>.s<session>`), so a tenant's history and erasure are subject filters.
 */
const tenantPrefix = (tenant: string) => (tenant === "" ? ConversationLogStream.SubjectPrefix : `${ConversationLogStream.SubjectPrefix}.t${token(tenant)}`);

/** The subject of one conversation (base64url keeps any session id a valid, reversible subject token). */
export const conversationSubject = (sessionId: string | null | undefined, tenant = ""): string => `${tenantPrefix(tenant)}.${sessionToken(sessionId)}`;

/** The subjects a history page reads: one conversation (of one tenant, or of all), one tenant (`<prefix>.*` = exactly the default tenant's), or all. */
function historyFilters(sessionId: string | undefined, tenant: string | undefined): string[] {
  const prefix = ConversationLogStream.SubjectPrefix;
  if (tenant === undefined) return sessionId !== undefined ? [conversationSubject(sessionId), `${prefix}.*.${sessionToken(sessionId)}`] : [`${prefix}.>`];
  if (sessionId !== undefined) return [conversationSubject(sessionId, tenant)];
  return [tenant === "" ? `${prefix}.*` : `${tenantPrefix(tenant)}.*`];
}

export type JetStreamLogOptions = ConversationLogOptions & {
  servers: string;
  /** The socket layer (NATS_TRANSPORT): the same as the bus's of this process. */
  transport?: NatsTransport;
  /** Connection name shown by the server. */
  name: string;
  /** Copies kept by a NATS cluster (default 1). */
  replicas?: number;
  /** Ops (the log's owner) applies retention and size to an existing stream; others only create it when missing. */
  manage: boolean;
};

export class JetStreamConversationLog implements ConversationLog {
  readonly kind = "jetstream" as const;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
  ) {}

  static async open(opts: JetStreamLogOptions): Promise<JetStreamConversationLog> {
    const nc = await connectNats({
      servers: opts.servers.split(",").map((s) => s.trim()),
      name: opts.name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
      // No Error object (stack capture) per publish: chat appends one event per reply.
      noAsyncTraces: true,
      timeout: 5000,
    }, opts.transport);
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, opts);
    return new JetStreamConversationLog(nc, jetstream(nc), jsm);
  }

  async append(event: ChatLogEvent): Promise<string> {
    const ack = await publishUntilStored(this.js, conversationSubject(event.session_id, event.tenant ?? ""), encoder.encode(JSON.stringify(event)));
    return String(ack.seq);
  }

  /**
   * One page: each subject filter is read from the same start (NATS 2.9 consumers take one filter),
   * and the pages are merged by sequence, so the cursor (the last id returned) is right for every filter.
   */
  async history(q: HistoryQuery): Promise<LogHistoryResponse> {
    const pages = await Promise.all(historyFilters(q.sessionId, q.tenant).map((filter) => this.page(filter, q)));
    const merged = pages.flatMap((p) => p.events).sort((a, b) => Number(a.id) - Number(b.id));
    const events = merged.slice(0, q.limit);
    const more = merged.length > q.limit || pages.some((p) => p.more);
    return { events, next_cursor: more ? events.at(-1)!.id : null };
  }

  private async page(filter: string, q: HistoryQuery): Promise<{ events: StoredLogEvent[]; more: boolean }> {
    const after = parseLogId(q.afterId);
    const start =
      after !== undefined
        ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 }
        : q.sinceMs !== undefined
          ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: new Date(q.sinceMs).toISOString() }
          : { deliver_policy: DeliverPolicy.All };
    // A short-lived ephemeral consumer: it says how many events follow, so a page never waits for more.
    const info = await this.jsm.consumers.add(STREAM, {
      ...start,
      ack_policy: AckPolicy.None,
      filter_subject: filter,
      inactive_threshold: nanos(30_000),
      mem_storage: true,
    });
    const events: StoredLogEvent[] = [];
    let more = false;
    try {
      const wanted = Math.min(q.limit + 1, info.num_pending);
      if (wanted > 0) {
        const consumer = await this.js.consumers.get(STREAM, info.name);
        const messages = await consumer.fetch({ max_messages: wanted, expires: 5_000 });
        for await (const m of messages) {
          const event = JSON.parse(decoder.decode(m.data)) as ChatLogEvent;
          const t = eventTimeMs(event);
          if (q.sinceMs !== undefined && t < q.sinceMs) continue;
          if (q.untilMs !== undefined && t > q.untilMs) break;
          if (events.length === q.limit) {
            more = true;
            break;
          }
          events.push({ id: String(m.seq), ...event });
          if (events.length + 1 > wanted) break;
        }
        messages.stop();
      }
    } finally {
      this.jsm.consumers.delete(STREAM, info.name).catch(() => {});
    }
    return { events, more };
  }

  async erase(sessionId: string, tenant?: string): Promise<number> {
    // An operator erases the conversation in every tenant: the default tenant's subject, then the others'.
    const filters = tenant !== undefined ? [conversationSubject(sessionId, tenant)] : [conversationSubject(sessionId), `${ConversationLogStream.SubjectPrefix}.*.${sessionToken(sessionId)}`];
    let purged = 0;
    for (const filter of filters) purged += (await this.jsm.streams.purge(STREAM, { filter })).purged;
    return purged;
  }

  async follow(afterId: string | undefined, onEvent: (event: StoredLogEvent) => void): Promise<() => void> {
    const after = parseLogId(afterId);
    const consumer = await this.js.consumers.get(STREAM, {
      filter_subjects: `${ConversationLogStream.SubjectPrefix}.>`,
      ...(after !== undefined ? { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: after + 1 } : { deliver_policy: DeliverPolicy.New }),
    });
    const messages = await consumer.consume();
    void (async () => {
      for await (const m of messages) {
        try {
          onEvent({ id: String(m.seq), ...(JSON.parse(decoder.decode(m.data)) as ChatLogEvent) });
        } catch {
          // A message that is not one of our events: skip it, keep following.
        }
      }
    })();
    return () => void messages.stop();
  }

  async stats(): Promise<LogStats> {
    const { state } = await this.jsm.streams.info(STREAM);
    return { kind: this.kind, events: state.messages, bytes: state.bytes, lastEventAt: state.messages > 0 ? state.last_ts : null };
  }

  async close(): Promise<void> {
    await this.nc.drain().catch(() => {});
  }
}

async function ensureStream(jsm: JetStreamManager, opts: JetStreamLogOptions): Promise<void> {
  const config: Partial<StreamConfig> = {
    max_age: nanos(opts.retentionHours * 3_600_000),
    max_bytes: opts.maxBytes,
    discard: DiscardPolicy.Old,
    num_replicas: opts.replicas ?? 1,
  };
  const existing = await jsm.streams.info(STREAM).catch(() => undefined);
  if (!existing) {
    await jsm.streams
      .add({ name: STREAM, subjects: [`${ConversationLogStream.SubjectPrefix}.>`], storage: StorageType.File, retention: RetentionPolicy.Limits, ...config })
      .catch(async (e) => {
        // Another instance created it at the same moment: fine, as long as it exists now.
        if (!(await jsm.streams.info(STREAM).catch(() => undefined))) throw e;
      });
    return;
  }
  const drift = existing.config.max_age !== config.max_age || existing.config.max_bytes !== config.max_bytes || existing.config.num_replicas !== config.num_replicas;
  if (opts.manage && drift) await jsm.streams.update(STREAM, config);
}

/** How long an append keeps trying while the stream has no leader (a NATS node lost: elections take seconds). */
const APPEND_RETRY_MS = 30_000;

/**
 * Publishes until the stream acknowledges: through a lost NATS node or a stream/meta leader election the
 * publish fails (no responders, timeout) for a few seconds. One message id for every attempt, so an attempt
 * that was stored although its acknowledgement was lost is not stored twice (the stream's duplicate window).
 */
async function publishUntilStored(js: JetStreamClient, subject: string, data: Uint8Array): Promise<PubAck> {
  const msgID = crypto.randomUUID();
  const until = Date.now() + APPEND_RETRY_MS;
  for (let wait = 250; ; wait = Math.min(wait * 2, 2000)) {
    try {
      return await js.publish(subject, data, { msgID, timeout: 2000 });
    } catch (e) {
      if (Date.now() + wait > until) throw e;
      await Bun.sleep(wait);
    }
  }
}
