/**
 * From the CRM's optional `persona_data` to a complete `Persona`: defaults applied (name "Seline", every
 * slider 3) and free text made safe to place inside a prompt.
 */
import type { Persona, PersonaData } from "@sinhome/proto";

export const DEFAULT_PERSONA_NAME = "Seline";
export const DEFAULT_SLIDER_LEVEL = 3;
const MAX_NAME_LENGTH = 64;

type Level = Persona["dominance"];

/**
 * Applies the defaults. Input is normally validated by the gateway already; this stays total anyway:
 * a slider out of 1–5 is clamped and rounded, an age under 18 is dropped (the prompt then only says "majeure"),
 * line breaks in name and traits are flattened so they cannot forge a section of the prompt.
 */
export function resolvePersona(data: PersonaData = {}): Persona {
  const name = flatten(data.name ?? "").slice(0, MAX_NAME_LENGTH) || DEFAULT_PERSONA_NAME;
  const persona: Persona = {
    name,
    sales_tactic: level(data.sales_tactic),
    dominance: level(data.dominance),
    audacity: level(data.audacity),
    tone: level(data.tone),
    emotion: level(data.emotion),
    initiative: level(data.initiative),
    vocabulary: level(data.vocabulary),
    emojis: level(data.emojis),
    imperfection: level(data.imperfection),
  };
  if (data.age !== undefined && Number.isInteger(data.age) && data.age >= 18) persona.age = data.age;
  const traits = flatten(data.traits ?? "");
  if (traits) persona.traits = traits;
  return persona;
}

function level(value: number | undefined): Level {
  if (value === undefined || !Number.isFinite(value)) return DEFAULT_SLIDER_LEVEL;
  return Math.min(5, Math.max(1, Math.round(value))) as Level;
}

function flatten(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
