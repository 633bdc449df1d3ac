import { describe, expect, test } from "bun:test";
import { sseBatches, sseData } from "./sse.ts";

const streamOf = (...parts: string[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const p of parts) c.enqueue(new TextEncoder().encode(p));
      c.close();
    },
  });

const all = async (body: ReadableStream<Uint8Array>) => {
  const out: string[] = [];
  for await (const d of sseData(body)) out.push(d);
  return out;
};

describe("sseData", () => {
  test("events split across reads, CRLF line ends, comments and [DONE]", async () => {
    const got = await all(streamOf(": keep-alive\r\n\r\ndata: {\"a\"", ":1}\r\n\r\ndata:{\"b\":2}\n\nevent: x\ndata: [DONE]\n\n"));
    expect(got).toEqual(['{"a":1}', '{"b":2}', "[DONE]"]);
  });

  test("multi-line data is joined; a last event without its blank line still counts", async () => {
    expect(await all(streamOf("data: one\ndata: two\n\ndata: last"))).toEqual(["one\ntwo", "last"]);
  });

  test("multi-byte characters split between reads survive", async () => {
    const bytes = new TextEncoder().encode('data: {"t":"é😘"}\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        for (const b of bytes) c.enqueue(new Uint8Array([b]));
        c.close();
      },
    });
    expect(await all(body)).toEqual(['{"t":"é😘"}']);
  });

  test("leaving the loop early cancels the underlying stream", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new TextEncoder().encode("data: x\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const d of sseData(body)) {
      expect(d).toBe("x");
      break;
    }
    expect(cancelled).toBe(true);
  });

  test("events completed by one read come as one batch", async () => {
    const batches: string[][] = [];
    for await (const b of sseBatches(streamOf("data: a\n\ndata: b\n\ndata: c", "\n\n", ": ping\n\n", "data: d\n\n"))) batches.push(b);
    expect(batches).toEqual([["a", "b"], ["c"], ["d"]]);
  });
});
