/**
 * The literal words a pattern cannot match without (issue #14, the lexicon's cost): for a regular expression,
 * sets of plain strings such that every match of the pattern contains at least one string of each set — "j'ai",
 * "tengo", "i'm"… for "\b(?:j'ai|tengo|i'm)\s(\d+)"; "en"/"de" and "6e"/"seconde"… for "(?:en|de) (?:6e|seconde)".
 * The gate (gate.ts) looks for all of them in one pass over a message, and skips a pattern when one of its sets is
 * wholly absent: the pattern could not have matched.
 *
 * Derived from the pattern's own source, so a reader's triggers can never fall behind its pattern: the source is
 * parsed by regexpp (the standard JavaScript regex parser, with the pattern's flags) and its tree walked. The
 * reading is conservative: whatever it does not understand (a class of many letters, a back-reference, a flag that
 * changes what a letter matches) counts as "anything", and a pattern whose every match cannot be pinned to a
 * literal gets none (`null`: never skipped). Lookarounds consume nothing and add no literal.
 */
import { type AST, RegExpParser } from "@eslint-community/regexpp";


/** Literals one of which every match contains. */
type Clause = ReadonlySet<string>;
/**
 * Every string the node can match, when there are few; else clauses that every match satisfies (each clause: one
 * of its literals is in the match), and the strings one of which every match ends with (so "[^a]bc" still
 * requires "bc", not only "b").
 */
type Info = { exact?: ReadonlySet<string>; clauses: readonly Clause[]; tail?: ReadonlySet<string> };

// Bounds that keep the analysis small: past them a set of exact strings is reduced to what a match must contain.
const MAX_EXACT = 64;
const MAX_CLASS = 16;
// A literal longer than this is cut: a match that holds the whole string holds its beginning too.
const MAX_LITERAL = 12;
// The most selective clauses are kept: "en 6e" needs "en" and "6e", and "6e" alone already skips most messages.
const MAX_CLAUSES = 2;

const ANYTHING: Info = { clauses: [] };
const EMPTY: Info = { exact: new Set([""]), clauses: [] };
const exactly = (strings: Iterable<string>): Info => {
  const exact = new Set(strings);
  return { exact, clauses: exact.has("") ? [] : [exact] };
};

/** What every match must satisfy, read from an Info. */
const clausesOf = (info: Info): readonly Clause[] => (info.exact ? (info.exact.has("") ? [] : [info.exact]) : info.clauses);

/** A clause's selectivity: its shortest literal (a literal of four letters is rare enough), then fewer literals. */
const shortest = (clause: Clause) => Math.min(4, ...[...clause].map((s) => s.length));
const bySelectivity = (a: Clause, b: Clause) => shortest(b) - shortest(a) || a.size - b.size;

// A clause that a single letter, digit, space or common mark satisfies holds for nearly every message: worth nothing.
const WEAK = /^[a-z0-9 .,;:!?'-]$/;
const weak = (clause: Clause) => [...clause].some((literal) => WEAK.test(literal));

/** The most selective clauses of several lists, each once (weak ones dropped). */
function strongest(...lists: (readonly Clause[])[]): Clause[] {
  const seen = new Set<string>();
  const out: Clause[] = [];
  for (const clause of lists.flat().filter((c) => !weak(c)).sort(bySelectivity)) {
    const key = [...clause].sort().join("\u0000");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(clause);
    if (out.length === MAX_CLAUSES) break;
  }
  return out;
}

const product = (a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> | undefined => {
  if (a.size * b.size > MAX_EXACT) return undefined;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
};

function concat(a: Info, b: Info): Info {
  if (a.exact && b.exact) {
    const exact = product(a.exact, b.exact);
    if (exact) return exactly(exact);
  }
  // The end of the match: b's strings, after the end of a's when both are known.
  const tailOfA = a.exact ?? a.tail;
  const tail = b.exact ? ((tailOfA && product(tailOfA, b.exact)) ?? b.exact) : b.tail;
  const fromTail = tail && !tail.has("") ? [tail] : [];
  return { clauses: strongest(clausesOf(a), clausesOf(b), fromTail), tail };
}

function alternation(branches: Info[]): Info {
  if (branches.every((b) => b.exact) && branches.reduce((n, b) => n + b.exact!.size, 0) <= MAX_EXACT) {
    return exactly(branches.flatMap((b) => [...b.exact!]));
  }
  // One branch or another: the k-th clause of the whole joins each branch's k-th strongest (or its only) clause.
  const perBranch = branches.map((b) => strongest(clausesOf(b)));
  if (perBranch.some((clauses) => clauses.length === 0)) return ANYTHING;
  const clauses: Clause[] = [];
  for (let k = 0; k < MAX_CLAUSES; k++) {
    const union = new Set<string>();
    for (const c of perBranch) for (const s of c[Math.min(k, c.length - 1)]!) union.add(s);
    clauses.push(union);
  }
  return { clauses: strongest(clauses) };
}

function repeat(atom: Info, min: number, max: number): Info {
  if (min === 1 && max === 1) return atom;
  if (min === 0) return max === 1 && atom.exact ? exactly([...atom.exact, ""]) : max === 0 ? EMPTY : ANYTHING;
  // At least one occurrence: whatever one occurrence must contain, the whole does.
  return { clauses: clausesOf(atom) };
}

// The walk of regexpp's tree: what each node contributes; a node it does not know counts as "anything".
const DIGITS = "0123456789";
const parser = new RegExpParser();

/** One branch or several: `a|b|c`. */
function alternatives(branches: readonly AST.Alternative[]): Info {
  const infos = branches.map(sequence);
  return infos.length === 1 ? infos[0]! : alternation(infos);
}

/** The elements of one branch, one after the other. */
const sequence = (branch: AST.Alternative): Info => branch.elements.reduce((info, element) => concat(info, read(element)), EMPTY);

function read(node: AST.Element): Info {
  switch (node.type) {
    case "Character": return exactly([String.fromCodePoint(node.value)]);
    case "CharacterClass": return charClass(node);
    // \d spelt out; ".", \w, \s, \p{…} and their negations match too much to be worth a literal.
    case "CharacterSet": return node.kind === "digit" && !node.negate ? exactly(DIGITS) : ANYTHING;
    case "Quantifier": return repeat(read(node.element), node.min, node.max); // lazy or greedy: the same strings
    // A group that turns on case folding ((?i:…)) matches letters this reading does not spell.
    case "Group": return node.modifiers?.add.ignoreCase ? ANYTHING : alternatives(node.alternatives);
    case "CapturingGroup": return alternatives(node.alternatives);
    // ^, $, \b, \B and lookarounds consume nothing: what a lookaround asks of the text is not part of the match.
    case "Assertion": return EMPTY;
    default: return ANYTHING; // a back-reference, a class of the v flag's set notation
  }
}

/** A bracketed class: its characters when few (and not negated), else "anything". */
function charClass(node: AST.CharacterClass): Info {
  if (node.negate) return ANYTHING;
  const chars = new Set<string>();
  for (const member of node.elements) {
    if (member.type === "Character") chars.add(String.fromCodePoint(member.value));
    else if (member.type === "CharacterClassRange" && member.max.value - member.min.value <= MAX_CLASS) {
      for (let code = member.min.value; code <= member.max.value; code++) chars.add(String.fromCodePoint(code));
    } else if (member.type === "CharacterSet" && member.kind === "digit" && !member.negate) for (const digit of DIGITS) chars.add(digit);
    else return ANYTHING; // \w, \s, \p{…}, a wide range
  }
  return chars.size > MAX_CLASS ? ANYTHING : exactly(chars);
}

/** Keeps the literals short and the clause minimal: one that holds another adds nothing ("ans" covers "ans de"). */
function minimal(literals: Clause): string[] {
  const cut = [...new Set([...literals].map((s) => s.slice(0, MAX_LITERAL)))].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of cut) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/**
 * Clauses every match of `pattern` satisfies, most selective first: for each clause, the match contains one of
 * its literals. Null when the pattern has none (it may match without any fixed text, or uses a flag this reading
 * does not follow).
 */
export function requiredLiterals(pattern: RegExp): string[][] | null {
  if (/[iv]/.test(pattern.flags)) return null; // case folding and set notation: not read here
  let tree: AST.Pattern;
  try {
    tree = parser.parsePattern(pattern.source, 0, pattern.source.length, { unicode: pattern.flags.includes("u") });
  } catch {
    return null; // a syntax this parser does not know: nothing to gate on
  }
  const info = alternatives(tree.alternatives);
  const clauses = strongest(clausesOf(info)).filter((clause) => clause.size > 0 && !clause.has(""));
  return clauses.length === 0 ? null : clauses.map(minimal);
}
