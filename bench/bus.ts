/** Bus round trip: in-process and NATS, request/reply of a small JSON payload to an echo service. */
import { MemoryBus, NatsBus, type Bus } from "@sinhome/proto";
import { concurrent, fmt, sequential, type Latency } from "./stats.ts";

const payload = { message: "Salut toi, ça va ?", history: [{ role: "user", content: "coucou" }] };

async function roundTrip(bus: Bus, subject: string): Promise<{ seq: Latency; c64: Latency }> {
  const reg = await bus.addService({ name: "bench-echo", version: "1.0.0", description: "echo", endpoints: { echo: { subject, handler: (r) => r.body } } });
  const call = () => bus.request(subject, payload, { timeoutMs: 5000, requestId: "bench" });
  const seq = await sequential(5000, call);
  const c64 = await concurrent(20000, 64, call);
  await reg.stop();
  return { seq, c64 };
}

export async function benchBus(natsUrl: string): Promise<string[]> {
  const subject = `bench.${crypto.randomUUID().slice(0, 8)}.echo`;
  const memory = new MemoryBus();
  const mem = await roundTrip(memory, subject);
  await memory.close();
  const nats = await NatsBus.connect({ servers: natsUrl, name: "bench" });
  const net = await roundTrip(nats, subject);
  await nats.close();
  return [
    `bus round trip, in-process: p50 ${fmt(mem.seq.p50)}, p99 ${fmt(mem.seq.p99)} (sequential, n=${mem.seq.n}); 64 in flight: p50 ${fmt(mem.c64.p50)}, p99 ${fmt(mem.c64.p99)}`,
    `bus round trip, NATS:       p50 ${fmt(net.seq.p50)}, p99 ${fmt(net.seq.p99)} (sequential, n=${net.seq.n}); 64 in flight: p50 ${fmt(net.c64.p50)}, p99 ${fmt(net.c64.p99)}`,
  ];
}
