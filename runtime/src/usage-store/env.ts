/** Configuration of the durable usage ledger, shared by chat (writes) and ops (reads). */
import { Type, type TProperties } from "@sinclair/typebox";

export const UsageStoreEnv = {
  /**
   * PostgreSQL of the mesh (the same database media uses): chat writes the usage ledger there and ops
   * sums it, so /monitoring/usage survives restarts. Unset in a mesh process = usage kept in memory only
   * (a warning at start); the all-in-one then uses `<DATA_DIR>/usage.sqlite`.
   */
  DATABASE_URL: Type.Optional(Type.String({ pattern: "^postgres(ql)?://" })),
} satisfies TProperties;
