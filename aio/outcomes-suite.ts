/**
 * The outcome loop through the gateway, shared by the all-in-one and the mesh test files: reply records
 * for every chat endpoint, feedback (merge, idempotency, 404/422), the A/B report against hand-computed
 * figures, the SFT/DPO export checked line by line against the fine-tuning formats, erasure, and the
 * hand-off reasons. Start chat with `MODEL_ROUTES=default=50,euryale=50`, OUTCOMES_MIN_SAMPLE=30.
 */
import { expect, test } from "bun:test";
import type { ArmMetrics, ReportResponse } from "@sinhome/proto";
import { formatErrors } from "@sinhome/outcomes/src/export/formats.ts";

export const OUTCOMES_ENV = { MODEL_ROUTES: "default=50,euryale=50", OUTCOMES_MIN_SAMPLE: "30", OUTCOMES_FEEDBACK_WAIT_MS: "3000" };

export type OutcomesTarget = { baseUrls: () => string[]; apiKey: string };
type Json = Record<string, unknown>;

export function outcomesSuite(target: OutcomesTarget): void {
  const base = (i = 0) => target.baseUrls()[i % target.baseUrls().length]!;
  const headers = { "content-type": "application/json", authorization: `Bearer ${target.apiKey}` };
  const post = async (path: string, body: unknown, gateway = 0) => {
    const res = await fetch(`${base(gateway)}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Json, requestId: res.headers.get("x-request-id") };
  };
  const get = async (path: string) => {
    const res = await fetch(`${base()}${path}`, { headers });
    return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
  };
  const report = async (since: string, until: string) => {
    const r = await get(`/experiments/report?since=${encodeURIComponent(since)}&until=${encodeURIComponent(until)}`);
    expect(r.status).toBe(200);
    return JSON.parse(r.text) as ReportResponse;
  };
  const exportLines = async (query: string) => {
    const r = await get(`/datasets/export?${query}`);
    expect(r.status).toBe(200);
    expect(r.type).toContain("application/x-ndjson");
    return r.text.split("\n").filter((l) => l.length > 0).map((l) => JSON.parse(l) as Json);
  };
  const chat = async (arm: string, message: string, session = `s-${crypto.randomUUID()}`) => {
    const r = await post("/v2/personality_chat", { session_id: session, message, model_route: arm });
    expect(r.status).toBe(200);
    return r.body as { request_id: string; response: string; model_route: string };
  };
  const now = () => new Date().toISOString();

  test("every chat endpoint leaves a record the CRM can give feedback on; every reply carries a hand-off", async () => {
    const body = { message: "Coucou, ça va ?", session_id: `rec-${crypto.randomUUID()}` };
    const calls: [string, Json][] = [
      ["/personality_chat", body], ["/script_chat", { ...body, script: "Sois douce" }], ["/script_followup", { ...body, script: "Relance-le" }],
      ["/unpersona_chat", body], ["/direct_chat", body], ["/script_media", { ...body, media_description: "photo en lingerie" }],
      ["/script_paywall", { ...body, price: 9.99 }], ["/v2/personality_chat", body], ["/v2/script_chat", { ...body, script: "Sois douce" }],
      ["/v2/script_followup", { ...body, script: "Relance-le" }],
    ];
    const ids: string[] = [];
    for (const [path, payload] of calls) {
      const r = await post(path, payload);
      expect(r.status).toBe(200);
      expect(r.body.handoff).toEqual({ recommended: false, reasons: [] });
      ids.push(r.body.request_id as string);
    }
    const openai = await post("/v1/chat/completions", { model: "default", messages: [{ role: "user", content: "Coucou toi" }] });
    expect(openai.status).toBe(200);
    expect(openai.body.handoff).toEqual({ recommended: false, reasons: [] });
    // The OpenAI-shaped answer keeps the upstream's completion id: the record is keyed by the request id (X-Request-Id).
    ids.push(openai.requestId!);
    for (const request_id of ids) {
      const fb = await post("/feedback", { request_id, outcome: "sent" });
      expect({ request_id, status: fb.status, body: fb.body }).toEqual({ request_id, status: 200, body: { request_id, accepted: true } });
    }
  }, 120_000);

  test("feedback: 404 for an unknown reply, 422 for final_text without edited, the same event_id counts once (through two gateways at once), events merge", async () => {
    const unknown = await post("/feedback", { request_id: `nope-${crypto.randomUUID()}`, outcome: "sent" });
    expect(unknown.status).toBe(404);
    expect((unknown.body.error as Json).code).toBe("unknown_request");
    const since = now();
    const { request_id, response } = await chat("euryale", "Tu fais quoi ce soir ?");
    const bad = await post("/feedback", { request_id, outcome: "sent", final_text: "x" });
    expect(bad.status).toBe(422);
    expect((bad.body.error as Json).details).toEqual([{ field: "final_text", reason: "only with outcome \"edited\"" }]);
    // Eight copies of one purchase event, sent concurrently through every gateway: one purchase.
    const purchase = { request_id, event_id: `buy-${request_id}`, purchase_amount: 20, currency: "EUR" };
    const copies = await Promise.all(Array.from({ length: 8 }, (_, i) => post("/feedback", purchase, i)));
    expect(copies.every((c) => c.status === 200 && c.body.accepted === true)).toBe(true);
    expect(copies.filter((c) => c.body.duplicate !== true)).toHaveLength(1);
    const edited = `${response} (modifié)`;
    expect((await post("/feedback", { request_id, event_id: `edit-${request_id}`, outcome: "edited", final_text: edited })).status).toBe(200);
    expect((await post("/feedback", { request_id, event_id: `reply-${request_id}`, fan_replied: true, rating: 5 })).status).toBe(200);
    const retried = await fetch(`${base(1)}/feedback`, { method: "POST", headers: { ...headers, "idempotency-key": `key-${request_id}` }, body: JSON.stringify({ request_id, purchase_amount: 5 }) });
    expect(retried.status).toBe(200);
    const again = await fetch(`${base(0)}/feedback`, { method: "POST", headers: { ...headers, "idempotency-key": `key-${request_id}` }, body: JSON.stringify({ request_id, purchase_amount: 5 }) });
    expect(await again.json()).toEqual({ request_id, accepted: true, duplicate: true });
    const r = await report(since, now());
    const arm = r.arms.find((a) => a.arm === "euryale")!;
    expect(arm.replies).toBe(1);
    expect(arm.edited_rate.value).toBe(1);
    expect(arm.fan_reply_rate.value).toBe(1);
    expect(arm.revenue_per_100.value).toBe(2500); // 20 + 5 on one reply, per 100 replies
    const dpo = await exportLines(`format=dpo&since=${encodeURIComponent(since)}&min_rating=5`);
    expect(dpo).toHaveLength(1);
    expect(dpo[0]).toMatchObject({ preferred_output: [{ role: "assistant", content: edited }], non_preferred_output: [{ role: "assistant", content: response }] });
  }, 60_000);

  test("the report against a hand-computed example with two arms, and an inconclusive one under the minimum sample", async () => {
    const since = now();
    // default: 40 replies — 20 sent, 10 edited, 10 discarded; the fan answered 12 of the 30 received; 2 purchases of 10.
    // euryale: 40 replies — 32 sent, 4 edited, 4 discarded; the fan answered 13 of the 36 received; 4 purchases of 10.
    const plan = { default: { sent: 20, edited: 10, discarded: 10, replied: 12, bought: 2 }, euryale: { sent: 32, edited: 4, discarded: 4, replied: 13, bought: 4 } };
    for (const [arm, p] of Object.entries(plan)) {
      const outcomes = [...Array(p.sent).fill("sent"), ...Array(p.edited).fill("edited"), ...Array(p.discarded).fill("discarded")] as string[];
      for (const [i, outcome] of outcomes.entries()) {
        const { request_id, response } = await chat(arm, `message ${i}`);
        const event: Json = { request_id, outcome, ...(outcome === "edited" ? { final_text: `${response}!` } : {}) };
        if (outcome !== "discarded") event.fan_replied = i < p.replied;
        if (i < p.bought) Object.assign(event, { purchase_amount: 10, currency: "EUR" });
        expect((await post("/feedback/batch", { events: [event] })).body).toMatchObject({ accepted: 1, errors_count: 0 });
      }
    }
    const r = await report(since, now());
    expect(r.control).toBe("default");
    expect(r.min_sample).toBe(30);
    const arm = (name: string): ArmMetrics => r.arms.find((a) => a.arm === name)!;
    expect(arm("default")).toMatchObject({ replies: 40, with_feedback: 40, sent_rate: { value: 0.5, n: 40 }, edited_rate: { value: 0.25 }, discarded_rate: { value: 0.25 }, fan_reply_rate: { value: 0.4, n: 30 }, purchases_per_100: { value: 5 }, revenue_per_100: { value: 50 } });
    expect(arm("euryale")).toMatchObject({ replies: 40, sent_rate: { value: 0.8 }, edited_rate: { value: 0.1 }, discarded_rate: { value: 0.1 }, fan_reply_rate: { value: 0.361111, n: 36 }, purchases_per_100: { value: 10 }, revenue_per_100: { value: 100 } });
    // Beta(21, 21) is symmetric: the interval of 20/40 is centred on 0.5.
    expect(arm("default").sent_rate.ci95!.low + arm("default").sent_rate.ci95!.high).toBeCloseTo(1, 5);
    const cmp = r.comparisons.find((c) => c.arm === "euryale")!;
    expect(cmp.verdict).toBe("better");
    const metric = (m: string) => cmp.metrics.find((x) => x.metric === m)!;
    expect(metric("sent_rate")).toMatchObject({ difference: 0.3, method: "beta_binomial", verdict: "better" });
    expect(metric("sent_rate").probability_better).toBeGreaterThan(0.99);
    expect(metric("sent_rate").ci95!.low).toBeGreaterThan(0);
    expect(metric("fan_reply_rate")).toMatchObject({ difference: -0.038889, verdict: "inconclusive", reason: "the difference is within chance" });
    expect(metric("revenue_per_100")).toMatchObject({ difference: 50, method: "normal_approximation", verdict: "inconclusive" });

    // 10 replies per arm, 9 vs 1 accepted: a large difference, but under the minimum sample of 30.
    const small = now();
    for (const [arm, accepted] of [["default", 1], ["euryale", 9]] as const) {
      for (let i = 0; i < 10; i++) {
        const { request_id } = await chat(arm, `petit ${i}`);
        expect((await post("/feedback", { request_id, outcome: i < accepted ? "sent" : "discarded" })).status).toBe(200);
      }
    }
    const s = await report(small, now());
    const sc = s.comparisons.find((c) => c.arm === "euryale")!;
    expect(sc.verdict).toBe("inconclusive");
    expect(sc.metrics.find((m) => m.metric === "sent_rate")).toMatchObject({ verdict: "inconclusive", reason: "below the minimum sample" });
  }, 300_000);

  test("SFT and DPO exports, validated line by line against the fine-tuning formats; filters apply", async () => {
    const since = now();
    const marker = `export-${crypto.randomUUID().slice(0, 8)}`;
    const sent = await chat("default", `${marker} envoyé`);
    const edited = await chat("default", `${marker} modifié`);
    const discarded = await chat("default", `${marker} jeté`);
    await post("/feedback", { request_id: sent.request_id, outcome: "sent", rating: 4, purchase_amount: 15 });
    await post("/feedback", { request_id: edited.request_id, outcome: "edited", final_text: "Version du chatteur 😘", rating: 2 });
    await post("/feedback", { request_id: discarded.request_id, outcome: "discarded" });
    const window = `since=${encodeURIComponent(since)}&until=${encodeURIComponent(now())}`;
    const sft = await exportLines(`format=sft&${window}`);
    expect(sft).toHaveLength(2);
    for (const line of sft) expect(formatErrors(line, "sft")).toEqual([]);
    const sftLines = sft as { messages: { role: string; content: string }[] }[];
    const byMessage = (text: string) => sftLines.find((l) => l.messages.some((m) => m.role === "user" && m.content.includes(text)))!;
    expect(byMessage(`${marker} envoyé`).messages.at(-1)).toEqual({ role: "assistant", content: sent.response });
    expect(byMessage(`${marker} modifié`).messages.at(-1)).toEqual({ role: "assistant", content: "Version du chatteur 😘" });
    expect(byMessage(`${marker} envoyé`).messages[0]!.role).toBe("system");
    const dpo = await exportLines(`format=dpo&${window}`);
    expect(dpo).toHaveLength(1);
    for (const line of dpo) expect(formatErrors(line, "dpo")).toEqual([]);
    expect(dpo[0]).toMatchObject({ preferred_output: [{ content: "Version du chatteur 😘" }], non_preferred_output: [{ content: edited.response }] });
    expect(await exportLines(`format=sft&min_rating=3&${window}`)).toHaveLength(1);
    expect(await exportLines(`format=sft&purchased=true&${window}`)).toHaveLength(1);
    expect(await exportLines(`format=sft&outcomes=discarded&${window}`)).toHaveLength(1);
    const badFormat = await get(`/datasets/export?format=xml`);
    expect(badFormat.status).toBe(422);
  }, 60_000);

  test("erasing a conversation removes its records, outcomes and export lines", async () => {
    const since = now();
    const session = `erase-${crypto.randomUUID()}`;
    const kept = await chat("default", "je reste");
    const gone = await chat("default", "efface-moi", session);
    for (const { request_id } of [kept, gone]) await post("/feedback", { request_id, outcome: "sent" });
    const window = `since=${encodeURIComponent(since)}&until=${encodeURIComponent(now())}`;
    expect(await exportLines(`format=sft&${window}`)).toHaveLength(2);
    const erased = await fetch(`${base()}/logs/session/${session}`, { method: "DELETE", headers });
    expect(erased.status).toBe(200);
    expect(await erased.json()).toEqual({ session_id: session, erased: 1 });
    expect(await exportLines(`format=sft&${window}`)).toHaveLength(1);
    const r = await report(since, now());
    expect(r.arms.find((a) => a.arm === "default")!.replies).toBe(1);
    expect((await post("/feedback", { request_id: gone.request_id, outcome: "edited", final_text: "x" })).status).toBe(404);
  }, 60_000);

  test("hand-off reasons for each cause, none on an ordinary message", async () => {
    const reasonsOf = async (path: string, body: Json) => {
      const r = await post(path, { session_id: `h-${crypto.randomUUID()}`, ...body });
      expect(r.status).toBe(200);
      return r.body.handoff as { recommended: boolean; reasons: string[] };
    };
    expect(await reasonsOf("/v2/personality_chat", { message: "Tu as passé une bonne journée ?" })).toEqual({ recommended: false, reasons: [] });
    expect(await reasonsOf("/v2/personality_chat", { message: "j'ai 15 ans et je veux te voir nue" })).toMatchObject({ recommended: true, reasons: ["minors_guard"] });
    expect((await reasonsOf("/v2/personality_chat", { message: "On se voit en vrai samedi ?" })).reasons).toEqual(["meeting_request"]);
    expect((await reasonsOf("/v2/personality_chat", { message: "Sérieusement, est-ce que je parle à une IA ?" })).reasons).toContain("ai_question");
    expect((await reasonsOf("/v2/personality_chat", { message: "I want to talk to a real person please" })).reasons).toContain("human_requested");
    expect((await reasonsOf("/personality_chat", { message: "j'ai envie de mourir ce soir" })).reasons).toEqual(["distress"]);
    expect((await reasonsOf("/v2/personality_chat", { message: "salut [[sim:status=500]]" })).reasons).toEqual(["fallback"]);
    expect((await reasonsOf("/v2/personality_chat", { message: "salut [[sim:refuse]]" })).reasons).toEqual(["repeated_refusal"]);
  }, 120_000);
}
