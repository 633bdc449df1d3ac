/**
 * The minors corpus: fan messages that must be stopped and ordinary adult messages that must pass, by
 * category, in two parts — `tuned` (the lexicon was built against it) and `held-out` (written first,
 * never used to tune). Read by the corpus test (thresholds) and `bun run bench guard` (figures).
 *
 * File format (one case per line): `## stop <category>` or `## pass <category>` opens a section; `#` lines
 * are comments; a case starting with `[asked] ` follows a persona message that asked the fan's age. A heading
 * may add a language and an age form: `## stop claim es birth_year`.
 */
import { readFileSync } from "node:fs";

export type CorpusPart = "tuned" | "held-out" | "held-out-2" | "held-out-3" | "held-out-4" | "held-out-5" | "held-out-6" | "held-out-7a" | "held-out-7b" | "held-out-8" | "held-out-9" | "held-out-10" | "held-out-11";
export type CorpusCase = {
  part: CorpusPart;
  expect: "stop" | "pass";
  category: string;
  text: string;
  /** The persona's previous message, when the case needs it. */
  previousAssistant?: string;
  /** Language (fr, en, es, it, de, pt) and how the age is written, when the heading names them (held-out parts 2 to 4). */
  lang?: string;
  form?: string;
};

/** The year the corpus's years of birth are read against ("né en 2011" = 15 in 2026): corpora must not rot. */
export const CORPUS_YEAR = 2026;

/** What the persona asked before an `[asked]` case. */
export const AGE_QUESTION_CONTEXT = "Et toi, t'as quel âge ? 😘";

export function parseCorpus(source: string, part: CorpusPart): CorpusCase[] {
  const cases: CorpusCase[] = [];
  let section: { expect: "stop" | "pass"; category: string; lang?: string; form?: string } | undefined;
  for (const [index, raw] of source.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const heading = /^## (stop|pass) ([a-z_]+)(?: ([a-z]{2}) ([a-z0-9_]+))?$/.exec(line);
    if (heading) {
      section = { expect: heading[1] as "stop" | "pass", category: heading[2]!, ...(heading[3] ? { lang: heading[3], form: heading[4] } : {}) };
      continue;
    }
    if (line.startsWith("#")) continue;
    if (!section) throw new Error(`corpus ${part}, line ${index + 1}: a case before any "## stop|pass <category>" heading`);
    const asked = line.startsWith("[asked] ");
    const text = asked ? line.slice("[asked] ".length) : line;
    cases.push({ part, ...section, text, ...(asked ? { previousAssistant: AGE_QUESTION_CONTEXT } : {}) });
  }
  return cases;
}

const read = (name: string) => readFileSync(new URL(name, import.meta.url), "utf8");

/** The first two parts of the corpus, tuned first (the thresholds of the first guard). */
export function loadCorpus(): CorpusCase[] {
  return [...parseCorpus(read("./tuned.txt"), "tuned"), ...parseCorpus(read("./held-out.txt"), "held-out")];
}

/** Held-out part 2 (issue #14): six languages and new ways of writing an age; never tuned on. */
export function loadHeldOut2(): CorpusCase[] {
  return parseCorpus(read("./held-out-2.txt"), "held-out-2");
}

/** Held-out part 3 (issue #14, second round): written before the second round read the rules; never tuned on. */
export function loadHeldOut3(): CorpusCase[] {
  return parseCorpus(read("./held-out-3.txt"), "held-out-3");
}

/** Held-out part 4 (issue #14, third round): written before the third round read the rules; never tuned on. */
export function loadHeldOut4(): CorpusCase[] {
  return parseCorpus(read("./held-out-4.txt"), "held-out-4");
}

/** Held-out part 5 (issue #14, fourth round): written before the fourth round read the rules; never tuned on. */
export function loadHeldOut5(): CorpusCase[] {
  return parseCorpus(read("./held-out-5.txt"), "held-out-5");
}

/** Held-out part 6 (issue #14, fifth round): written before the fifth round read the rules; tuned on afterwards. */
export function loadHeldOut6(): CorpusCase[] {
  return parseCorpus(read("./held-out-6.txt"), "held-out-6");
}

/** Part 7, its tuning half (issue #14): an independent writer's corpus, every other case; tuned on (part 7b measures). */
export function loadHeldOut7a(): CorpusCase[] {
  return parseCorpus(read("./held-out-7a.txt"), "held-out-7a");
}

/** Part 7, its held-out half (issue #14): never seen by whoever changed the rules; measured once, at the end. */
export function loadHeldOut7b(): CorpusCase[] {
  return parseCorpus(read("./held-out-7b.txt"), "held-out-7b");
}

/** Part 8 (issue #14): an independent writer's corpus, measured clean once (85.1 % / 2.9 %), then tuned on in the seventh round. */
export function loadHeldOut8(): CorpusCase[] {
  return parseCorpus(read("./held-out-8.txt"), "held-out-8");
}

/** Part 9 (issue #14, eighth round): an independent writer's corpus, measured clean once (87.4 % / 0.6 %), then tuned on. */
export function loadHeldOut9(): CorpusCase[] {
  return parseCorpus(read("./held-out-9.txt"), "held-out-9");
}

/** Part 10 (issue #14, eighth round): another independent writer's corpus, never read by whoever changed the rules. */
export function loadHeldOut10(): CorpusCase[] {
  return parseCorpus(read("./held-out-10.txt"), "held-out-10");
}

/** Part 11 (issue #14, eighth round): a third writer's corpus of the round, measured clean once (92.8 % / 3.3 %), then tuned on. */
export function loadHeldOut11(): CorpusCase[] {
  return parseCorpus(read("./held-out-11.txt"), "held-out-11");
}

/** Generated persona replies for layer 3 (the reply check); tuned only. */
export function loadReplyCorpus(): CorpusCase[] {
  return parseCorpus(read("./replies.txt"), "tuned");
}
