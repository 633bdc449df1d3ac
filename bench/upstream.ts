/**
 * The budget bench's upstream: an OpenAI-compatible server that answers every chat completion with
 * one fixed, clean, short French reply, at once or after `DELAY_MS` (the 2 s "short LLM reply"
 * shape). Fixed so that its own cost is the same for every path measured against it.
 */
const port = Number(process.env.PORT);
const delayMs = Number(process.env.DELAY_MS ?? 0);
const body = JSON.stringify({
  id: "chatcmpl-bench",
  object: "chat.completion",
  created: 0,
  model: "qwen-bench",
  choices: [{ index: 0, message: { role: "assistant", content: "Coucou toi, je vais bien et toi, tu fais quoi ce soir ?" }, finish_reason: "stop" }],
  usage: { prompt_tokens: 40, completion_tokens: 14, total_tokens: 54 },
});
const headers = { "content-type": "application/json" };
const models = JSON.stringify({ object: "list", data: [{ id: "qwen-bench", object: "model" }] });

Bun.serve({
  port,
  hostname: "127.0.0.1",
  async fetch(req) {
    const path = new URL(req.url).pathname;
    if (req.method === "GET") return new Response(path.endsWith("/models") ? models : "ok", { headers });
    await req.arrayBuffer();
    if (delayMs > 0) await Bun.sleep(delayMs);
    return new Response(body, { headers });
  },
});
export {};
