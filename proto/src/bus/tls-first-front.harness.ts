/**
 * Test harness: a NATS front that speaks TLS from the first byte (what nats-server ≥ 2.10 does with
 * `tls { handshake_first: true }`; the 2.9 server of these machines cannot). It accepts the client's
 * TLS session at once, connects to a real nats-server that has `tls {}`, takes its INFO, upgrades
 * that leg to TLS as a client would, then passes INFO and every byte after it along both ways.
 * Small messages only: a write the socket does not take whole fails the test loudly.
 */
import type { Socket, TCPSocketListener } from "bun";
import type { TestCertificate } from "@sinhome/testing";

type Leg = { client: Socket<Leg>; server?: Socket<Leg>; early: Uint8Array[] };

function writeAll(socket: Socket<Leg>, data: Uint8Array): void {
  const written = socket.write(data);
  if (written !== data.byteLength) throw new Error(`tls-first front: partial write (${written}/${data.byteLength}); it is for small messages`);
}

export async function startTlsFirstFront(opts: { target: number; cert: TestCertificate }): Promise<{ url: string; tlsFirstSessions(): number; stop(): void }> {
  const ca = await Bun.file(opts.cert.certFile).text();
  let sessions = 0;
  const attach = (leg: Leg) => {
    let info = new Uint8Array(0);
    let upgraded = false;
    void Bun.connect<Leg>({
      hostname: "127.0.0.1",
      port: opts.target,
      data: leg,
      socket: {
        data(plain, chunk) {
          // The server's plaintext INFO line: keep it, then upgrade this leg (the server requires TLS).
          if (upgraded) return;
          info = new Uint8Array([...info, ...chunk]);
          if (!new TextDecoder().decode(info).includes("\r\n")) return;
          upgraded = true;
          const [, secure] = plain.upgradeTLS<Leg>({
            data: leg,
            tls: { ca, serverName: "localhost" },
            socket: {
              handshake(s, _ok, error) {
                if (error) return void leg.client.end();
                leg.server = s;
                writeAll(leg.client, info);
                for (const early of leg.early.splice(0)) writeAll(s, early);
              },
              data: (_s, bytes) => writeAll(leg.client, bytes),
              close: () => void leg.client.end(),
            },
          });
          void secure;
        },
        close: () => void (leg.server || leg.client.end()),
        connectError: () => void leg.client.end(),
      },
    });
  };
  const listener: TCPSocketListener<Leg> = Bun.listen<Leg>({
    hostname: "127.0.0.1",
    port: 0,
    tls: { cert: Bun.file(opts.cert.certFile), key: Bun.file(opts.cert.keyFile) },
    socket: {
      open(client) {
        sessions++;
        client.data = { client, early: [] };
        attach(client.data);
      },
      data(client, bytes) {
        if (client.data.server) writeAll(client.data.server, bytes);
        else client.data.early.push(new Uint8Array(bytes));
      },
      close: (client) => void client.data.server?.end(),
    },
  });
  return { url: `nats://127.0.0.1:${listener.port}`, tlsFirstSessions: () => sessions, stop: () => listener.stop(true) };
}
