/** A request NATS answers "no responders" for: retried briefly while an instance of the subject was heard lately. */
import { describe, expect, test } from "bun:test";
import { AppError } from "../errors.ts";
import { InstanceTable } from "./instances.ts";
import { StallWatch } from "./liveness.ts";
import { NO_RESPONDERS_GRACE_MS, PendingRequest } from "./pending.ts";

function pending(instances: InstanceTable, resend = false) {
  const sends: number[] = [];
  const request = new PendingRequest<string>({
    subject: "svc.do", timeoutMs: 5000, resend, watch: new StallWatch(), instances,
    sendTo: () => (sends.push(performance.now()), true),
    release: () => {},
  });
  request.send();
  return { request, sends };
}

describe("no responders", () => {
  test("no instance heard lately: fails at once", async () => {
    const { request, sends } = pending(new InstanceTable());
    request.onNoResponders();
    const err = await request.promise.catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("service_unavailable");
    expect(sends.length).toBe(1);
  });

  test("an instance heard lately (a NATS failover): sent again, even when not resendable, and answered", async () => {
    const instances = new InstanceTable();
    instances.heard({ id: "a", subjects: ["svc.do"] });
    const { request, sends } = pending(instances, false);
    request.onNoResponders(); // the subscription has not reached our node yet
    await Bun.sleep(150);
    expect(sends.length).toBe(2);
    request.resolve("ok");
    expect(await request.promise).toBe("ok");
  });

  test("still nobody past the grace: service_unavailable, within the grace", async () => {
    const instances = new InstanceTable();
    instances.heard({ id: "a", subjects: ["svc.do"] });
    const { request, sends } = pending(instances);
    const started = performance.now();
    const again = setInterval(() => request.onNoResponders(), 20);
    const err = await request.promise.catch((e) => e);
    clearInterval(again);
    expect((err as AppError).code).toBe("service_unavailable");
    expect(performance.now() - started).toBeLessThan(NO_RESPONDERS_GRACE_MS + 200);
    expect(sends.length).toBeGreaterThan(2);
  });
});
