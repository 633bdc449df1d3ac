/**
 * Throw-away TLS material for tests, made with openssl: a self-signed certificate (by default for
 * 127.0.0.1 and localhost; it is its own CA) and its key, in a temporary directory the caller deletes.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type TestCertificate = { dir: string; certFile: string; keyFile: string };

export async function selfSignedCertificate(name = "sinhome-test", altNames = "IP:127.0.0.1,DNS:localhost"): Promise<TestCertificate> {
  const dir = mkdtempSync(join(tmpdir(), "sinhome-test-tls-"));
  const certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  const openssl = Bun.spawn([
    "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
    "-subj", `/CN=${name}`, "-addext", `subjectAltName=${altNames}`,
    "-keyout", keyFile, "-out", certFile,
  ], { stdout: "ignore", stderr: "pipe" });
  if ((await openssl.exited) !== 0) throw new Error(`openssl could not make a test certificate: ${await new Response(openssl.stderr).text()}`);
  return { dir, certFile, keyFile };
}
