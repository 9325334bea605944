/**
 * Maven's pom.xml: the project's own `<version>`, a direct child of `<project>`; never the
 * `<parent>`'s, a dependency's or a plugin's. Without one, the project inherits its parent's.
 */
import { SaxesParser } from "saxes";
import {
  exactlyOne,
  fail,
  type Locate,
  type Located,
  lineAt,
  type Span,
  shown,
  versionFileUpdater,
} from "./edit.ts";

const EXPECTED = "one <version> directly inside <project> (the project's own version)";

interface Found {
  /** The project's own <version> elements: where their content starts, and their text. */
  versions: { start: number; line: number; texts: string[]; empty: boolean }[];
  /** The line of <parent>'s <version>, if any. */
  parentVersionLine: number | null;
}

function read(text: string, context: Located): Found {
  const found: Found = { versions: [], parentVersionLine: null };
  const stack: string[] = [];
  const parser = new SaxesParser({ position: true });
  let failure: { detail: string; line: number } | null = null;
  parser.on("error", (error) => {
    failure ??= { detail: error.message.replace(/^[^:]*:\d+:\d+: /, ""), line: parser.line };
  });
  parser.on("opentag", (tag) => {
    stack.push(tag.name);
    const path = stack.join("/");
    if (path === "project/version") {
      found.versions.push({ start: parser.position, line: parser.line, texts: [], empty: tag.isSelfClosing });
    } else if (path === "project/parent/version") found.parentVersionLine = parser.line;
  });
  parser.on("text", (t) => {
    if (stack.join("/") === "project/version") found.versions.at(-1)?.texts.push(t);
  });
  parser.on("cdata", (t) => {
    if (stack.join("/") === "project/version") found.versions.at(-1)?.texts.push(`<![CDATA[${t}]]>`);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  parser.write(text).close();
  if (failure !== null) {
    const { detail, line } = failure;
    fail(context, EXPECTED, { kind: "unparsable", format: "XML", detail, line });
  }
  return found;
}

export const locatePomXml: Locate = (text, context) => {
  const found = read(text, context);
  if (found.versions.length === 0 && found.parentVersionLine !== null) {
    fail(context, EXPECTED, {
      kind: "elsewhere",
      line: found.parentVersionLine,
      source: "the <parent> (a project without its own <version> inherits its parent's)",
      instead: "list the parent's pom.xml in version-files",
    });
  }
  const version = exactlyOne(found.versions, (v) => v.line, context, EXPECTED);
  // The content runs to the next `<`; it must be the closing tag, with nothing but the text before.
  const close = text.indexOf("<", version.start);
  const raw = version.empty ? "" : text.slice(version.start, close);
  const token = raw.trim();
  const start = version.start + raw.indexOf(token);
  const span: Span = { start, end: start + token.length };
  const plain = !version.empty && text.startsWith("</", close) && version.texts.join("").trim() === token;
  if (!plain || token === "" || /[\s&$<]/.test(token)) {
    const found = version.empty
      ? "an empty <version/>"
      : shown(`<version>${text.slice(version.start, text.indexOf("</", version.start))}</version>`);
    fail(context, EXPECTED, { kind: "not-a-string", line: lineAt(text, version.start), found });
  }
  return [span];
};

export const updatePomXml = versionFileUpdater("pom.xml", locatePomXml);
