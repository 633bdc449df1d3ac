/** Contracts of the media service: which media each fan already received. */
import { Type, type Static } from "@sinclair/typebox";
import { Identifier } from "./text.ts";

const FanId = Identifier({ minLength: 1, maxLength: 128 });
const MediaId = Identifier({ minLength: 1, maxLength: 256 });
const MediaType = Type.Optional(Identifier({ maxLength: 64 }));
const MediaTags = Type.Optional(Type.Array(Identifier({ maxLength: 64 }), { maxItems: 50 }));
const ContentHash = Type.Optional(Identifier({ minLength: 1, maxLength: 256 }));
const Price = Type.Optional(Type.Number({ minimum: 0, maximum: 100000 }));
const IsoDate = Type.Optional(Identifier({ maxLength: 64, description: "ISO 8601" }));

export const MediaSentRequest = Type.Object({
  fan_id: FanId,
  media_id: MediaId,
  media_type: MediaType,
  media_tags: MediaTags,
  content_hash: ContentHash,
  price: Price,
  sent_at: IsoDate,
  event_id: Type.Optional(Identifier({ minLength: 1, maxLength: 128, description: "idempotency key" })),
});
export type MediaSentRequest = Static<typeof MediaSentRequest>;

export const MediaSentResponse = Type.Object({
  recorded: Type.Boolean(),
  already_sent_before: Type.Boolean(),
  times_sent: Type.Integer(),
});
export type MediaSentResponse = Static<typeof MediaSentResponse>;

export const MediaCheckRequest = Type.Object({
  fan_id: FanId,
  media_ids: Type.Array(MediaId, { maxItems: 1000 }),
});
export type MediaCheckRequest = Static<typeof MediaCheckRequest>;

export const MediaCheckResponse = Type.Object({
  duplicates: Type.Array(Type.String()),
  safe_to_send: Type.Array(Type.String()),
});
export type MediaCheckResponse = Static<typeof MediaCheckResponse>;

export const AvailableMedia = Type.Object({
  media_id: MediaId,
  priority: Type.Optional(Type.Number()),
  media_type: MediaType,
  media_tags: MediaTags,
  content_hash: ContentHash,
  price: Price,
});
export type AvailableMedia = Static<typeof AvailableMedia>;

export const MediaRecommendRequest = Type.Object({
  fan_id: FanId,
  available_media: Type.Array(AvailableMedia, { maxItems: 1000 }),
  max_results: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 3 })),
});
export type MediaRecommendRequest = Static<typeof MediaRecommendRequest>;

export const MediaRecommendResponse = Type.Object({
  recommended: Type.Array(AvailableMedia),
  excluded_count: Type.Integer(),
});
export type MediaRecommendResponse = Static<typeof MediaRecommendResponse>;

export const MediaFanRequest = Type.Object({ fan_id: FanId });
export type MediaFanRequest = Static<typeof MediaFanRequest>;

export const MediaHistoryItem = Type.Object({
  media_id: Type.String(),
  media_type: Type.Union([Type.String(), Type.Null()]),
  media_tags: Type.Array(Type.String()),
  times_sent: Type.Integer(),
  first_sent_at: Type.String(),
  last_sent_at: Type.String(),
});
export const MediaHistoryResponse = Type.Object({
  fan_id: Type.String(),
  total: Type.Integer(),
  items: Type.Array(MediaHistoryItem),
});
export type MediaHistoryResponse = Static<typeof MediaHistoryResponse>;

export const MediaImportRequest = Type.Object({
  records: Type.Array(
    Type.Object({
      fan_id: FanId,
      media_id: MediaId,
      media_type: MediaType,
      media_tags: MediaTags,
      sent_at: IsoDate,
      times_sent: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    }),
    { maxItems: 10000 },
  ),
});
export type MediaImportRequest = Static<typeof MediaImportRequest>;

export const MediaImportResponse = Type.Object({ imported: Type.Integer(), skipped: Type.Integer() });
export type MediaImportResponse = Static<typeof MediaImportResponse>;

export const MediaDeleteResponse = Type.Object({ fan_id: Type.String(), deleted: Type.Integer() });
export type MediaDeleteResponse = Static<typeof MediaDeleteResponse>;
