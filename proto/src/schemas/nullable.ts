/**
 * `null` means absent for every optional request field. JSON clients send `"session_id": null` for
 * "no value" all the time; for us it is the same as leaving the field out.
 *
 * - `Nullable(x)` / `OptionalNullable(x)`: the schema says so (OpenAPI 3.1 shows `anyOf: [x, null]`).
 * - `withNullableOptionals(schema)`: the same, applied to every optional property at every depth of
 *   a request schema — the gateway registers routes with it, so no optional field can be forgotten.
 * - `dropNullOptionals(schema, value)`: removes the null-valued optional properties (in place) before
 *   validation, so defaults apply and handlers never see `null` where a field may be absent.
 * Required fields stay non-nullable: a `null` message is still a 422.
 */
import { CloneType, Type, KindGuard, type TOptional, type TSchema, type TUnion, type TNull } from "@sinclair/typebox";

/** `x` or `null`; the default and description move to the union, where validators and docs look. */
export function Nullable<T extends TSchema>(schema: T): TUnion<[T, TNull]> {
  const { default: def, description } = schema as { default?: unknown; description?: string };
  return Type.Union([schema, Type.Null()], {
    ...(def !== undefined ? { default: def } : {}),
    ...(description !== undefined ? { description } : {}),
  });
}

/** An optional field that may also be sent as `null` (= absent). */
export const OptionalNullable = <T extends TSchema>(schema: T): TOptional<TUnion<[T, TNull]>> => Type.Optional(Nullable(schema));

const isNullMember = (s: TSchema) => KindGuard.IsNull(s);
const isOptional = (s: TSchema) => KindGuard.IsOptional(s);
const isNullableUnion = (s: TSchema) => KindGuard.IsUnion(s) && s.anyOf.some(isNullMember);

/** The schema with every optional property, at every depth, also accepting `null`. */
export function withNullableOptionals<T extends TSchema>(schema: T): T {
  return transform(CloneType(schema)) as T;
}

function transform(schema: TSchema): TSchema {
  if (KindGuard.IsObject(schema)) {
    for (const [key, prop] of Object.entries(schema.properties)) {
      const inner = transform(stripOptional(prop));
      schema.properties[key] = isOptional(prop) ? (isNullableUnion(inner) ? Type.Optional(inner) : OptionalNullable(inner)) : inner;
    }
    return schema;
  }
  if (KindGuard.IsArray(schema)) {
    schema.items = transform(schema.items);
    return schema;
  }
  if (KindGuard.IsUnion(schema)) {
    schema.anyOf = schema.anyOf.map(transform);
    return schema;
  }
  return schema;
}

/** A property schema without its Optional marker (the marker belongs to the property, not the type). */
const stripOptional = (schema: TSchema): TSchema => (isOptional(schema) ? Type.Optional(schema, false) : schema);

/**
 * Deletes, in place, every property that is `null` where `schema` says it is optional, at every
 * depth (objects, arrays, the non-null member of a nullable union). Returns `value` for chaining.
 */
export function dropNullOptionals<V>(schema: TSchema, value: V): V {
  walk(schema, value);
  return value;
}

/** The same, saying whether anything was dropped (so callers re-apply defaults only when needed). */
export const droppedNullOptionals = (schema: TSchema, value: unknown): boolean => walk(schema, value);

function walk(schema: TSchema, value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  let dropped = false;
  if (KindGuard.IsObject(schema)) {
    if (Array.isArray(value)) return false;
    const record = value as Record<string, unknown>;
    for (const key in schema.properties) {
      if (!(key in record)) continue;
      const prop = schema.properties[key]!;
      if (record[key] === null && isOptional(prop) && !isNullMember(prop)) {
        delete record[key];
        dropped = true;
      } else if (walk(prop, record[key])) dropped = true;
    }
  } else if (KindGuard.IsArray(schema)) {
    if (Array.isArray(value)) for (const item of value) if (walk(schema.items, item)) dropped = true;
  } else if (KindGuard.IsUnion(schema)) {
    // Only an unambiguous union (x or null) says which schema the value follows.
    const members = schema.anyOf.filter((m) => !isNullMember(m));
    if (members.length === 1) dropped = walk(members[0]!, value);
  }
  return dropped;
}
