/**
 * Gateways hearing each other over the bus: each publishes its presence (id and how it counts rate
 * limits) every PRESENCE_MS and counts the gateways heard within the last three periods, itself
 * included. The rate limiter divides a key's limit by this count while Redis is away; ops reports the
 * presences in health.
 */
import { Subject, type Bus, type GatewayPresence } from "@sinhome/proto";

export const PRESENCE_MS = 2000;

export class GatewayPeers {
  readonly id = crypto.randomUUID();
  private readonly heard = new Map<string, number>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly stopListening: () => void;

  constructor(
    private readonly bus: Bus,
    private readonly limiter: () => GatewayPresence["limiter"],
  ) {
    this.stopListening = bus.subscribe(Subject.GatewayPresence, (body) => {
      const p = body as Partial<GatewayPresence> | undefined;
      if (typeof p?.id !== "string" || p.id === this.id) return;
      const known = this.heard.has(p.id);
      this.heard.set(p.id, Date.now());
      // A newcomer learns of us at once rather than at our next period.
      if (!known) this.announce();
    });
    this.announce();
    this.timer = setInterval(() => this.announce(), PRESENCE_MS);
    this.timer.unref?.();
  }

  private announce(): void {
    const presence: GatewayPresence = { id: this.id, limiter: this.limiter() };
    this.bus.publish(Subject.GatewayPresence, presence);
  }

  /** Gateways heard recently, this one included (at least 1). */
  count(now = Date.now()): number {
    let n = 0;
    for (const [id, at] of this.heard) {
      if (now - at > PRESENCE_MS * 3) this.heard.delete(id);
      else n++;
    }
    return n + 1;
  }

  close(): void {
    clearInterval(this.timer);
    this.stopListening();
  }
}
