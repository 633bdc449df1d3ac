/**
 * The minors guard on the OpenAI-compatible API (SPEC §4), the same layers as every chat endpoint:
 * 1–2 before the call (`startFanGuard`: the lexicon on the last user turn, recent turns and system texts,
 * then the guard model), and 3 on the reply. A whole reply that fails the check is replaced by the fixed
 * deflection; a streamed one is checked as it grows, before each chunk leaves, and stopped at the chunk
 * that makes it fail (`finish_reason: "content_filter"`): what already left cannot be recalled, but the
 * text that completes the unsafe statement never does. No retry here: this API returns the model's answer.
 */
import type { BusRequest } from "@sinhome/proto";
import type { Logger, ServiceCounters } from "@sinhome/runtime";
import { checkReplyForMinors, minorsMetrics } from "../safety/index.ts";

export type ReplyGuardDeps = { counters: ServiceCounters; log: Logger };

/** The lexicon's patterns are local (markers combined by distance): the tail of a growing reply is enough. */
const STREAM_WINDOW_CHARS = 800;

function recordReplyBlock(deps: ReplyGuardDeps, req: BusRequest, category: string): void {
  deps.counters.guard("minor_reply");
  minorsMetrics.reply("deflected", category);
  minorsMetrics.block("reply", category, "reply");
  deps.log.info({ requestId: req.requestId, layer: "reply", category, source: "reply" }, "minors guard deflected");
}

/** Layer 3 on a whole reply: true when it may leave as it is (a block is counted and logged). */
export function replyMayLeave(deps: ReplyGuardDeps, req: BusRequest, text: string): boolean {
  const category = checkReplyForMinors(text);
  if (category === null) return true;
  recordReplyBlock(deps, req, category);
  return false;
}

/** Layer 3 on a stream: `accept(delta)` before each chunk is written; false = stop the stream here. */
export class StreamReplyGuard {
  private text = "";
  private blocked = false;

  constructor(
    private readonly deps: ReplyGuardDeps,
    private readonly req: BusRequest,
  ) {}

  accept(delta: string): boolean {
    if (this.blocked) return false;
    if (!delta) return true;
    this.text = (this.text + delta).slice(-STREAM_WINDOW_CHARS);
    const category = checkReplyForMinors(this.text);
    if (category === null) return true;
    this.blocked = true;
    recordReplyBlock(this.deps, this.req, category);
    return false;
  }
}
