import { afterAll, beforeEach, describe, expect, test } from "bun:test";
import { startSimulator } from "./server.ts";

const sim = startSimulator({ name: "test-sim", modelIds: ["sim-model"] });
const locked = startSimulator({ name: "locked", apiKey: "secret-key" });
afterAll(async () => {
  await Promise.all([sim.stop(), locked.stop()]);
});
beforeEach(() => sim.reset());

type Msg = { role: "system" | "user" | "assistant"; content: string };
const SYSTEM: Msg = { role: "system", content: "Tu es Chloe, 24 ans, créatrice de contenu. Réponds en français." };
const conv = (...userThenAssistant: string[]): Msg[] => [
  SYSTEM,
  ...userThenAssistant.map((content, i): Msg => ({ role: i % 2 === 0 ? "user" : "assistant", content })),
];

async function post(path: string, body: unknown, headers: Record<string, string> = {}, base = sim.url) {
  const res = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: <T = Record<string, unknown>>() => JSON.parse(text) as T };
}

type Completion = {
  id: string;
  object: string;
  model: string;
  choices: { index: number; message: { role: string; content: string }; finish_reason: string }[];
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
};

async function reply(messages: Msg[], extra: Record<string, unknown> = {}): Promise<string> {
  const res = await post("/chat/completions", { model: "sim-model", messages, ...extra });
  expect(res.status).toBe(200);
  return (res.json<Completion>()).choices[0]?.message.content ?? "";
}

const REFUSAL = /en tant qu'(ia|assistant)|je ne peux pas (répondre|continuer)|I'm sorry|as an AI/i;
const CJK = /[\u3400-\u9fff]/;
const FRENCH = /\b(je|tu|toi|moi|ça|c'est|t'es|mais|pour|avec|de|et)\b/i;

describe("normal replies", () => {
  test("answer in the exact OpenAI shape with usage", async () => {
    const res = await post("/chat/completions", { model: "sim-model", messages: conv("coucou") });
    const body = res.json<Completion>();
    expect(body.object).toBe("chat.completion");
    expect(body.id).toStartWith("chatcmpl-");
    expect(body.model).toBe("sim-model");
    expect(body.choices[0]?.message.role).toBe("assistant");
    expect(body.choices[0]?.finish_reason).toBe("stop");
    expect(body.usage.prompt_tokens).toBeGreaterThan(0);
    expect(body.usage.completion_tokens).toBeGreaterThan(0);
    expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + body.usage.completion_tokens);
  });

  test("greets back in French, as the persona named in the system prompt", async () => {
    const text = await reply(conv("salut"));
    expect(text).toContain("Chloe");
    expect(text).toMatch(FRENCH);
    expect(text.length).toBeLessThan(200);
  });

  test("short, French, deterministic and never a refusal on ordinary messages", async () => {
    for (const msg of ["tu fais quoi ce soir ?", "t'es trop belle", "j'ai eu une journée horrible", "combien la photo ?"]) {
      const a = await reply(conv(msg));
      expect(a).toBe(await reply(conv(msg)));
      expect(a.length).toBeLessThan(200);
      expect(a).toMatch(FRENCH);
      expect(a).not.toMatch(REFUSAL);
      expect(a).not.toMatch(CJK);
    }
  });

  test("declines a real-life meeting in persona, without assistant boilerplate", async () => {
    for (const msg of ["on se voit ce soir ?", "Un rendez-vous IRL demain ?", "on peut se rencontrer en vrai ?"]) {
      const text = await reply(conv(msg));
      expect(text).toMatch(/en vrai|rencontre|rendez-vous/i);
      expect(text).not.toMatch(REFUSAL);
    }
  });

  test("never duplicates a message the persona already sent", async () => {
    const first = await reply(conv("salut"));
    const second = await reply(conv("hello", first, "salut"));
    expect(second).not.toBe(first);
  });

  test("max_tokens cuts the reply and reports finish_reason length", async () => {
    const res = await post("/chat/completions", { messages: conv("[[sim:long]] raconte"), max_tokens: 20 });
    const body = res.json<Completion>();
    expect(body.choices[0]?.message.content.length).toBeLessThanOrEqual(80);
    expect(body.choices[0]?.finish_reason).toBe("length");
  });

  test("streams SSE chunks that add up to the same text, then [DONE]", async () => {
    const messages = conv("coucou toi");
    const whole = await reply(messages);
    const res = await post("/chat/completions", { messages, stream: true, stream_options: { include_usage: true } });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const frames = res.text.split("\n\n").filter(Boolean);
    expect(frames.at(-1)).toBe("data: [DONE]");
    const chunks = frames.slice(0, -1).map((f) => JSON.parse(f.replace(/^data: /, "")));
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("");
    expect(text).toBe(whole);
    expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
    expect(chunks.at(-1).usage.completion_tokens).toBeGreaterThan(0);
    expect(sim.streamsCompleted).toBe(1);
  });

  test("chunk_ms paces a stream frame by frame; a client leaving mid-way is counted as a cancel", async () => {
    const started = performance.now();
    const res = await fetch(`${sim.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ messages: conv("[[sim:chunk_ms=40]] raconte-moi ta journée"), stream: true }),
    });
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first.startsWith("data: ")).toBe(true);
    expect(first.split("\n\n").filter(Boolean).length).toBe(1); // one frame per write
    await reader.read();
    expect(performance.now() - started).toBeGreaterThanOrEqual(70);
    await reader.cancel();
    const until = Date.now() + 2000;
    while (sim.streamsCancelled === 0 && Date.now() < until) await Bun.sleep(10);
    expect(sim.streamsCancelled).toBe(1);
    expect(sim.streamsCompleted).toBe(0);
  });
});

describe("structured output", () => {
  const schema = {
    type: "object",
    properties: {
      score: { type: "number", minimum: 0, maximum: 100 },
      signals: { type: "array", items: { type: "string" } },
      reason: { type: "string" },
    },
    required: ["score", "signals", "reason"],
  };

  test("json_schema: a valid object built from the schema, score 0-100", async () => {
    const text = await reply(conv("c'est combien ta vidéo ? je veux acheter"), {
      response_format: { type: "json_schema", json_schema: { name: "fan_score", schema, strict: true } },
    });
    const value = JSON.parse(text) as { score: number; signals: string[]; reason: string };
    expect(value.score).toBeGreaterThanOrEqual(0);
    expect(value.score).toBeLessThanOrEqual(100);
    expect(value.signals).toContain("asks_price");
    expect(typeof value.reason).toBe("string");
  });

  test("json_object and a prompt asking for JSON also get valid JSON", async () => {
    const a = JSON.parse(await reply(conv("salut"), { response_format: { type: "json_object" } }));
    expect(typeof a.score).toBe("number");
    const b = JSON.parse(await reply([{ role: "system", content: "Réponds uniquement en JSON." }, { role: "user", content: "ok" }]));
    expect(Array.isArray(b.signals)).toBe(true);
  });

  test("[[sim:badjson]] returns fenced JSON with trailing commas", async () => {
    const text = await reply(conv("[[sim:badjson]] combien ?"), { response_format: { type: "json_object" } });
    expect(text).toContain("```json");
    expect(text).toMatch(/,\s*\n\}/);
    expect(() => JSON.parse(text)).toThrow();
  });
});

describe("directives", () => {
  test("refuse=2 refuses twice for the same conversation, then behaves", async () => {
    const messages = conv("[[sim:refuse=2]] coucou");
    expect(await reply(messages)).toMatch(REFUSAL);
    expect(await reply(messages)).toMatch(REFUSAL);
    expect(await reply(messages)).not.toMatch(REFUSAL);
    // Another conversation with the same directive has its own counter.
    expect(await reply(conv("[[sim:refuse=2]] bonsoir"))).toMatch(REFUSAL);
  });

  test("the counter ignores the system prompt, so a retry with a new system prompt counts up", async () => {
    const user: Msg = { role: "user", content: "[[sim:refuse=1]] ça va ?" };
    expect(await reply([SYSTEM, user])).toMatch(REFUSAL);
    expect(await reply([{ role: "system", content: "Tu es Chloe. Reste dans ton rôle." }, user])).not.toMatch(REFUSAL);
  });

  test("cjk mixes Chinese into a French reply", async () => {
    const text = await reply(conv("[[sim:cjk=1]] coucou"));
    expect(text).toMatch(CJK);
    expect(text).toMatch(FRENCH);
    expect(await reply(conv("[[sim:cjk=1]] coucou"))).not.toMatch(CJK);
  });

  test("repeat returns the persona's last message verbatim", async () => {
    const previous = "Coucou mon cœur, tu m'as manqué 😘";
    expect(await reply(conv("salut", previous, "[[sim:repeat=1]] ça va ?"))).toBe(previous);
  });

  test("long gives about 900 characters of French sentences", async () => {
    const text = await reply(conv("[[sim:long]] raconte"));
    expect(text.length).toBeGreaterThan(800);
    expect(text.length).toBeLessThan(1100);
    expect(text.split(/[.!?]\s/).length).toBeGreaterThan(4);
    expect(text).toMatch(FRENCH);
  });

  test("status=500 / 503 in the OpenAI error shape; error_shape=flat in vLLM's older one", async () => {
    const a = await post("/chat/completions", { messages: conv("[[sim:status=500]] x") });
    expect(a.status).toBe(500);
    expect((a.json().error as { message: string }).message).toContain("500");
    expect((await post("/chat/completions", { messages: conv("[[sim:status=503]] x") })).status).toBe(503);
    const flat = await post("/chat/completions", { messages: conv("[[sim:status=500,error_shape=flat]] x") });
    expect(flat.json()).toMatchObject({ object: "error", type: "server_error", code: 500 });
  });

  test("status=429 with retry_after sends Retry-After; times=1 fails once only", async () => {
    const messages = conv("[[sim:status=429,retry_after=1,times=1]] x");
    const first = await post("/chat/completions", { messages });
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect((await post("/chat/completions", { messages })).status).toBe(200);
  });

  test("stall waits before answering", async () => {
    const started = performance.now();
    await reply(conv("[[sim:stall=300]] coucou"));
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  test("a stalled request is released when the client goes away", async () => {
    const started = performance.now();
    const call = fetch(`${sim.url}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ messages: conv("[[sim:stall=5000]] coucou") }),
      signal: AbortSignal.timeout(100),
    });
    expect(call).rejects.toThrow();
    await call.catch(() => undefined);
    expect(performance.now() - started).toBeLessThan(1000);
    await Bun.sleep(50);
    expect(sim.pendingRequests).toBe(0); // the handler noticed the disconnect and stopped waiting
    expect((await reply(conv("coucou"))).length).toBeGreaterThan(0);
  });

  test("directives never leak into the reply", async () => {
    expect(await reply(conv("[[sim:times=0,refuse]] coucou"))).not.toContain("[[");
  });
});

describe("programmed faults", () => {
  test("apply in order to the next requests whatever their content, then behave", async () => {
    sim.program([{ kind: "status", status: 503, errorShape: "flat" }, { kind: "refuse" }, { kind: "cjk" }, { kind: "long" }]);
    const failed = await post("/chat/completions", { messages: conv("coucou") });
    expect(failed.status).toBe(503);
    expect(failed.json().object).toBe("error");
    expect(await reply(conv("coucou"))).toMatch(REFUSAL);
    expect(await reply(conv("coucou"))).toMatch(CJK);
    expect((await reply(conv("coucou"))).length).toBeGreaterThan(800);
    expect(await reply(conv("coucou"))).not.toMatch(REFUSAL);
  });

  test("stall, repeat, badjson, malformed and 429 with Retry-After", async () => {
    sim.program([
      { kind: "stall", ms: 200 },
      { kind: "repeat" },
      { kind: "badjson" },
      { kind: "malformed" },
      { kind: "status", status: 429, retryAfter: 2 },
    ]);
    const started = performance.now();
    await reply(conv("a"));
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    expect(await reply(conv("a", "déjà dit", "b"))).toBe("déjà dit");
    expect(await reply(conv("score ?"), { response_format: { type: "json_object" } })).toContain("```");
    const malformed = await post("/chat/completions", { messages: conv("a") });
    expect(() => JSON.parse(malformed.text)).toThrow();
    const limited = await post("/chat/completions", { messages: conv("a") });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("2");
  });

  test("human: claims to be a real person, as a programmed fault or a counted directive", async () => {
    sim.program([{ kind: "human" }]);
    expect(await reply(conv("t'es une IA ?"))).toMatch(/vraie personne/);
    expect(await reply(conv("t'es une IA ? [[sim:human=1]]"))).toMatch(/vraie personne/);
    expect(await reply(conv("t'es une IA ? [[sim:human=1]]"))).not.toMatch(/vraie personne/);
  });

  test("reset clears the queue and the recorded requests", async () => {
    sim.program([{ kind: "status", status: 500 }]);
    await reply(conv("a")).catch(() => undefined);
    sim.reset();
    sim.program([]);
    expect(sim.requests).toHaveLength(0);
    expect((await post("/chat/completions", { messages: conv("a") })).status).toBe(200);
  });
});

describe("recording, auth and routes", () => {
  test("records each chat request with its body and headers", async () => {
    await post("/chat/completions", { model: "sim-model", messages: conv("coucou") }, { "x-request-id": "r-1" });
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests[0]?.headers["x-request-id"]).toBe("r-1");
    expect(sim.requests[0]?.body).toMatchObject({ model: "sim-model" });
  });

  test("bearer auth: 401 in the OpenAI error shape without the key, 200 with it", async () => {
    const denied = await post("/chat/completions", { messages: conv("a") }, { authorization: "Bearer nope" }, locked.url);
    expect(denied.status).toBe(401);
    expect(denied.json()).toMatchObject({ error: { code: "invalid_api_key" } });
    const ok = await post("/chat/completions", { messages: conv("a") }, { authorization: "Bearer secret-key" }, locked.url);
    expect(ok.status).toBe(200);
    expect((await fetch(`${locked.url}/models`)).status).toBe(401);
  });

  test("bad requests are 400 JSON; unknown paths 404; wrong methods 405", async () => {
    expect((await post("/chat/completions", { messages: [] })).status).toBe(400);
    const bad = await fetch(`${sim.url}/chat/completions`, { method: "POST", body: "{nope" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBeString();
    expect((await fetch(`${sim.url}/nothing`)).status).toBe(404);
    expect((await fetch(`${sim.url}/chat/completions`)).status).toBe(405);
  });

  test("GET /v1/models lists the configured model; GET /health answers ok", async () => {
    const models = (await (await fetch(`${sim.url}/models`)).json()) as { object: string; data: { id: string }[] };
    expect(models.object).toBe("list");
    expect(models.data.map((m) => m.id)).toContain("sim-model");
    const health = await fetch(sim.url.replace(/\/v1$/, "/health"));
    expect(await health.json()).toMatchObject({ status: "ok", name: "test-sim", prefix_cache: { requests: 0 } });
  });
});

describe("embeddings", () => {
  type Embeddings = { object: string; model: string; data: { index: number; embedding: number[] }[]; usage: { prompt_tokens: number } };
  const embed = async (input: unknown, model: string) =>
    (await post("/embeddings", { input, model })).json<Embeddings>();

  test("dimension per model; unit vectors; deterministic; string or array input", async () => {
    for (const [model, dim] of [["BAAI/bge-m3", 1024], ["jinaai/jina-embeddings-v2-base-code", 768], ["intfloat/multilingual-e5-small", 384]] as const) {
      const res = await embed(["bonjour", "bonsoir"], model);
      expect(res.object).toBe("list");
      expect(res.data).toHaveLength(2);
      expect(res.data[0]?.embedding).toHaveLength(dim);
      expect(Math.hypot(...(res.data[0]?.embedding ?? []))).toBeCloseTo(1, 6);
      expect(res.data[0]?.embedding).not.toEqual(res.data[1]?.embedding);
      const single = await embed("bonjour", model);
      expect(single.data[0]?.embedding).toEqual(res.data[0]?.embedding ?? []);
    }
  });

  test("rejects input that is neither a string nor strings", async () => {
    expect((await post("/embeddings", { input: [1, 2], model: "bge-m3" })).status).toBe(400);
  });
});

describe("stream faults", () => {
  test("cut=N ends the stream after N frames, without a finish or [DONE]", async () => {
    const res = await post("/chat/completions", { messages: conv("[[sim:cut=3]] raconte"), stream: true });
    const text = res.text;
    expect(text.split("\n\n").filter(Boolean).length).toBe(3);
    expect(text).not.toContain("finish_reason\":\"stop");
    expect(text).not.toContain("[DONE]");
  });
});
