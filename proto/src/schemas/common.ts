/**
 * Building blocks shared by several contracts: chat messages, history, persona sliders.
 * Bounds exist so one request can never make a service allocate without limit.
 */
import { Type, type Static } from "@sinclair/typebox";
import { FreeText, Identifier } from "./text.ts";

/** One message of a conversation, as the CRM stores it. */
export const ChatMessage = Type.Object({
  role: Type.Union([Type.Literal("user"), Type.Literal("assistant")], {
    description: "`user` = the fan, `assistant` = the creator's persona",
  }),
  content: FreeText({ maxLength: 8000 }),
});
export type ChatMessage = Static<typeof ChatMessage>;

/** Conversation history, oldest first. 200 items at most. */
export const History = Type.Array(ChatMessage, { maxItems: 200, default: [] });
export type History = Static<typeof History>;

const slider = (description: string) =>
  Type.Optional(Type.Integer({ minimum: 1, maximum: 5, default: 3, description }));

/** The nine persona sliders (1–5, default 3) plus name, age and free traits. */
export const PersonaData = Type.Object({
  name: Type.Optional(FreeText({ minLength: 1, maxLength: 64, default: "Seline" })),
  sales_tactic: slider("1 never sells … 5 aggressive"),
  dominance: slider("1 submissive … 5 dominant"),
  audacity: slider("1 allusive … 5 very explicit"),
  tone: slider("1 playful … 5 serious"),
  emotion: slider("1 cold … 5 passionate"),
  initiative: slider("1 passive … 5 full control"),
  vocabulary: slider("1 simple … 5 very crude"),
  emojis: slider("1 none … 5 many"),
  imperfection: slider("1 flawless … 5 deliberate typos"),
  age: Type.Optional(Type.Integer({ minimum: 18, maximum: 99, description: "adults only: below 18 is rejected" })),
  traits: Type.Optional(FreeText({ maxLength: 1000 })),
});
export type PersonaData = Static<typeof PersonaData>;

/** The slider names, in the order prompts list them. */
export const SLIDERS = [
  "sales_tactic",
  "dominance",
  "audacity",
  "tone",
  "emotion",
  "initiative",
  "vocabulary",
  "emojis",
  "imperfection",
] as const;
export type Slider = (typeof SLIDERS)[number];

/** A persona with every default applied: what prompt builders receive. */
export type Persona = { name: string; age?: number; traits?: string } & Record<Slider, 1 | 2 | 3 | 4 | 5>;

export const SessionId = Type.Optional(Identifier({ maxLength: 128 }));
