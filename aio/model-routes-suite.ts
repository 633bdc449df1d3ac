/**
 * A/B model routing (`MODEL_ROUTES`) through the gateway, shared by the all-in-one and the mesh test
 * files: traffic shares over many sessions, stickiness per session, the arm visible in each reply's
 * `model` / `model_route`, in the metrics and at the simulator, and QA targeting one arm.
 */
import { expect, test } from "bun:test";
import type { Simulator } from "@sinhome/llm-sim";

/** What the test files start chat with: 70 % the default model, 30 % the euryale preset. */
export const AB_ROUTES = "default=70,euryale=30";
export const EURYALE_MODEL = "Sao10K/L3.3-70B-Euryale-v2.3";

export type AbTarget = { baseUrl: () => string; sim: () => Simulator; apiKey: string; defaultModel: string };

type Reply = { model: string; model_route: string; backend: string };

export function modelRoutesSuite(target: AbTarget): void {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${target.baseUrl()}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${target.apiKey}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Reply & Record<string, unknown> };
  };

  test("shares over 400 sessions follow the weights; each session keeps its arm and its model", async () => {
    const sessions = Array.from({ length: 400 }, (_, i) => `ab-fan-${i}`);
    const arms = new Map<string, string>();
    for (let i = 0; i < sessions.length; i += 8) {
      await Promise.all(sessions.slice(i, i + 8).map(async (session_id) => {
        const { status, body } = await post("/v2/personality_chat", { session_id, message: "Salut toi" });
        expect(status).toBe(200);
        expect(body.model).toBe(body.model_route === "euryale" ? EURYALE_MODEL : target.defaultModel);
        arms.set(session_id, body.model_route);
      }));
    }
    const euryale = [...arms.values()].filter((a) => a === "euryale").length / sessions.length;
    expect(Math.abs(euryale - 0.3)).toBeLessThan(0.07);
    expect([...arms.values()].every((a) => a === "euryale" || a === "default")).toBe(true);
    for (const session_id of sessions.slice(0, 40)) {
      const again = await post("/personality_chat", { session_id, message: "Et toi, ta journée ?" });
      expect(again.body.model_route).toBe(arms.get(session_id)!);
    }
  });

  test("the arm's model is the one the LLM server receives", async () => {
    const sim = target.sim();
    for (const session_id of ["ab-model-1", "ab-model-2", "ab-model-3", "ab-model-4", "ab-model-5", "ab-model-6"]) {
      const before = sim.requests.length;
      const { body } = await post("/v2/personality_chat", { session_id, message: "Coucou" });
      expect((sim.requests[before]?.body as { model: string }).model).toBe(body.model);
    }
  });

  test("a request may name its arm; an unknown arm is a 422", async () => {
    for (const model_route of ["default", "euryale"]) {
      const { body } = await post("/v2/personality_chat", { session_id: "ab-forced", message: "Salut", model_route });
      expect(body.model_route).toBe(model_route);
    }
    const bad = await post("/personality_chat", { message: "Salut", model_route: "gpt5" });
    expect(bad.status).toBe(422);
  });

  test("QA can target one arm", async () => {
    const sim = target.sim();
    const before = sim.requests.length;
    const { status } = await post("/qa/smoke", { model_route: "euryale" });
    expect(status).toBe(200);
    expect(sim.requests.slice(before).map((r) => (r.body as { model: string }).model)).toEqual([EURYALE_MODEL]);
  });

  test("per-arm request counts in /monitoring/metrics", async () => {
    const res = await fetch(`${target.baseUrl()}/monitoring/metrics`, { headers: { authorization: `Bearer ${target.apiKey}` } });
    const metrics = (await res.json()) as { model_route_counts: Record<string, number> };
    expect(metrics.model_route_counts.default).toBeGreaterThan(100);
    expect(metrics.model_route_counts.euryale).toBeGreaterThan(50);
  });

  test("the OpenAI API serves every arm's model, by id or by arm name", async () => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${target.apiKey}` };
    const models = (await (await fetch(`${target.baseUrl()}/v1/models`, { headers })).json()) as { data: { id: string }[] };
    expect(models.data.map((m) => m.id)).toEqual(expect.arrayContaining([target.defaultModel, EURYALE_MODEL]));
    const res = await fetch(`${target.baseUrl()}/v1/chat/completions`, { method: "POST", headers, body: JSON.stringify({ model: "euryale", messages: [{ role: "user", content: "Salut" }] }) });
    expect(((await res.json()) as { model: string }).model).toBe(EURYALE_MODEL);
  });

  test("the usage API shows the OpenAI API's tokens by endpoint, and each arm's model by model", async () => {
    const get = async (query: string) => {
      const res = await fetch(`${target.baseUrl()}/monitoring/usage${query}`, { headers: { authorization: `Bearer ${target.apiKey}` } });
      return ((await res.json()) as { rows: { group: string; requests: number; completion_tokens: number }[] }).rows;
    };
    const openai = (await get("?group_by=endpoint")).find((r) => r.group === "/v1/chat/completions");
    expect(openai?.requests).toBeGreaterThan(3);
    expect(openai?.completion_tokens).toBeGreaterThan(0);
    const models = (await get("?group_by=model")).map((r) => r.group);
    expect(models).toEqual(expect.arrayContaining([target.defaultModel, EURYALE_MODEL]));
  });
}
