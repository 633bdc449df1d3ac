import { afterAll, expect, test } from "bun:test";
import { AppError } from "@sinhome/proto";
import { startSimulator } from "@sinhome/llm-sim";
import { parseChatEnv } from "../env.ts";
import { Embedder, embeddingModels } from "./embedder.ts";

const sim = startSimulator({ name: "embeddings" });
afterAll(() => sim.stop());

const embedder = (env: Record<string, string> = {}) => new Embedder(parseChatEnv({ EMBEDDINGS_BASE_URL: sim.url, ...env }));

test("maps each alias to its model id and returns vectors of the model's dimension", async () => {
  for (const [alias, id, dim] of [
    ["bge-m3", "BAAI/bge-m3", 1024],
    ["jina-code", "jinaai/jina-embeddings-v2-base-code", 768],
    ["e5-small", "intfloat/multilingual-e5-small", 384],
  ] as const) {
    const out = await embedder().embed(["bonjour", "au revoir"], alias);
    expect(out).toMatchObject({ model: alias, servedModel: id, dim });
    expect(out.embeddings).toHaveLength(2);
    expect(out.embeddings[1]).toHaveLength(dim);
  }
});

test("EMBEDDINGS_MODELS overrides an alias", async () => {
  expect(embeddingModels("e5-small=intfloat/multilingual-e5-large")["e5-small"]).toBe("intfloat/multilingual-e5-large");
  const out = await embedder({ EMBEDDINGS_MODELS: "bge-m3=my-org/bge-m3-e5-small" }).embed(["x"], "bge-m3");
  expect(out.servedModel).toBe("my-org/bge-m3-e5-small");
});

test("not configured: 503 not_configured", async () => {
  const e = await new Embedder(parseChatEnv({})).embed(["x"], "bge-m3").catch((err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect(e).toMatchObject({ code: "not_configured", status: 503 });
});

test("an unreachable server is service_unavailable, a bad answer upstream_error", async () => {
  const s = Bun.serve({ port: 0, hostname: "127.0.0.1", fetch: () => Response.json({ data: "nope" }) });
  const bad = await embedder({ EMBEDDINGS_BASE_URL: `http://127.0.0.1:${s.port}/v1` }).embed(["x"], "bge-m3").catch((e: unknown) => e);
  await s.stop(true);
  expect(bad).toMatchObject({ code: "upstream_error" });
  const down = await embedder({ EMBEDDINGS_BASE_URL: `http://127.0.0.1:${s.port}/v1` }).embed(["x"], "bge-m3").catch((e: unknown) => e);
  expect(down).toMatchObject({ code: "service_unavailable" });
});
