/**
 * The chat endpoints as data: for each one, its prompt family (v1 long / v2 compact), which persona
 * speaks, which directives go after the history, and which backend answers. The pipeline is the same
 * for all of them (see reply.ts).
 */
import type {
  PersonaData,
  PersonalityChatRequest,
  ScriptChatRequest,
  ScriptFollowupRequest,
  ScriptMediaRequest,
  ScriptPaywallRequest,
} from "@sinhome/proto";
import {
  buildChloePrompt,
  buildV1FollowupDirective,
  buildV1MediaDirective,
  buildV1PaywallDirective,
  buildV1PersonalityPrompt,
  buildV1ScriptDirective,
  buildV2FollowupDirective,
  buildV2PersonalityPrompt,
  buildV2ScriptDirective,
  resolvePersona,
  type PromptParts,
} from "../persona/index.ts";

export type Family = "v1" | "v2";

/** What every persona endpoint's body has in common (the followup's message may be empty). */
export type PersonaChatBody = {
  session_id?: string;
  message?: string;
  history?: PersonalityChatRequest["history"];
  persona_data?: PersonaData;
  script?: string;
};

export type PersonaEndpoint = {
  /** Endpoint name: the bus endpoint, the metrics label. */
  name: string;
  /** HTTP path, as shown in the conversation log. */
  path: string;
  family: Family;
  backend: "auto" | "grok";
  /** Directives placed after the history, highest priority first. */
  directives(body: PersonaChatBody): string[];
  /** The prompt, given the directives (safety directives appended by the pipeline). */
  prompt(body: PersonaChatBody, directives: string[]): PromptParts;
  /** The persona's traits, for the minors guard (free text written by the CRM). */
  traits(body: PersonaChatBody): string | undefined;
};

const sliderPersona = (family: Family) => (body: PersonaChatBody, directives: string[]) =>
  family === "v1" ? buildV1PersonalityPrompt(resolvePersona(body.persona_data), directives) : buildV2PersonalityPrompt(resolvePersona(body.persona_data), directives);
const chloe = (_: PersonaChatBody, directives: string[]) => buildChloePrompt(directives);
const sliderTraits = (body: PersonaChatBody) => body.persona_data?.traits;
const noTraits = () => undefined;
const script = (body: PersonaChatBody) => (body.script ? [buildV1ScriptDirective(body.script)] : []);

export const PERSONA_ENDPOINTS: readonly PersonaEndpoint[] = [
  { name: "personality_chat", path: "/personality_chat", family: "v1", backend: "auto", directives: () => [], prompt: sliderPersona("v1"), traits: sliderTraits },
  { name: "script_chat", path: "/script_chat", family: "v1", backend: "auto", directives: script, prompt: sliderPersona("v1"), traits: sliderTraits },
  {
    name: "script_followup", path: "/script_followup", family: "v1", backend: "auto",
    directives: (b) => [buildV1FollowupDirective((b as ScriptFollowupRequest).script)],
    prompt: sliderPersona("v1"), traits: sliderTraits,
  },
  { name: "unpersona_chat", path: "/unpersona_chat", family: "v1", backend: "auto", directives: () => [], prompt: chloe, traits: noTraits },
  { name: "grok_chat", path: "/grok_chat", family: "v1", backend: "grok", directives: () => [], prompt: chloe, traits: noTraits },
  {
    name: "script_media", path: "/script_media", family: "v1", backend: "auto",
    directives: (b) => {
      const m = b as ScriptMediaRequest;
      return [...script(b), buildV1MediaDirective({ description: m.media_description, type: m.media_type, price: m.price })];
    },
    prompt: sliderPersona("v1"), traits: sliderTraits,
  },
  {
    name: "script_paywall", path: "/script_paywall", family: "v1", backend: "auto",
    directives: (b) => {
      const p = b as ScriptPaywallRequest;
      return [...script(b), buildV1PaywallDirective({ price: p.price, currency: p.currency, description: p.media_description })];
    },
    prompt: sliderPersona("v1"), traits: sliderTraits,
  },
  { name: "v2_personality_chat", path: "/v2/personality_chat", family: "v2", backend: "auto", directives: () => [], prompt: sliderPersona("v2"), traits: sliderTraits },
  {
    name: "v2_script_chat", path: "/v2/script_chat", family: "v2", backend: "auto",
    directives: (b) => [buildV2ScriptDirective((b as ScriptChatRequest).script)],
    prompt: sliderPersona("v2"), traits: sliderTraits,
  },
  {
    name: "v2_script_followup", path: "/v2/script_followup", family: "v2", backend: "auto",
    directives: (b) => [buildV2FollowupDirective((b as ScriptFollowupRequest).script)],
    prompt: sliderPersona("v2"), traits: sliderTraits,
  },
];
