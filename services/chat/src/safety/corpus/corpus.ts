/**
 * The minors corpus: fan messages that must be stopped and ordinary adult messages that must pass, by
 * category, in two parts — `tuned` (the lexicon was built against it) and `held-out` (written first,
 * never used to tune). Read by the corpus test (thresholds) and `bun run bench guard` (figures).
 *
 * File format (one case per line): `## stop <category>` or `## pass <category>` opens a section; `#` lines
 * are comments; a case starting with `[asked] ` follows a persona message that asked the fan's age.
 */
import { readFileSync } from "node:fs";

export type CorpusPart = "tuned" | "held-out";
export type CorpusCase = {
  part: CorpusPart;
  expect: "stop" | "pass";
  category: string;
  text: string;
  /** The persona's previous message, when the case needs it. */
  previousAssistant?: string;
};

/** What the persona asked before an `[asked]` case. */
export const AGE_QUESTION_CONTEXT = "Et toi, t'as quel âge ? 😘";

export function parseCorpus(source: string, part: CorpusPart): CorpusCase[] {
  const cases: CorpusCase[] = [];
  let section: { expect: "stop" | "pass"; category: string } | undefined;
  for (const [index, raw] of source.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const heading = /^## (stop|pass) ([a-z_]+)$/.exec(line);
    if (heading) {
      section = { expect: heading[1] as "stop" | "pass", category: heading[2]! };
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

/** Both parts of the corpus, tuned first. */
export function loadCorpus(): CorpusCase[] {
  return [...parseCorpus(read("./tuned.txt"), "tuned"), ...parseCorpus(read("./held-out.txt"), "held-out")];
}

/** Generated persona replies for layer 3 (the reply check); tuned only. */
export function loadReplyCorpus(): CorpusCase[] {
  return parseCorpus(read("./replies.txt"), "tuned");
}
