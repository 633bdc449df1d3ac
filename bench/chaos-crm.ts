/**
 * The CRM of the chaos soak: a mix of calls (v1 and v2 chat, scoring, media sends with an
 * Idempotency-Key, duplicate checks, history, metrics), each retried like a careful CRM retries —
 * after 200 ms, same key, on a 503, a v2 fallback, a 5xx or a refused connection — within a budget,
 * each retry on the next gateway (as a load balancer in front of them would, when one is killed).
 */
export type CallResult = {
  route: string;
  ok: boolean;
  attempts: number;
  /** The gateway answered from a second replica (`x-sinhome-resent`). */
  resent: boolean;
  /** The final answer was a v2 fallback (kept after the budget ran out). */
  fallback: boolean;
  ms: number;
  /** `fan/media` of an acknowledged media send. */
  media?: string;
  failedAttempts: string[];
  /** The slowest of the failed attempts (a 503 during an outage should be fast). */
  worstFailedMs: number;
  /** performance.now() when the CRM sent it (freeze costs are computed per time window). */
  startedAt: number;
};

const BUDGET_MS = 20_000;
const RETRY_AFTER_MS = 200;
/** Chat calls hold the simulated LLM this long, so replica kills catch requests in flight. */
const LLM_MS = 400;

type Call = { method: "GET" | "POST"; path: string; body?: unknown; key?: string; media?: string };

function pick(worker: number, n: number): Call {
  const fan = `chaos-fan-${worker}`;
  const slot = n % 20;
  if (slot < 5) return { method: "POST", path: "/personality_chat", body: { message: `Salut, tu fais quoi ce soir ? (${n}) [[sim:stall=${LLM_MS}]]` } };
  if (slot < 9) return { method: "POST", path: "/v2/personality_chat", body: { message: `Coucou toi (${n}) [[sim:stall=${LLM_MS}]]`, persona_data: { emojis: 4 } } };
  if (slot < 12) {
    return { method: "POST", path: "/fan/interest_score", body: { fan_id: fan, history: [{ role: "user", content: "c'est combien la vidéo ?" }], purchases: [{ amount: 20 }] } };
  }
  if (slot < 16) {
    const media = `m-${n % 7}`;
    return { method: "POST", path: "/media/sent", body: { fan_id: fan, media_id: media }, key: `chaos-${worker}-${n}`, media: `${fan}/${media}` };
  }
  if (slot < 18) return { method: "POST", path: "/media/check_duplicates", body: { fan_id: fan, media_ids: ["m-1", "m-2", "m-9"] } };
  if (slot < 19) return { method: "GET", path: `/media/history/${fan}` };
  return { method: "GET", path: "/monitoring/metrics" };
}

export async function crmCall(gateways: readonly string[], worker: number, n: number): Promise<CallResult> {
  const call = pick(worker, n);
  const started = performance.now();
  const failedAttempts: string[] = [];
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (call.key) headers["idempotency-key"] = call.key;
  let attempts = 0;
  let lastFallback = false;
  let worstFailedMs = 0;
  while (performance.now() - started < BUDGET_MS) {
    attempts++;
    const attemptStarted = performance.now();
    const left = BUDGET_MS - (attemptStarted - started);
    try {
      const gateway = gateways[(n + attempts - 1) % gateways.length]!;
      const res = await fetch(`${gateway}${call.path}`, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(Math.max(1, left)),
      });
      const body = (await res.json()) as { fallback?: boolean; error?: unknown };
      if (res.ok && body.fallback !== true) {
        return { route: call.path, ok: true, attempts, resent: res.headers.has("x-sinhome-resent"), fallback: false, ms: performance.now() - started, media: call.media, failedAttempts, worstFailedMs, startedAt: started };
      }
      lastFallback = res.ok && body.fallback === true;
      failedAttempts.push(lastFallback ? "v2-fallback" : String(res.status));
      worstFailedMs = Math.max(worstFailedMs, performance.now() - attemptStarted);
      if (res.status < 500 && !lastFallback) break; // a 4xx is the CRM's own mistake: retrying will not help
    } catch (e) {
      failedAttempts.push((e as Error).name === "TimeoutError" ? "no-answer" : "connection");
      worstFailedMs = Math.max(worstFailedMs, performance.now() - attemptStarted);
    }
    await Bun.sleep(RETRY_AFTER_MS);
  }
  return { route: call.path, ok: lastFallback, attempts, resent: false, fallback: lastFallback, ms: performance.now() - started, failedAttempts, worstFailedMs, startedAt: started };
}
