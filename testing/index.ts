/** Test tooling: private servers for the tests, and the URLs of the servers they use. */
export { startNats, startPostgres, startRedis, freePort, wrap, type PrivateServer } from "./servers.ts";
export { testServerUrl } from "./require.ts";
export { selfSignedCertificate, type TestCertificate } from "./tls.ts";
export type { ServerKind } from "./binaries.ts";
