/**
 * Test-only: fast-check arbitraries built from the proto TypeBox schemas. `validValue` makes
 * values the schema accepts (kept small: strings ≤ 40 units, arrays ≤ 3 items); `hostileBody`
 * takes such a value and breaks it the ways a careless or hostile client would — wrong types,
 * missing fields, huge strings, deep nesting, odd Unicode, prototype keys — as JSON text.
 */
import fc from "fast-check";
import type { TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { IDENTIFIER_FORMAT } from "../schemas/text.ts";

/** Does `value` match `schema`? (For checking replies in tests without a TypeBox import of their own.) */
export const matchesSchema = (schema: TSchema, value: unknown): boolean => Value.Check(schema, value);

const MAX_STRING = 40;
const MAX_ITEMS = 3;

/** Characters that have broken servers before: controls, NUL, unpaired surrogates, bidi, noncharacters. */
export const ODD_TEXT = [
  "\u0000", "a\u0000b", "\u0001\u0002\u001f", "\u007f\u0085\u009f", "\ud800", "x\udc00y", "\ufffe\uffff",
  "\u202e\u2066bidi", "👩‍👩‍👧‍👦", "e\u0301\u0301\u0301", "\u200b\u200d\ufeff", "${jndi:x}", "'; DROP TABLE media_sends; --",
  "%00%2F..", "\\u0000", "<script>", "\r\n\r\nX-Injected: 1", "🙂".repeat(50),
];

const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;
const printable = fc.string({ unit: "grapheme", maxLength: MAX_STRING }).filter((s) => !CONTROLS.test(s));

function stringValue(schema: TSchema): fc.Arbitrary<string> {
  if (typeof schema.pattern === "string") return fc.stringMatching(new RegExp(schema.pattern));
  const minLength = Math.min(schema.minLength ?? 0, MAX_STRING);
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? MAX_STRING, MAX_STRING));
  // Grapheme units may take two UTF-16 units; the schema counts UTF-16 units, hence the filter.
  return fc.string({ unit: "grapheme", minLength, maxLength }).filter((s) => s.length <= maxLength && !CONTROLS.test(s));
}

function numberValue(schema: TSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 1e-6) : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : 1e-6) : 1e6);
  return integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values the schema accepts. */
export function validValue(schema: TSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as TSchema[]).map(validValue));
  switch (schema.type) {
    case "string":
      return stringValue(schema);
    case "integer":
      return numberValue(schema, true);
    case "number":
      return numberValue(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = schema.minItems ?? 0;
      return fc.array(validValue(schema.items as TSchema), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? MAX_ITEMS, MAX_ITEMS)) });
    }
    case "object": {
      const props = (schema.properties ?? {}) as Record<string, TSchema>;
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, prop] of Object.entries(props)) model[key] = validValue(prop);
      if (Object.keys(model).length === 0 && schema.patternProperties) return fc.dictionary(printable, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      return fc.record(model, { requiredKeys: (schema.required ?? []) as string[] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path to a value inside `value` (the root excluded). */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  }
  return [];
}

function setAt(root: Json, path: Path, replace: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(root) ?? null;
  const copy: Json = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path.at(-1)!;
  const next = replace(node[last]!);
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(last as number, 1);
    else delete node[last];
  } else node[last] = next;
  return copy;
}

const otherType = fc.oneof(
  fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.constant(1e308), fc.constant(-0), fc.string({ maxLength: 5 }),
  fc.constant([]), fc.constant({}), fc.constant([null]), fc.constant({ length: 1 }), fc.constant("3"),
);

const deep = fc.integer({ min: 50, max: 5000 }).chain((depth) =>
  fc.constantFrom(
    "[".repeat(depth) + "]".repeat(depth),
    '{"a":'.repeat(depth) + "1" + "}".repeat(depth),
  ),
);

type Mutation = (body: Json) => fc.Arbitrary<string>;

/** A mutation picks a place in the valid body and breaks it there; the result is JSON text. */
const mutations: Mutation[] = [
  // wrong type at some place (or for the whole body)
  (body) => fc.tuple(fc.constantFrom([], ...paths(body)), otherType).map(([p, v]) => JSON.stringify(setAt(body, p, () => v as Json))),
  // a field missing
  (body) => (paths(body).length ? fc.constantFrom(...paths(body)).map((p) => JSON.stringify(setAt(body, p, () => undefined))) : fc.constant("{}")),
  // a huge string somewhere (up to past the body limit)
  (body) => fc.tuple(fc.constantFrom([], ...paths(body)), fc.constantFrom(5_000, 70_000, 600_000, 1_100_000)).map(([p, n]) => JSON.stringify(setAt(body, p, () => "é".repeat(n / 2)))),
  // deep nesting in place of a value (as raw text: JSON.stringify would refuse nothing, but this is cheaper)
  (body) => fc.tuple(fc.constantFrom([], ...paths(body)), deep).map(([p, nested]) => JSON.stringify(setAt(body, p, () => "\u0000DEEP\u0000")).replace('"\\u0000DEEP\\u0000"', nested)),
  // odd Unicode in some string (or anywhere)
  (body) => fc.tuple(fc.constantFrom([], ...paths(body)), fc.constantFrom(...ODD_TEXT)).map(([p, text]) => JSON.stringify(setAt(body, p, (old) => (typeof old === "string" ? old + text : text)))),
  // prototype keys at the top or inside an object
  (body) =>
    fc.constantFrom('"__proto__":{"polluted":"yes"}', '"constructor":{"prototype":{"polluted":"yes"}}', '"prototype":{"polluted":"yes"}', '"__proto__":null', '"toString":1', '"hasOwnProperty":"x"').map((key) => {
      const text = JSON.stringify(body);
      return text.startsWith("{") && text.length > 2 ? `{${key},${text.slice(1)}` : `{${key}}`;
    }),
  // not an object at all, or not JSON
  () => fc.constantFrom("null", "[]", "0", '"x"', "true", "{", '{"a":1', "[1,2", "\u0000", "{}garbage", '{"a":1}{"b":2}', "NaN", "1e999"),
];

/** A body the schema's value made hostile, as the JSON text a client would send. */
export function hostileBody(schema: TSchema): fc.Arbitrary<string> {
  return validValue(schema).chain((value) => fc.oneof(...mutations.map((m) => m(value as Json))));
}
