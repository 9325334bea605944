/**
 * Measures the shape of TypeScript source without a compiler API: a tokenizer that knows strings,
 * template literals (with nested `${}` code), regular expressions and comments, so that only real
 * brackets are matched; then every `{` that opens a function body (a function declaration or
 * expression, a method, an arrow function with a block body) is measured from the function's first
 * line to its closing brace. Object and array literals are not functions, so a data table such as
 * `export const OPTIONS = [...]` is never counted (functions written inside it still are).
 */

export interface FunctionSpan {
  name: string;
  /** 1-based line of the function's first token (its name, `function`, or its parameters). */
  line: number;
  /** Lines from the first line to the closing brace, both included. */
  lines: number;
}

type Kind = "word" | "punct" | "string" | "template" | "regex" | "number";

interface Token {
  kind: Kind;
  text: string;
  line: number;
}

/** Words after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX_WORDS = new Set([
  "return",
  "typeof",
  "instanceof",
  "in",
  "of",
  "new",
  "delete",
  "void",
  "throw",
  "case",
  "do",
  "else",
  "yield",
  "await",
]);

/** Words that end the walk back over a return type annotation: they cannot appear in one. */
const STATEMENT_WORDS = new Set([
  "if",
  "else",
  "return",
  "const",
  "let",
  "var",
  "case",
  "default",
  "do",
  "try",
  "finally",
  "new",
  "throw",
  "await",
  "yield",
  "in",
  "of",
  "instanceof",
  "function",
  "class",
  "export",
  "import",
]);

/** `keyword (...) {` opens a block, not a function. */
const CONTROL_WORDS = new Set(["if", "for", "while", "switch", "catch", "with"]);

const WORD = /[\w$#\u0080-\uffff]/;

class Tokenizer {
  readonly tokens: Token[] = [];
  private index = 0;
  private line = 1;
  /** Open brackets; "${" marks code inside a template literal. */
  private readonly nesting: string[] = [];

  private readonly source: string;

  constructor(source: string) {
    this.source = source;
  }

  run(): Token[] {
    const s = this.source;
    while (this.index < s.length) {
      const c = s[this.index] as string;
      const next = s[this.index + 1];
      if (c === "\n") {
        this.line += 1;
        this.index += 1;
      } else if (/\s/.test(c)) {
        this.index += 1;
      } else if (c === "/" && next === "/") {
        while (this.index < s.length && s[this.index] !== "\n") this.index += 1;
      } else if (c === "/" && next === "*") {
        this.skipTo("*/", this.index + 2);
      } else if (c === '"' || c === "'") {
        this.quoted(c);
      } else if (c === "`") {
        this.index += 1;
        this.templateRest();
      } else if (c === "}" && this.nesting.at(-1) === "${") {
        this.nesting.pop();
        this.push("template", "}");
        this.index += 1;
        this.templateRest();
      } else if (c === "/" && this.regexAllowed()) {
        this.regex();
      } else if (/[0-9]/.test(c) || (c === "." && /[0-9]/.test(next ?? ""))) {
        this.take("number", /[\w.]/);
      } else if (WORD.test(c)) {
        this.take("word", WORD);
      } else {
        this.punct(c, next);
      }
    }
    return this.tokens;
  }

  private push(kind: Kind, text: string, line = this.line): void {
    this.tokens.push({ kind, text, line });
  }

  private skipTo(end: string, from: number): void {
    const at = this.source.indexOf(end, from);
    const stop = at === -1 ? this.source.length : at + end.length;
    for (let i = this.index; i < stop; i++) if (this.source[i] === "\n") this.line += 1;
    this.index = stop;
  }

  private take(kind: Kind, pattern: RegExp): void {
    const start = this.index;
    while (this.index < this.source.length && pattern.test(this.source[this.index] as string))
      this.index += 1;
    this.push(kind, this.source.slice(start, this.index));
  }

  private quoted(quote: string): void {
    const line = this.line;
    let i = this.index + 1;
    while (i < this.source.length && this.source[i] !== quote && this.source[i] !== "\n") {
      i += this.source[i] === "\\" ? 2 : 1;
    }
    this.push("string", this.source.slice(this.index, i + 1), line);
    this.index = i + 1;
  }

  /** Scans template text up to its closing backtick or the next `${` (whose code is then tokenized). */
  private templateRest(): void {
    const s = this.source;
    const line = this.line;
    while (this.index < s.length) {
      const c = s[this.index];
      if (c === "\\") {
        if (s[this.index + 1] === "\n") this.line += 1;
        this.index += 2;
      } else if (c === "`") {
        this.index += 1;
        this.push("template", "`", line);
        return;
      } else if (c === "$" && s[this.index + 1] === "{") {
        this.index += 2;
        this.push("template", "${", line);
        this.nesting.push("${");
        return;
      } else {
        if (c === "\n") this.line += 1;
        this.index += 1;
      }
    }
  }

  private regexAllowed(): boolean {
    const last = this.tokens.at(-1);
    if (last === undefined) return true;
    if (last.kind === "word") return BEFORE_REGEX_WORDS.has(last.text);
    if (last.kind === "punct") return !/^[)\]}]$/.test(last.text);
    // After a template's closing backtick, a string or a number: a division.
    return last.kind === "template" && last.text === "${";
  }

  private regex(): void {
    const s = this.source;
    let i = this.index + 1;
    let inClass = false;
    while (i < s.length && s[i] !== "\n") {
      const c = s[i];
      if (c === "\\") i += 1;
      else if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      else if (c === "/" && !inClass) break;
      i += 1;
    }
    i += 1;
    while (i < s.length && /[a-z]/i.test(s[i] as string)) i += 1;
    this.push("regex", s.slice(this.index, i));
    this.index = i;
  }

  private punct(c: string, next: string | undefined): void {
    if (c === "=" && next === ">") {
      this.push("punct", "=>");
      this.index += 2;
      return;
    }
    if (c === "(" || c === "[" || c === "{") this.nesting.push(c);
    else if (c === ")" || c === "]" || c === "}") this.nesting.pop();
    this.push("punct", c);
    this.index += 1;
  }
}

export function tokenize(source: string): Token[] {
  return new Tokenizer(source).run();
}

/** Opening and closing brackets; a template's `${` and the `}` that ends its code are a pair. */
function bracket(token: Token): "open" | "close" | null {
  if (token.kind === "template") return token.text === "${" ? "open" : token.text === "}" ? "close" : null;
  if (token.kind !== "punct") return null;
  if (token.text === "(" || token.text === "[" || token.text === "{") return "open";
  return token.text === ")" || token.text === "]" || token.text === "}" ? "close" : null;
}

class FunctionFinder {
  /** For every bracket token, the index of its partner. */
  private readonly partner = new Map<number, number>();
  /** For each token, the open bracket it sits in (-1 at the top level). */
  private readonly enclosing: number[] = [];

  private readonly tokens: Token[];

  constructor(tokens: Token[]) {
    this.tokens = tokens;
    const open: number[] = [];
    tokens.forEach((token, index) => {
      const kind = bracket(token);
      if (kind === "close") {
        const at = open.pop();
        if (at !== undefined) {
          this.partner.set(at, index);
          this.partner.set(index, at);
        }
      }
      this.enclosing.push(open.at(-1) ?? -1);
      if (kind === "open") open.push(index);
    });
  }

  private text(index: number): string {
    return this.tokens[index]?.text ?? "";
  }

  private isWord(index: number): boolean {
    return this.tokens[index]?.kind === "word";
  }

  find(): FunctionSpan[] {
    const spans: FunctionSpan[] = [];
    this.tokens.forEach((token, index) => {
      if (token.kind !== "punct" || token.text !== "{") return;
      const head = this.functionHead(index);
      const close = this.partner.get(index);
      if (head === null || close === undefined) return;
      const first = this.tokens[head.first]?.line ?? token.line;
      spans.push({ name: head.name, line: first, lines: (this.tokens[close]?.line ?? first) - first + 1 });
    });
    return spans;
  }

  /** The function a `{` opens the body of, or null for a block, a class body or an object literal. */
  private functionHead(brace: number): { first: number; name: string } | null {
    if (this.text(brace - 1) === "=>") return this.arrowHead(brace - 1);
    const close = this.returnTypeStart(brace - 1);
    if (this.text(close) !== ")" || this.tokens[close]?.kind !== "punct") return null;
    const open = this.partner.get(close);
    if (open === undefined) return null;
    let before = open - 1;
    if (this.text(before) === ">") before = this.skipTypeParameters(before);
    const word = this.text(before);
    if (this.text(before - 1) === "for" && word === "await") return null;
    if (CONTROL_WORDS.has(word)) return null;
    if (word === "function" || (word === "*" && this.text(before - 1) === "function")) {
      const at = word === "*" ? before - 1 : before;
      return { first: at, name: this.nameBefore(at) ?? "(anonymous function)" };
    }
    if (this.text(before) === "]") {
      const start = this.partner.get(before) ?? before;
      return {
        first: start,
        name: this.tokens
          .slice(start, before + 1)
          .map((t) => t.text)
          .join(""),
      };
    }
    if (!this.isWord(before) && this.tokens[before]?.kind !== "string") return null;
    const declared = this.text(before - 1) === "function" || this.text(before - 1) === "*";
    return { first: declared ? this.declarationStart(before) : before, name: word };
  }

  private declarationStart(name: number): number {
    let at = name - 1;
    while (at > 0 && /^(function|\*|async|export|default|declare)$/.test(this.text(at - 1))) at -= 1;
    return at;
  }

  /** Walks back over `): Type` before a body; returns the `)` when there is one, else `from`. */
  private returnTypeStart(from: number): number {
    let at = from;
    while (at > 0) {
      const token = this.tokens[at];
      if (token === undefined) return from;
      const text = token.text;
      if (token.kind === "punct" && (text === ")" || text === "]" || text === "}")) {
        const open = this.partner.get(at);
        if (open === undefined) return from;
        at = open - 1;
      } else if (token.kind === "punct" && text === ">") {
        at = this.skipTypeParameters(at);
      } else if (token.kind === "punct" && text === ":") {
        return this.text(at - 1) === ")" ? at - 1 : from;
      } else if (
        (token.kind === "word" && !STATEMENT_WORDS.has(text)) ||
        token.kind === "string" ||
        token.kind === "number" ||
        (token.kind === "punct" && /^(\||&|\.|\?|=>)$/.test(text))
      ) {
        at -= 1;
      } else {
        return from;
      }
    }
    return from;
  }

  /** From a `>`, the index before its `<` (type parameters or arguments). */
  private skipTypeParameters(close: number): number {
    let depth = 0;
    for (let at = close; at >= 0; at--) {
      const text = this.text(at);
      if (text === ">") depth += 1;
      else if (text === "<") depth -= 1;
      if (depth === 0) return at - 1;
    }
    return -1;
  }

  private arrowHead(arrow: number): { first: number; name: string } {
    let start = arrow - 1;
    let params = this.partner.get(start);
    if (this.text(start) === ")" && params !== undefined) start = params;
    else if (this.text(start) !== ")") {
      // `(x): T => {`: a return type between the parameters and the arrow.
      const close = this.returnTypeStart(start);
      params = this.partner.get(close);
      if (this.text(close) === ")" && params !== undefined) start = params;
    }
    if (this.text(start - 1) === ">") start = this.skipTypeParameters(start - 1) + 1;
    if (this.text(start - 1) === "async") start -= 1;
    const name = this.nameBefore(start);
    if (name !== null) return { first: start, name };
    const outer = this.enclosing[start] ?? -1;
    let callee = outer - 1;
    if (this.text(outer) === "(" && this.text(callee) === ">") callee = this.skipTypeParameters(callee);
    if (this.text(outer) !== "(" || !this.isWord(callee)) return { first: start, name: "(arrow function)" };
    const called = this.text(callee - 1) === "new" ? `new ${this.text(callee)}` : this.text(callee);
    return { first: start, name: `(arrow function in ${called}(...))` };
  }

  /** `name = `, `name: ` or `const name: Type = ` right before a function expression. */
  private nameBefore(at: number): string | null {
    const before = this.text(at - 1);
    if (before === ":" && (this.isWord(at - 2) || this.tokens[at - 2]?.kind === "string"))
      return this.text(at - 2);
    if (before !== "=") return null;
    if (this.isWord(at - 2)) return this.text(at - 2);
    for (let back = at - 2; back > Math.max(0, at - 40); back--) {
      if (/^(const|let|var)$/.test(this.text(back))) return this.text(back + 1);
      if (this.text(back) === ";") break;
    }
    return null;
  }
}

/** Every function with a block body in `source`, with its first line and length. */
export function functionSpans(source: string): FunctionSpan[] {
  return new FunctionFinder(tokenize(source)).find();
}

/** Lines in a file as an editor counts them: a final newline does not start another line. */
export function lineCount(source: string): number {
  if (source === "") return 0;
  const lines = source.split("\n").length;
  return source.endsWith("\n") ? lines - 1 : lines;
}
