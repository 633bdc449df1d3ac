/**
 * Deterministic embeddings: a unit vector seeded by a hash of the model and text, with the
 * dimension of the real model the name refers to, so clients see realistic sizes and the same
 * text always maps to the same vector (tests can compare).
 */
import { fnv1a, seededRandom } from "./seed.ts";

/** Known embedding models and their dimensions; matched by substring so aliases and full ids both work. */
const DIMENSIONS: [RegExp, number][] = [
  [/bge-m3/i, 1024],
  [/jina/i, 768],
  [/e5-small/i, 384],
];
export const EMBEDDING_MODELS = ["BAAI/bge-m3", "jinaai/jina-embeddings-v2-base-code", "intfloat/multilingual-e5-small"];
const DEFAULT_DIMENSION = 384;

export const dimensionOf = (model: string): number => DIMENSIONS.find(([re]) => re.test(model))?.[1] ?? DEFAULT_DIMENSION;

export function embed(text: string, model: string): number[] {
  const random = seededRandom(fnv1a(`${model}\u0000${text}`));
  const v = Array.from({ length: dimensionOf(model) }, () => random() * 2 - 1);
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

/** Parses `input` (a string or an array of strings); a reason string when unusable. */
export function parseEmbeddingInput(input: unknown): string[] | string {
  if (typeof input === "string") return [input];
  if (Array.isArray(input) && input.length > 0 && input.every((s) => typeof s === "string")) return input as string[];
  return "'input' must be a string or a non-empty array of strings";
}
