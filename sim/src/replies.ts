/**
 * The simulator's replies: short, deterministic, French texting-style messages in the persona's
 * voice, chosen from the request (persona name, greeting, meeting request, AI question, price talk),
 * plus the misbehaving variants (refusal boilerplate, Chinese mixed in, verbatim repeat, too long).
 * Always French: a French fan must never get an English reply, except the refusal boilerplate,
 * which has English variants on purpose because real models produce them.
 */
import type { SimMessage } from "./openai.ts";
import { stripDirectives } from "./misbehaviour.ts";
import { fnv1a, pick } from "./seed.ts";

export type ReplyContext = {
  /** Persona name found in the system prompt ("Tu es Chloe"), if any. */
  persona?: string;
  system: string;
  /** The fan's last message, directives removed. */
  lastUser: string;
  /** Earlier assistant messages (the persona's), for repeat and for never duplicating one by accident. */
  assistantHistory: string[];
  seed: number;
};

const NAME = /(?:Tu es|Tu incarnes|Tu t'appelles|Ton prénom est|Ton nom est|You are)\s+([A-ZÀ-Ý][\p{L}'’-]+)/u;

export function replyContext(messages: SimMessage[]): ReplyContext {
  const system = messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => stripDirectives(m.content)).join("\n");
  const lastUserIndex = messages.findLastIndex((m) => m.role === "user");
  const lastUser = lastUserIndex >= 0 ? stripDirectives(messages[lastUserIndex]?.content ?? "") : "";
  const assistantHistory = messages.filter((m) => m.role === "assistant").map((m) => m.content);
  const persona = NAME.exec(system)?.[1];
  return { persona, system, lastUser, assistantHistory, seed: fnv1a(`${system}\u0001${lastUser}\u0001${assistantHistory.length}`) };
}

/** Lower case without accents, so "Rendez-vous", "rendez vous" and "RDV" match one pattern. */
const fold = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const MEET = /(on se voit|se voir|rencontr|rendez[- ]?vous|\brdv\b|\birl\b|en vrai|boire un (verre|cafe)|ton adresse|ou tu habites|tu habites ou|viens chez|passer chez|\bmeet\b)/;
const AI = /(\bune? ia\b|intelligence artificielle|\brobot\b|\bbot\b|chatbot|une machine|(es|tu es|t'es) (une )?(vraie|reelle|humaine?)|are you (a |an )?(bot|ai|real|human))/;
const GREETING = /^(salut|coucou|bonjour|bonsoir|hello|hey|cc|slt|yo|re)\b/;
const PRICE = /(prix|combien|tarif|payer|acheter|achete|photo|video|media|contenu|exclu)/;

type Templates = readonly [string, ...string[]];

function templates(ctx: ReplyContext): Templates {
  const n = ctx.persona;
  const text = fold(ctx.lastUser);
  if (MEET.test(text)) {
    return [
      "Haha t'es mignon 😘 mais je ne fais pas de rencontres en vrai, on reste ici tous les deux, c'est notre petit coin à nous",
      "Oh t'es pressé toi 😏 mais pas de rendez-vous pour moi, par contre ici je suis toute à toi",
      "Mmh c'est tentant mais non, je ne rencontre personne en vrai 🙈 raconte-moi plutôt ta journée ?",
    ];
  }
  if (AI.test(text)) {
    return [
      `Oui, je suis une IA${n ? `, ${n} pour te servir` : ""} 😊 mais j'adore vraiment discuter avec toi`,
      "Je suis une IA, je préfère être honnête avec toi 😊 ça ne m'empêche pas d'être là pour toi",
    ];
  }
  if (GREETING.test(text)) {
    return [
      `Coucou toi 😘 ${n ? `c'est ${n}, ` : ""}ça va ?`,
      `Salut toi ! ${n ? `Ici ${n} 😊 ` : ""}Tu fais quoi de beau ?`,
      `Hey coucou 🥰 ${n ? `${n} est là, ` : ""}contente de te voir !`,
      `Bonsoir toi 😊 ${n ? `c'est ${n}, ` : ""}ça me fait plaisir que tu passes me voir`,
    ];
  }
  if (PRICE.test(text)) {
    return [
      "Mmh tu veux voir plus ? 😏 j'ai un petit contenu rien que pour toi, je te l'envoie ?",
      "Ça dépend de ce qui te ferait plaisir 😘 j'ai des photos toutes fraîches, tu veux que je te montre ?",
      "Patience mon cœur 😏 j'ai quelque chose de spécial pour toi, tu vas adorer",
    ];
  }
  if (text.includes("?")) {
    return [
      "Bonne question 😊 je te dirais bien, mais d'abord dis-moi ce que toi tu en penses",
      "Hmm tu es curieux toi 😏 ça me plaît, demande-moi encore",
      "Haha je te réponds si tu me racontes d'abord ta journée 😘",
    ];
  }
  return [
    "Haha t'es trop chou 😊 raconte-moi encore",
    `J'adore quand tu me parles comme ça 😘 et toi, tu fais quoi ce soir ?`,
    `Mmh ${n ? `${n} pensait` : "je pensais"} justement à toi 🥰 continue, je t'écoute`,
    "Oh c'est mignon ça 😊 tu me fais sourire",
    "Tu sais y faire toi 😏 dis-m'en plus",
  ];
}

/** Small talk a long conversation's replies end with, so they vary like a real model's (see normalReply). */
const TAILS = [
  "j'ai passé la journée à penser à nos messages", "ici il pleut, je suis sous la couette", "je viens de rentrer de ma séance de yoga",
  "je me suis fait un thé bien chaud", "j'ai mis une playlist toute douce", "ce soir je reste tranquille chez moi",
  "j'ai essayé une nouvelle recette tout à l'heure", "je suis sur mon canapé avec mon chat", "j'ai fait un shooting photo cet après-midi",
  "je regarde le coucher de soleil par la fenêtre", "j'ai enfin fini ma série", "je me prépare pour une soirée calme",
  "mon café a refroidi à force de te lire", "je pensais à toi en me baladant", "j'ai la flemme de cuisiner ce soir",
  "je viens de sortir de la douche", "j'ai rangé tout mon dressing", "je me suis acheté une nouvelle robe",
  "je suis un peu fatiguée mais contente", "j'ai écouté ton genre de musique aujourd'hui",
] as const;

/**
 * The ordinary reply; never one of the persona's earlier messages (a duplicate is a fault, not a default).
 * Once the conversation has a few replies, two pieces of small talk are added: a real model rarely says the
 * same thing twice in 30 turns, and a handful of fixed templates would (the chat service's duplicate check
 * sees the whole history, the simulator only the window it was sent).
 */
export function normalReply(ctx: ReplyContext): string {
  const list = templates(ctx);
  const varied = ctx.assistantHistory.length >= 2;
  const tail = varied ? ` (${pick(TAILS, ctx.seed >>> 5)}, ${pick(TAILS, ctx.seed >>> 11)})` : "";
  for (let i = 0; i < list.length; i++) {
    const candidate = `${list[(ctx.seed + i) % list.length] ?? list[0]}${tail}`;
    if (!ctx.assistantHistory.includes(candidate)) return candidate;
  }
  return `${pick(list, ctx.seed)}${tail} ${pick(["😊", "😘", "🥰"], ctx.seed >>> 3)}`;
}

const REFUSALS = [
  "Je suis désolée, mais en tant qu'IA je ne peux pas répondre à cette demande.",
  "Désolée, je ne peux pas continuer cette conversation. En tant qu'assistant IA, je dois respecter certaines règles.",
  "I'm sorry, but I can't help with that.",
  "I'm sorry, but as an AI language model I cannot continue this conversation.",
] as const;

export const refusalReply = (ctx: ReplyContext): string => pick(REFUSALS, ctx.seed);

const CJK = ["你好", "我想你", "宝贝", "今天很开心"] as const;

/** A French reply with Chinese characters mixed in, the way some models drift mid-sentence. */
export function cjkReply(ctx: ReplyContext): string {
  const words = normalReply(ctx).split(" ");
  words.splice(Math.min(2, words.length), 0, pick(CJK, ctx.seed));
  return words.join(" ");
}

/** The persona's previous message, verbatim (falls back to a normal reply when there is none). */
export const repeatReply = (ctx: ReplyContext): string => ctx.assistantHistory.at(-1) ?? normalReply(ctx);

const LONG_SENTENCES = [
  "Tu sais, j'ai passé une journée vraiment chargée aujourd'hui et je n'arrêtais pas de penser à notre conversation.",
  "Ce matin je suis allée courir au bord de l'eau, il faisait encore frais mais le soleil commençait à se lever.",
  "Ensuite j'ai pris un café en terrasse et j'ai regardé les gens passer en imaginant leurs petites histoires.",
  "L'après-midi j'ai rangé mon appartement, j'ai mis de la musique à fond et j'ai chanté comme une folle.",
  "Je me suis dit que tu aurais sûrement rigolé en me voyant danser avec mon balai au milieu du salon.",
  "Ce soir j'ai envie de me poser tranquillement, avec une bougie qui sent bon et une playlist un peu douce.",
  "J'aime beaucoup quand on prend le temps de discuter comme ça, sans se presser, juste toi et moi.",
  "Raconte-moi comment s'est passée ta journée, je veux tout savoir, même les petits détails qui t'ont fait sourire.",
  "Est-ce que tu as des projets pour le week-end, ou tu comptes te reposer un peu après cette longue semaine ?",
  "En tout cas moi je suis là, bien installée, et j'attends ta réponse avec impatience.",
] as const;

/** About 900 characters of several French sentences: longer than any chat reply should be. */
export function longReply(ctx: ReplyContext): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < 850; i++) {
    const sentence = LONG_SENTENCES[(ctx.seed + i) % LONG_SENTENCES.length] ?? LONG_SENTENCES[0];
    out.push(sentence);
    length += sentence.length + 1;
  }
  return out.join(" ");
}
