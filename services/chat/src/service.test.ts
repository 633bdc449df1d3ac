/** Start-up of the chat service: model discovery against the served models, the simulator stand-in. */
import { afterAll, expect, test } from "bun:test";
import { MemoryBus } from "@sinhome/proto";
import { startSimulator } from "@sinhome/llm-sim";
import { createLogger } from "@sinhome/runtime";
import { parseChatEnv } from "./env.ts";
import { createChatService } from "./service.ts";

const sim = startSimulator({ port: 0, hostname: "127.0.0.1", modelIds: ["served-model"] });
afterAll(() => sim.stop());

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger("chat", "info", { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { lines, log };
}

async function waitForLine(lines: Record<string, unknown>[], msg: string) {
  for (let i = 0; i < 100 && !lines.some((l) => l.msg === msg); i++) await Bun.sleep(10);
  return lines.find((l) => l.msg === msg);
}

test("a configured model the server does not serve is reported at start", async () => {
  const { lines, log } = capture();
  const chat = await createChatService(parseChatEnv({ VLLM_BASE_URL: sim.url, VLLM_MODEL_NAME: "wrong-model" }), { bus: new MemoryBus(), log });
  const warning = await waitForLine(lines, "configured model is not served by this backend");
  expect(warning).toMatchObject({ backend: "vllm", expected: "wrong-model" });
  expect(warning?.served).toContain("served-model");
  await chat.close();
});

test("the served model is listed when it matches", async () => {
  const { lines, log } = capture();
  const chat = await createChatService(parseChatEnv({ VLLM_BASE_URL: sim.url, VLLM_MODEL_NAME: "served-model" }), { bus: new MemoryBus(), log });
  const listed = await waitForLine(lines, "LLM backend models");
  expect(listed).toMatchObject({ backend: "vllm" });
  expect(listed?.served).toContain("served-model");
  expect(lines.some((l) => l.msg === "configured model is not served by this backend")).toBe(false);
  await chat.close();
});

test("without VLLM_BASE_URL the simulator stands in, loudly", async () => {
  const { lines, log } = capture();
  const chat = await createChatService(parseChatEnv({}), { bus: new MemoryBus(), log });
  expect(lines.find((l) => String(l.msg).startsWith("NO LLM CONFIGURED"))?.level).toBe(40);
  await chat.close();
});

test("MODEL_ROUTES: a bad route is a configuration error naming it; a good one is announced with its shares", async () => {
  expect(() => parseChatEnv({ MODEL_ROUTES: "default=50,gpt5=50" })).toThrow("'gpt5'");
  expect(() => parseChatEnv({ MODEL_ROUTES: "default:50" })).toThrow("MODEL_ROUTES");
  const { lines, log } = capture();
  const chat = await createChatService(parseChatEnv({ VLLM_BASE_URL: sim.url, VLLM_MODEL_NAME: "served-model", MODEL_ROUTES: "default=90,euryale=10" }), { bus: new MemoryBus(), log });
  expect(lines.find((l) => l.msg === "A/B model routes")).toMatchObject({ shares: { default: 0.9, euryale: 0.1 }, models: { default: "served-model", euryale: "Sao10K/L3.3-70B-Euryale-v2.3" } });
  await chat.close();
});
