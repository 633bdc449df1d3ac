/**
 * A persona's fingerprint: 12 hex characters of a SHA-256 over the persona with every default applied,
 * so the same sliders give the same fingerprint however the CRM spelled them. Lets the A/B report and
 * the training export compare like with like without storing the persona itself in every record.
 */
import { createHash } from "node:crypto";
import type { PersonaData } from "@sinhome/proto";
import { resolvePersona } from "./resolve.ts";

export function personaFingerprint(data: PersonaData | undefined): string {
  const persona = resolvePersona(data ?? {}) as Record<string, unknown>;
  const canonical = JSON.stringify(Object.keys(persona).sort().map((k) => [k, persona[k]]));
  return createHash("sha256").update(canonical).digest("hex").slice(0, 12);
}
