/**
 * nats.js TLS options (`tls: { caFile, certFile, keyFile, ca, cert, key, handshakeFirst }`, plus the
 * node:tls options NodeTransport passes through, such as `rejectUnauthorized`) as Bun socket TLS
 * options. Certificates are verified and the server name checked unless `rejectUnauthorized: false`.
 */
import type { TLSOptions } from "bun";
import { errors, type ConnectionOptions, type Server } from "@nats-io/nats-core/internal";

type NatsTlsOptions = NonNullable<ConnectionOptions["tls"]> & { rejectUnauthorized?: boolean; servername?: string };

async function readPem(path: string | undefined, what: string): Promise<string | undefined> {
  if (!path) return undefined;
  const file = Bun.file(path);
  if (!(await file.exists())) throw new errors.ConnectionError(`${what} ${path} doesn't exist`);
  return file.text();
}

export async function tlsSettings(server: Server, options: ConnectionOptions): Promise<TLSOptions> {
  const tls: NatsTlsOptions = options.tls ?? {};
  const [ca, cert, key] = await Promise.all([
    readPem(tls.caFile, "tls.caFile"),
    readPem(tls.certFile, "tls.certFile"),
    readPem(tls.keyFile, "tls.keyFile"),
  ]);
  return {
    // The name the certificate must carry: the URL's host, also after DNS resolution turned it into an IP.
    serverName: tls.servername ?? (server.tlsName || server.hostname),
    rejectUnauthorized: tls.rejectUnauthorized !== false,
    ca: ca ?? tls.ca,
    cert: cert ?? tls.cert,
    key: key ?? tls.key,
  };
}
