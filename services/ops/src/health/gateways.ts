/**
 * How the gateways count rate limits, from their presence broadcasts (`Subject.GatewayPresence`):
 * the `rate_limits` health component is `ok` while every gateway counts in Redis (or in memory, with
 * no Redis configured), `down` with `error: "local_fallback"` while some gateway cannot reach Redis
 * and counts its share alone; `instances` is the number of gateways heard.
 */
import { Subject, type Bus, type GatewayPresence, type HealthComponent } from "@sinhome/proto";

/** A gateway not heard for this long is gone (three of its 2 s presence periods). */
const GONE_MS = 6000;

export class GatewayLimits {
  private readonly gateways = new Map<string, { limiter: GatewayPresence["limiter"]; at: number }>();
  private readonly stop: () => void;

  constructor(bus: Bus) {
    this.stop = bus.subscribe(Subject.GatewayPresence, (body) => {
      const p = body as Partial<GatewayPresence> | undefined;
      if (typeof p?.id === "string" && typeof p.limiter === "string") this.gateways.set(p.id, { limiter: p.limiter, at: Date.now() });
    });
  }

  component(now = Date.now()): HealthComponent {
    let heard = 0;
    let local = 0;
    for (const [id, g] of this.gateways) {
      if (now - g.at > GONE_MS) {
        this.gateways.delete(id);
        continue;
      }
      heard++;
      if (g.limiter === "local") local++;
    }
    if (heard === 0) return { name: "rate_limits", status: "not_configured", latency_ms: null, instances: 0 };
    if (local > 0) return { name: "rate_limits", status: "down", latency_ms: null, instances: heard, error: "local_fallback" };
    return { name: "rate_limits", status: "ok", latency_ms: null, instances: heard };
  }

  close(): void {
    this.stop();
  }
}
