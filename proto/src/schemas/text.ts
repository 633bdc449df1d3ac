/**
 * What characters a text field may hold, decided per field (README "Text fields"):
 * - `Identifier`: ids, keys, labels, dates — anything stored, compared or used as a key. A control
 *   character (U+0000–U+001F, U+007F–U+009F; PostgreSQL text cannot even store U+0000) or an unpaired
 *   surrogate is a 422 naming the field.
 * - `FreeText`: what people write (a fan's message, history, scripts, prompts). The gateway strips
 *   control characters except tab, newline and carriage return, and replaces unpaired surrogates
 *   with U+FFFD, before validation — so length limits apply to what is kept.
 * Both are plain TypeBox strings; the format is registered here, so every process that imports a
 * schema (gateway, services re-validating bus bodies) checks it the same way.
 */
import { FormatRegistry, Type, type StringOptions, type TSchema, type TString } from "@sinclair/typebox";
import { DefaultErrorFunction, SetErrorFunction, ValueErrorType } from "@sinclair/typebox/errors";

export const IDENTIFIER_FORMAT = "identifier";
/** Schema keyword marking a free-text field (OpenAPI shows it as an extension). */
export const FREE_TEXT = "x-free-text";

const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
/** Controls with no business in a message; tab, LF and CR are kept. */
const STRIPPED_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** In `u` mode a class of surrogates matches only unpaired ones (a pair is one code point). */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export const isCleanIdentifier = (value: string): boolean => !CONTROL.test(value) && !LONE_SURROGATE.test(value);

FormatRegistry.Set(IDENTIFIER_FORMAT, isCleanIdentifier);

const IDENTIFIER_REASON = "must not contain control characters (U+0000–U+001F, U+007F–U+009F) or unpaired surrogates";
SetErrorFunction((param) =>
  param.errorType === ValueErrorType.StringFormat && param.schema.format === IDENTIFIER_FORMAT ? IDENTIFIER_REASON : DefaultErrorFunction(param),
);

/** A stored or compared string: control characters are refused. */
export const Identifier = (options: StringOptions = {}): TString => Type.String({ ...options, format: IDENTIFIER_FORMAT });

/** Text written by a person: control characters are stripped by the gateway. */
export const FreeText = (options: StringOptions = {}): TString => Type.String({ ...options, [FREE_TEXT]: true });

/** The free text with what it should not hold removed (unchanged, same string, when clean). */
export function cleanFreeText(value: string): string {
  let out = value;
  STRIPPED_CONTROLS.lastIndex = 0;
  if (STRIPPED_CONTROLS.test(out)) out = out.replace(STRIPPED_CONTROLS, "");
  if (LONE_SURROGATE.test(out)) out = out.toWellFormed();
  return out;
}

type Cleaner = (value: unknown) => unknown;

/**
 * Builds, once per schema, a function that cleans every free-text field of a value in place and
 * returns it. It follows only the schema's own structure (objects, arrays, free-text strings) and
 * leaves anything of the wrong type alone for validation to reject. Undefined = nothing to clean.
 */
export function freeTextCleaner(schema: TSchema): Cleaner | undefined {
  if (Array.isArray(schema.anyOf)) {
    // Each member's cleaner only touches values of its own type, so applying all of them is safe.
    const members = (schema.anyOf as TSchema[]).map(freeTextCleaner).filter((c): c is Cleaner => c !== undefined);
    if (members.length === 0) return undefined;
    return (v) => members.reduce((value, clean) => clean(value), v);
  }
  if (schema.type === "string") return schema[FREE_TEXT] ? (v) => (typeof v === "string" ? cleanFreeText(v) : v) : undefined;
  if (schema.type === "array" && schema.items) {
    const item = freeTextCleaner(schema.items as TSchema);
    if (!item) return undefined;
    return (v) => {
      if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] = item(v[i]);
      return v;
    };
  }
  if (schema.type === "object" && schema.properties) {
    const fields: [string, Cleaner][] = [];
    for (const [key, prop] of Object.entries(schema.properties as Record<string, TSchema>)) {
      const clean = freeTextCleaner(prop);
      if (clean) fields.push([key, clean]);
    }
    if (fields.length === 0) return undefined;
    return (v) => {
      if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
      const record = v as Record<string, unknown>;
      for (const [key, clean] of fields) {
        if (Object.hasOwn(record, key)) record[key] = clean(record[key]);
      }
      return v;
    };
  }
  return undefined;
}
