/** NATS message plumbing of the bus: our header records to and from NATS headers, and request messages as handlers see them. */
import { headers as natsHeaders, type Msg, type MsgHdrs } from "@nats-io/nats-core";
import { ServiceErrorCodeHeader, ServiceErrorHeader, type ServiceMsg } from "@nats-io/services";

export const toHeaders = (h: Record<string, string>): MsgHdrs => {
  const out = natsHeaders();
  for (const [k, v] of Object.entries(h)) out.set(k, v);
  return out;
};

/** What a handler needs of a request message: a `$SRV` endpoint message or one on the instance's own subject. */
export type Incoming = Pick<ServiceMsg, "reply" | "data" | "headers" | "respond" | "respondError">;

/** A message on the instance's own subject, answered with the same service-error headers as `$SRV` endpoints. */
export const incoming = (msg: Msg): Incoming => ({
  reply: msg.reply,
  data: msg.data,
  headers: msg.headers,
  respond: (data) => msg.respond(data),
  respondError: (code, description, data) => {
    const h = natsHeaders();
    h.set(ServiceErrorCodeHeader, String(code));
    h.set(ServiceErrorHeader, description);
    return msg.respond(data, { headers: h });
  },
});

export const fromHeaders = (h: MsgHdrs | undefined): Record<string, string> => {
  const out: Record<string, string> = {};
  if (!h) return out;
  for (const k of h.keys()) out[k.toLowerCase()] = h.get(k);
  return out;
};
