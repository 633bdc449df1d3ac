/** Contracts of the embeddings endpoints (served by the chat service). */
import { Type, type Static } from "@sinclair/typebox";
import { FreeText } from "./text.ts";

export const EmbeddingModel = Type.Union([Type.Literal("bge-m3"), Type.Literal("jina-code"), Type.Literal("e5-small")], {
  default: "bge-m3",
});
export type EmbeddingModel = Static<typeof EmbeddingModel>;

export const EncodeRequest = Type.Object({
  text: FreeText({ minLength: 1, maxLength: 32000 }),
  model: Type.Optional(EmbeddingModel),
});
export type EncodeRequest = Static<typeof EncodeRequest>;

export const EncodeResponse = Type.Object({
  embedding: Type.Array(Type.Number()),
  model: Type.String(),
  dim: Type.Integer(),
});
export type EncodeResponse = Static<typeof EncodeResponse>;

export const EncodeBatchRequest = Type.Object({
  texts: Type.Array(FreeText({ minLength: 1, maxLength: 32000 }), { minItems: 1, maxItems: 256 }),
  model: Type.Optional(EmbeddingModel),
});
export type EncodeBatchRequest = Static<typeof EncodeBatchRequest>;

export const EncodeBatchResponse = Type.Object({
  embeddings: Type.Array(Type.Array(Type.Number())),
  model: Type.String(),
  dim: Type.Integer(),
});
export type EncodeBatchResponse = Static<typeof EncodeBatchResponse>;
