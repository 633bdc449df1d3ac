/**
 * Feeds the reply records from the persisted conversation log (JetStream in the mesh, the embedded
 * store in the all-in-one): from the stored cursor on start (a restart or a new replica catches up on
 * what it missed, within the log's retention), then every new event. Events are stored in small
 * batches, in order; a failed batch is retried (1 s doubling to 30 s) before anything newer.
 * Several replicas all follow the log: records are keyed by request_id, so a second copy stores nothing.
 */
import type { ChatLogEvent, StoredLogEvent } from "@sinhome/proto";
import type { ConversationLog, Logger } from "@sinhome/runtime";
import { outcomeMetrics } from "../metrics.ts";
import { toReplyRecord } from "./record.ts";
import type { OutcomesStore } from "../store/outcomes-store.ts";

/**
 * Records per statement. PGlite (the all-in-one's store, on the event loop) pays ~2 ms per statement on top
 * of ~35 µs per record: measured 67–81 µs of CPU per record in statements of 50, 46 at 200, 38–40 at 500
 * (issue #16). 200 keeps the longest hold of the event loop near 10 ms while a busy log pays ~40 % less.
 */
const BATCH = 200;
/** Events held in memory at most: past it the follower lets go of the log and follows again from its cursor once stored (a replay of a 1 GiB log must not be held whole). */
const HIGH_WATER = 1000;
/**
 * Events arriving within this window are stored together: one transaction per window instead of one per
 * reply (in the all-in-one the embedded database shares the event loop with every other service). Feedback
 * that comes sooner waits for its record (OUTCOMES_FEEDBACK_WAIT_MS).
 */
const COALESCE_MS = 250;

export type Follower = { stop(): void; /** Resolves once everything delivered so far is stored (tests, feedback waits). */ settled(): Promise<void> };

export function followConversationLog(log: ConversationLog, store: () => OutcomesStore, logger: Logger): Follower {
  const queue: StoredLogEvent[] = [];
  let draining: Promise<void> | undefined;
  let stopFollowing: (() => void) | undefined;
  let stopped = false;
  let paused = false;
  let retryMs = 1000;
  let lastQueued = -1;

  const drain = async (): Promise<void> => {
    if (queue.length < BATCH) await Bun.sleep(COALESCE_MS);
    while (queue.length > 0 && !stopped) {
      const batch = queue.slice(0, BATCH);
      const records = batch.map((e) => toReplyRecord(e as ChatLogEvent)).filter((r) => r !== null);
      const lastId = Number(batch[batch.length - 1]!.id);
      try {
        outcomeMetrics.recordsStored(await store().ingest(records, Number.isFinite(lastId) ? lastId : undefined));
        queue.splice(0, batch.length);
        retryMs = 1000;
        await Bun.sleep(0); // let replies go out between two statements
      } catch (e) {
        logger.warn({ err: e instanceof Error ? e.message : String(e), retryInMs: retryMs }, "reply records not stored yet; retrying");
        await Bun.sleep(retryMs);
        retryMs = Math.min(retryMs * 2, 30_000);
      }
    }
  };
  const kick = () => {
    draining ??= drain().finally(() => {
      draining = undefined;
      if (queue.length > 0 && !stopped) kick();
      else if (paused && !stopped) {
        paused = false;
        void start();
      }
    });
  };
  const onEvent = (event: StoredLogEvent) => {
    const id = Number(event.id);
    if (id <= lastQueued) return; // delivered again after a re-follow: already queued or stored
    lastQueued = id;
    queue.push(event);
    if (queue.length >= HIGH_WATER && !paused) {
      paused = true;
      stopFollowing?.();
    }
    kick();
  };

  const start = async (): Promise<void> => {
    let delayMs = 500;
    while (!stopped) {
      try {
        const after = await store().lastIngested();
        // No cursor yet: read the whole retained log once ("0" = from the first event).
        stopFollowing = await log.follow(String(after ?? 0), onEvent);
        logger.debug({ after: after ?? 0 }, "following the conversation log");
        if (stopped) stopFollowing();
        return;
      } catch (e) {
        logger.warn({ err: e instanceof Error ? e.message : String(e), retryInMs: delayMs }, "conversation log not followed yet");
        await Bun.sleep(delayMs);
        delayMs = Math.min(delayMs * 2, 30_000);
      }
    }
  };
  void start();

  return {
    stop() {
      stopped = true;
      stopFollowing?.();
    },
    async settled() {
      while (draining) await draining;
    },
  };
}
