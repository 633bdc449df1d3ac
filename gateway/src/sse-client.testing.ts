/**
 * Tests only: reads a text/event-stream the way a browser's EventSource does (WHATWG "interpreting an
 * event stream"): `data:` lines joined, `event:` names the type (default "message" — what `onmessage`
 * receives), `id:` sets lastEventId, a blank line dispatches, comments ignored.
 */
export type SseMessage = { type: string; data: string; lastEventId: string };

export class SseReader {
  private buffer = "";
  private data = "";
  private type = "";
  lastEventId = "";
  retry?: number;
  private readonly queue: SseMessage[] = [];
  /** Comment lines seen (`: connected`), which EventSource ignores but tests may wait for. */
  readonly comments: string[] = [];
  private readonly reader: { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(): Promise<void> };
  private readonly decoder = new TextDecoder();
  private ended = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  /** The next `count` dispatched events (of any type), waiting at most `ms`. */
  async next(count: number, ms = 5000): Promise<SseMessage[]> {
    const deadline = Date.now() + ms;
    while (this.queue.length < count && !this.ended) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const chunk = await Promise.race([this.reader.read(), Bun.sleep(left).then(() => undefined)]);
      if (!chunk) break;
      if (chunk.done) {
        this.ended = true;
        break;
      }
      this.feed(this.decoder.decode(chunk.value, { stream: true }));
    }
    return this.queue.splice(0, count);
  }

  /** Reads until a comment line `text` arrived (events read meanwhile stay queued). */
  async waitComment(text: string, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!this.comments.includes(text) && !this.ended && Date.now() < deadline) {
      const chunk = await Promise.race([this.reader.read(), Bun.sleep(deadline - Date.now()).then(() => undefined)]);
      if (!chunk || chunk.done) break;
      this.feed(this.decoder.decode(chunk.value, { stream: true }));
    }
    if (!this.comments.includes(text)) throw new Error(`no "${text}" comment within ${ms} ms`);
  }

  /** Whatever arrives within `ms` (to check that nothing more comes). */
  async drain(ms: number): Promise<SseMessage[]> {
    const got = await this.next(Number.MAX_SAFE_INTEGER, ms);
    return got;
  }

  async close(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }

  private feed(text: string): void {
    this.buffer += text;
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      if (!m) return;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === "") {
      if (this.data !== "") this.queue.push({ type: this.type || "message", data: this.data.replace(/\n$/, ""), lastEventId: this.lastEventId });
      this.data = "";
      this.type = "";
      return;
    }
    if (line.startsWith(":")) return void this.comments.push(line.slice(1).trim());
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.data += `${value}\n`;
    else if (field === "event") this.type = value;
    else if (field === "id" && !value.includes("\0")) this.lastEventId = value;
    else if (field === "retry" && /^\d+$/.test(value)) this.retry = Number(value);
  }
}
