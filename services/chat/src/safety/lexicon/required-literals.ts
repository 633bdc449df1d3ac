/**
 * The literal words a pattern cannot match without (issue #14, the lexicon's cost): for a regular expression,
 * sets of plain strings such that every match of the pattern contains at least one string of each set — "j'ai",
 * "tengo", "i'm"… for "\b(?:j'ai|tengo|i'm)\s(\d+)"; "en"/"de" and "6e"/"seconde"… for "(?:en|de) (?:6e|seconde)".
 * The gate (gate.ts) looks for all of them in one pass over a message, and skips a pattern when one of its sets is
 * wholly absent: the pattern could not have matched.
 *
 * Derived from the pattern's own source, so a reader's triggers can never fall behind its pattern. The reading is
 * conservative: whatever it does not understand (a class of many letters, a back-reference, a flag that changes
 * what a letter matches) counts as "anything", and a pattern whose every match cannot be pinned to a literal
 * gets none (`null`: never skipped). Lookarounds consume nothing and add no literal.
 */

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

/** A parser of the JavaScript pattern syntax, just enough to read literals; anything else is "anything". */
class Reader {
  private at = 0;
  constructor(private readonly src: string) {}

  read(): Info {
    const info = this.alternatives();
    if (this.at < this.src.length) throw new Error(`unexpected "${this.src[this.at]}" at ${this.at}`);
    return info;
  }

  private alternatives(): Info {
    const branches = [this.sequence()];
    while (this.src[this.at] === "|") {
      this.at++;
      branches.push(this.sequence());
    }
    return branches.length === 1 ? branches[0]! : alternation(branches);
  }

  private sequence(): Info {
    let info = EMPTY;
    while (this.at < this.src.length && this.src[this.at] !== "|" && this.src[this.at] !== ")") {
      info = concat(info, this.quantified(this.atom()));
    }
    return info;
  }

  private quantified(atom: Info): Info {
    const c = this.src[this.at];
    let min = 1;
    let max = 1;
    if (c === "?" || c === "*" || c === "+") {
      this.at++;
      [min, max] = c === "?" ? [0, 1] : c === "*" ? [0, Infinity] : [1, Infinity];
    } else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.at));
      if (!m) return atom; // a literal "{" (read by atom next time round)
      this.at += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
    } else return atom;
    if (this.src[this.at] === "?") this.at++; // lazy: same strings
    return repeat(atom, min, max);
  }

  private atom(): Info {
    const c = this.src[this.at]!;
    this.at++;
    switch (c) {
      case "(": return this.group();
      case "[": return this.charClass();
      case "\\": return this.escape(false);
      case ".": return ANYTHING;
      case "^": case "$": return EMPTY;
      default: return exactly([c]);
    }
  }

  private group(): Info {
    let lookaround = false;
    if (this.src.startsWith("?:", this.at)) this.at += 2;
    else if (/^\?<?[=!]/.test(this.src.slice(this.at))) {
      lookaround = true;
      this.at += this.src[this.at + 1] === "<" ? 3 : 2;
    } else if (this.src.startsWith("?<", this.at)) this.at = this.src.indexOf(">", this.at) + 1; // named group
    const inner = this.alternatives();
    if (this.src[this.at] !== ")") throw new Error(`unclosed group at ${this.at}`);
    this.at++;
    // A lookaround consumes nothing: what it asks of the text is not part of the match.
    return lookaround ? EMPTY : inner;
  }

  /** An escape: a literal character, a class of few (\d), a zero-width assertion, or "anything". */
  private escape(inClass: boolean): Info {
    const c = this.src[this.at]!;
    this.at++;
    if (c === "b" || c === "B") return inClass ? exactly(["\b"]) : EMPTY;
    if (c === "d") return exactly("0123456789");
    if ("DwWsS".includes(c)) return ANYTHING;
    if (c === "p" || c === "P") {
      this.at = this.src.indexOf("}", this.at) + 1;
      return ANYTHING;
    }
    if (c === "k") {
      this.at = this.src.indexOf(">", this.at) + 1;
      return ANYTHING;
    }
    if (/[1-9]/.test(c)) {
      while (/\d/.test(this.src[this.at] ?? "")) this.at++;
      return ANYTHING; // a back-reference
    }
    if (c === "u" && /^[0-9a-fA-F]{4}/.test(this.src.slice(this.at))) {
      const code = this.src.slice(this.at, this.at + 4);
      this.at += 4;
      return exactly([String.fromCharCode(parseInt(code, 16))]);
    }
    if (c === "u" && this.src[this.at] === "{") {
      const end = this.src.indexOf("}", this.at);
      const code = this.src.slice(this.at + 1, end);
      this.at = end + 1;
      return exactly([String.fromCodePoint(parseInt(code, 16))]);
    }
    if (c === "x" && /^[0-9a-fA-F]{2}/.test(this.src.slice(this.at))) {
      const code = this.src.slice(this.at, this.at + 2);
      this.at += 2;
      return exactly([String.fromCharCode(parseInt(code, 16))]);
    }
    const controls: Record<string, string> = { n: "\n", r: "\r", t: "\t", f: "\f", v: "\v", "0": "\0" };
    if (c in controls) return exactly([controls[c]!]);
    if (c === "c") return ANYTHING;
    return exactly([c]); // an escaped punctuation mark: itself
  }

  /** A bracketed class: its characters when few (and not negated), else "anything". */
  private charClass(): Info {
    const negated = this.src[this.at] === "^";
    if (negated) this.at++;
    const chars = new Set<string>();
    let open = false; // a member that is not a plain character (\w, \s, \p{…})
    while (this.at < this.src.length && this.src[this.at] !== "]") {
      let from: string | undefined;
      if (this.src[this.at] === "\\") {
        this.at++;
        const member = this.escape(true);
        if (member.exact && member.exact.size === 1) from = [...member.exact][0]!;
        else if (member.exact) for (const ch of member.exact) chars.add(ch);
        else open = true;
      } else from = this.src[this.at++]!;
      if (from === undefined) continue;
      if (this.src[this.at] === "-" && this.src[this.at + 1] !== "]" && this.at + 1 < this.src.length) {
        this.at++;
        let to: string;
        if (this.src[this.at] === "\\") {
          this.at++;
          const member = this.escape(true);
          if (!member.exact || member.exact.size !== 1) { open = true; continue; }
          to = [...member.exact][0]!;
        } else to = this.src[this.at++]!;
        const span = to.charCodeAt(0) - from.charCodeAt(0);
        if (span < 0 || span > MAX_CLASS) { open = true; continue; }
        for (let code = from.charCodeAt(0); code <= to.charCodeAt(0); code++) chars.add(String.fromCharCode(code));
      } else chars.add(from);
    }
    if (this.src[this.at] !== "]") throw new Error("unclosed class");
    this.at++;
    if (negated || open || chars.size > MAX_CLASS) return ANYTHING;
    return exactly(chars);
  }
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
  let info: Info;
  try {
    info = new Reader(pattern.source).read();
  } catch {
    return null;
  }
  const clauses = strongest(clausesOf(info)).filter((clause) => clause.size > 0 && !clause.has(""));
  return clauses.length === 0 ? null : clauses.map(minimal);
}
