/**
 * A persona's fingerprint: 16 hex characters of a 64-bit hash (wyhash, `Bun.hash`) of the persona with every default applied,
 * so the same sliders give the same fingerprint however the CRM spelled them. Lets the A/B report and
 * the training export compare like with like without storing the persona itself in every record. Not a
 * security hash (nothing is protected by it); a SHA-256 cost ~15 µs per reply on the hot path, this ~1 µs.
 */
import type { PersonaData } from "@sinhome/proto";
import { resolvePersona } from "./resolve.ts";

export function personaFingerprint(data: PersonaData | undefined): string {
  const persona = resolvePersona(data ?? {}) as Record<string, unknown>;
  const canonical = JSON.stringify(Object.keys(persona).sort().map((k) => [k, persona[k]]));
  return Bun.hash(canonical).toString(16).padStart(16, "0");
}
