/**
 * Server-Sent Events as OpenAI-compatible servers stream them (`data: {...}` events, `data: [DONE]`
 * at the end): the `data` of each event, in order, as the bytes arrive. Comments and other fields
 * are skipped; `\r\n` and `\n` line ends are both accepted; multi-line data is joined with `\n`.
 */

/**
 * Yields, for each read of the byte stream, the data of the events it completed (never an empty
 * batch): events that arrived together stay together, so a relay can forward them in one message.
 * Cancelling the iteration cancels the stream.
 */
export async function* sseBatches(body: ReadableStream<Uint8Array>): AsyncGenerator<string[], void, undefined> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let data: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      const batch: string[] = [];
      let newline: number;
      while ((newline = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, "");
        buffer = buffer.slice(newline + 1);
        if (line === "") {
          if (data.length > 0) batch.push(data.join("\n"));
          data = [];
        } else if (line.startsWith("data:")) {
          data.push(line.slice(line.startsWith("data: ") ? 6 : 5));
        }
      }
      if (done) {
        // A server that ends without the final blank line still delivered its last event.
        if (buffer.startsWith("data:")) data.push(buffer.slice(buffer.startsWith("data: ") ? 6 : 5));
        if (data.length > 0) batch.push(data.join("\n"));
      }
      if (batch.length > 0) yield batch;
      if (done) break;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** The data of each event, one at a time. */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string, void, undefined> {
  for await (const batch of sseBatches(body)) yield* batch;
}
