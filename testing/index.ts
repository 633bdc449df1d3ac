/** Test tooling: private servers for the tests, the URLs of the servers they use, the mesh harness of aio/. */
export { startNats, startPostgres, startRedis, freePort, type PrivateServer } from "./servers.ts";
export { testServerUrl } from "./require.ts";
export type { ServerKind } from "./binaries.ts";
export { instances, startMesh, waitFor, type Mesh } from "./mesh.ts";
