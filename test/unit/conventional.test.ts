import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseMessage } from "../../src/core/conventional.ts";

describe("parseMessage: the examples of conventionalcommits.org 1.0", () => {
  it("a BREAKING CHANGE footer", () => {
    const p = parseMessage(
      "feat: allow provided config object to extend other configs\n\nBREAKING CHANGE: `extends` key in config file is now used for extending other config files",
    );
    expect(p.header).toMatchObject({
      type: "feat",
      scope: null,
      description: "allow provided config object to extend other configs",
      breaking: true,
      breakingNotes: ["`extends` key in config file is now used for extending other config files"],
      fromSquashBody: false,
    });
  });

  it("`!` alone: the description is the breaking note", () => {
    const p = parseMessage("feat!: send an email to the customer when a product is shipped");
    expect(p.header).toMatchObject({
      type: "feat",
      breaking: true,
      breakingNotes: ["send an email to the customer when a product is shipped"],
    });
  });

  it("scope and `!`", () => {
    const p = parseMessage("feat(api)!: send an email to the customer when a product is shipped");
    expect(p.header).toMatchObject({ type: "feat", scope: "api", breaking: true });
  });

  it("`!` and a BREAKING CHANGE footer: the footer is the note", () => {
    const p = parseMessage(
      "chore!: drop support for Node 6\n\nBREAKING CHANGE: use JavaScript features not available in Node 6.",
    );
    expect(p.header).toMatchObject({
      type: "chore",
      breaking: true,
      breakingNotes: ["use JavaScript features not available in Node 6."],
    });
  });

  it("no body", () => {
    const p = parseMessage("docs: correct spelling of CHANGELOG");
    expect(p.header).toMatchObject({
      type: "docs",
      scope: null,
      description: "correct spelling of CHANGELOG",
      breaking: false,
    });
    expect(p.looseNotes).toEqual([]);
    expect(p.bullets).toEqual([]);
  });

  it("a scope", () => {
    expect(parseMessage("feat(lang): add Polish language").header).toMatchObject({
      type: "feat",
      scope: "lang",
      description: "add Polish language",
    });
  });

  it("a multi-paragraph body and several footers", () => {
    const p = parseMessage(
      "fix: prevent racing of requests\n\nIntroduce a request id and a reference to latest request. Dismiss\nincoming responses other than from latest request.\n\nRemove timeouts which were used to mitigate the racing issue but are\nobsolete now.\n\nReviewed-by: Z\nRefs: #123",
    );
    expect(p.header).toMatchObject({ type: "fix", breaking: false, references: [123] });
    expect(p.revertsShas).toEqual([]);
  });

  it("a revert with Refs footers naming shas", () => {
    const p = parseMessage(
      "revert: let us never again speak of the noodle incident\n\nRefs: 676104e, a215868",
    );
    expect(p.header).toMatchObject({
      type: "revert",
      description: "let us never again speak of the noodle incident",
    });
    expect(p.revertsShas).toEqual(["676104e", "a215868"]);
    expect(p.revertsHeader).toBeNull();
  });
});

describe("parseMessage: header", () => {
  it.each([
    ["Feat: x", "feat", null],
    ["FEAT(API): x", "feat", "api"],
    ["fix( Parser ): x", "fix", "parser"],
    ["feat(): x", "feat", null],
    ["my-type(some scope): x", "my-type", "some scope"],
    ["i18n(de): x", "i18n", "de"],
  ])("%s -> type %s, scope %s", (message, type, scope) => {
    expect(parseMessage(message).header).toMatchObject({ type, scope });
  });

  it.each([
    "feat!(api): bang before the scope",
    "feat:no space",
    "feat : space before colon",
    "feat:",
    "feat: ",
    "feat:   ",
    "(api): no type",
    "feat(a(b)): nested",
    "fixup! feat: x",
    "Merge branch 'main' into topic",
    "Update README.md",
    "feat\t: tab",
    "feat:\tx",
  ])("%j is not conventional", (message) => {
    expect(parseMessage(message).header).toBeNull();
  });

  it("any type may be breaking, custom ones included", () => {
    expect(parseMessage("build!: x").header).toMatchObject({ type: "build", breaking: true });
    expect(parseMessage("wibble(x)!: y").header).toMatchObject({
      type: "wibble",
      scope: "x",
      breaking: true,
    });
  });

  it("the subject is the first line, trimmed; leading blank lines are skipped", () => {
    const p = parseMessage("\n\nfeat: x   \n\nbody");
    expect(p.subject).toBe("feat: x");
    expect(p.header).toMatchObject({ type: "feat", description: "x" });
  });

  it("a header indented with spaces is not conventional, as the parser reads it", () => {
    const p = parseMessage("   feat: x\n\nbody");
    expect(p.subject).toBe("feat: x");
    expect(p.header).toBeNull();
  });

  it("a squash subject's (#123) becomes a reference", () => {
    const p = parseMessage("feat(cli): add --json (#123)");
    expect(p.header).toMatchObject({ description: "add --json", references: [123] });
    expect(p.subject).toBe("feat(cli): add --json (#123)");
  });

  it("#N in the description is a reference, but not inside words, URLs or entities", () => {
    expect(parseMessage("fix: handle #12 and #13").header?.references).toEqual([12, 13]);
    expect(parseMessage("fix: see http://x.test/#12, a&#12; and abc#12 and #12a").header?.references).toEqual(
      [],
    );
  });
});

describe("parseMessage: BREAKING CHANGE footers", () => {
  it("BREAKING-CHANGE is a synonym", () => {
    const p = parseMessage("fix: parser\n\nBREAKING-CHANGE: the config moved");
    expect(p.header).toMatchObject({ breaking: true, breakingNotes: ["the config moved"] });
  });

  it.each([
    ["lowercase", "fix: parser\n\nbreaking change: lowercase is prose, not a footer"],
    ["title case", "fix: parser\n\nBreaking Change: not the token"],
    ["title case with dash", "fix: parser\n\nBreaking-Change: not the token"],
    ["quoted in prose", 'fix: parser\n\nThe parser now reads "BREAKING CHANGE: x" correctly.'],
    ["in the middle of a line", "fix: parser\n\nWe document what a BREAKING CHANGE: footer means."],
    ["without a colon", "fix: parser\n\nBREAKING CHANGE the format"],
    ["with a # separator", "fix: parser\n\nBREAKING CHANGE #12"],
    ["indented", "fix: parser\n\n  BREAKING CHANGE: indented"],
  ])("%s is not breaking", (_name, message) => {
    expect(parseMessage(message).header?.breaking).toBe(false);
  });

  it("after other footers in the same paragraph", () => {
    const p = parseMessage("feat: x\n\nReviewed-by: Z\nBREAKING CHANGE: gone");
    expect(p.header).toMatchObject({ breaking: true, breakingNotes: ["gone"] });
  });

  it("right after the header without a blank line", () => {
    expect(parseMessage("feat: x\nBREAKING CHANGE: gone").header?.breaking).toBe(true);
  });

  it("a value runs over several lines until the next token", () => {
    const p = parseMessage("feat: x\n\nBREAKING CHANGE: first line\n  second line\nthird line\nRefs: #9");
    expect(p.header?.breakingNotes).toEqual(["first line\n  second line\nthird line"]);
    expect(p.header?.references).toEqual([9]);
  });

  it("a colon at the end of the line, with the text below", () => {
    const p = parseMessage("feat: x\n\nBREAKING CHANGE:\nthe text on the next line");
    expect(p.header).toMatchObject({ breaking: true, breakingNotes: ["the text on the next line"] });
  });

  it("several breaking footers give several notes", () => {
    const p = parseMessage("feat: x\n\nBREAKING CHANGE: one\n\nBREAKING-CHANGE: two");
    expect(p.header?.breakingNotes).toEqual(["one", "two"]);
  });

  it("inside a paragraph, not at its start: the field reads a note on any body line", () => {
    const p = parseMessage("fix: parser\n\nSome words first\nBREAKING CHANGE: not a paragraph start");
    expect(p.header).toMatchObject({ breaking: true, breakingNotes: ["not a paragraph start"] });
  });

  it("under a non-conventional header, the notes are the title's", () => {
    const p = parseMessage("Update things\n\nBREAKING CHANGE: x");
    expect(p.header).toBeNull();
    expect(p.bullets).toEqual([]);
    expect(p.looseNotes).toEqual(["x"]);
  });
});

describe("parseMessage: footers", () => {
  it("git-trailer style: `Token: value` and `Token #value`", () => {
    const p = parseMessage("fix: x\n\nCloses #42\nCo-authored-by: A <a@example.com>\nSigned-off-by: B");
    expect(p.header?.references).toEqual([42]);
  });

  it.each([
    ["Release-As: 2.0.0", "2.0.0"],
    ["release-as: v3.1.0", "v3.1.0"],
    ["RELEASE-AS: 1.0.0-rc.1", "1.0.0-rc.1"],
  ])("%s", (footer, value) => {
    expect(parseMessage(`chore: release\n\n${footer}`).releaseAs).toBe(value);
  });

  it("Release-As works on any message, conventional or not", () => {
    expect(parseMessage("Prepare the release\n\nRelease-As: 4.0.0").releaseAs).toBe("4.0.0");
  });

  it("the first Release-As of a message wins", () => {
    expect(parseMessage("chore: x\n\nRelease-As: 1.0.0\nRelease-As: 2.0.0").releaseAs).toBe("1.0.0");
  });

  it("a Refs footer names reverted shas only on a revert", () => {
    expect(parseMessage("fix: x\n\nRefs: 676104e").revertsShas).toEqual([]);
    expect(parseMessage("revert: x\n\nRefs: #12, 676104eabc").revertsShas).toEqual(["676104eabc"]);
    expect(parseMessage("revert: x\n\nRefs: 676104").revertsShas).toEqual([]);
  });
});

describe("parseMessage: git reverts", () => {
  const sha = "0123456789abcdef0123456789abcdef01234567";

  it('Revert "<header>" with This reverts commit <sha>.', () => {
    const p = parseMessage(`Revert "feat: shiny"\n\nThis reverts commit ${sha}.\n`);
    expect(p.header).toBeNull();
    expect(p.revertsHeader).toBe("feat: shiny");
    expect(p.revertsShas).toEqual([sha]);
  });

  it("a revert of a revert names the inner revert", () => {
    const p = parseMessage(`Revert "Revert "feat: shiny""\n\nThis reverts commit ${sha}.`);
    expect(p.revertsHeader).toBe('Revert "feat: shiny"');
  });

  it("git's Reapply title reverts the Revert", () => {
    const p = parseMessage(`Reapply "feat: shiny"\n\nThis reverts commit ${sha}.`);
    expect(p.revertsHeader).toBe('Revert "feat: shiny"');
    expect(p.revertsShas).toEqual([sha]);
  });

  it("a revert of a merge keeps only the reverted commit", () => {
    const other = "f".repeat(40);
    const p = parseMessage(
      `Revert "Merge x"\n\nThis reverts commit ${sha}, reversing\nchanges made to ${other}.`,
    );
    expect(p.revertsShas).toEqual([sha]);
  });

  it("a revert: type without a sha names the header in its description", () => {
    expect(parseMessage('revert: "feat: shiny"').revertsHeader).toBe("feat: shiny");
    expect(parseMessage("revert: feat(api): shiny").revertsHeader).toBe("feat(api): shiny");
  });

  it("an abbreviated sha of 7 characters or more", () => {
    expect(parseMessage('Revert "x"\n\nThis reverts commit ABCDEF1.').revertsShas).toEqual(["abcdef1"]);
    expect(parseMessage('Revert "x"\n\nThis reverts commit abcdef.').revertsShas).toEqual([]);
  });
});

describe("parseMessage: squash-merge bodies", () => {
  it("`* type: ...` lines are changes of their own", () => {
    const p = parseMessage(
      "Update things (#42)\n\n* feat(cli): add --json\n\n* fix: crash on empty input\n\n* docs: readme",
    );
    expect(p.header).toBeNull();
    expect(p.bullets).toMatchObject([
      { type: "feat", scope: "cli", description: "add --json", fromSquashBody: true },
      { type: "fix", scope: null, description: "crash on empty input", fromSquashBody: true },
      { type: "docs", fromSquashBody: true },
    ]);
  });

  it("a BREAKING CHANGE paragraph below a bullet marks that bullet", () => {
    const p = parseMessage(
      "feat: big PR (#7)\n\n* feat(api): add v2\n\n* refactor: drop v1\n\nBREAKING CHANGE: v1 is gone\n\n* fix: typo",
    );
    expect(p.header).toMatchObject({ type: "feat", breaking: false, references: [7] });
    expect(p.bullets.map((b) => [b.type, b.breaking])).toEqual([
      ["feat", false],
      ["refactor", true],
      ["fix", false],
    ]);
    expect(p.bullets[1]?.breakingNotes).toEqual(["v1 is gone"]);
  });

  it("a breaking footer above every bullet belongs to the header", () => {
    const p = parseMessage("feat: x\n\nBREAKING CHANGE: header's\n\n* fix: y");
    expect(p.header?.breaking).toBe(true);
    expect(p.bullets[0]?.breaking).toBe(false);
  });

  it("`!` on a bullet", () => {
    expect(parseMessage("Squash\n\n* feat!: new shape").bullets[0]).toMatchObject({
      breaking: true,
      breakingNotes: ["new shape"],
    });
  });

  it("a bullet repeating the header is the same change", () => {
    const p = parseMessage(
      "feat(api): add search (#9)\n\n* feat(api): add search\n\nBREAKING CHANGE: new index\n\n* fix: b",
    );
    expect(p.bullets.map((b) => b.description)).toEqual(["b"]);
    expect(p.header).toMatchObject({ breaking: true, breakingNotes: ["new index"], references: [9] });
  });

  it("only `* ` at the start of a line: indented, dashed and prose bullets are not changes", () => {
    const p = parseMessage("chore: x\n\n  * feat: indented\n- feat: dash\n*feat: no space\n* not a change");
    expect(p.bullets).toEqual([]);
  });
});

describe("parseMessage: hostile input never throws", () => {
  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["blank lines", "\n\n\n"],
    ["whitespace mix", " \t\r\n \r\n"],
  ])("%s", (_name, message) => {
    const p = parseMessage(message);
    expect(p).toMatchObject({ header: null, bullets: [], looseNotes: [], subject: "", releaseAs: null });
  });

  it("CRLF is normalised", () => {
    const p = parseMessage("feat(win): crlf line\r\n\r\nBREAKING CHANGE: windows newlines\r\nRefs: #5\r\n");
    expect(p.subject).toBe("feat(win): crlf line");
    expect(p.header).toMatchObject({
      scope: "win",
      breaking: true,
      breakingNotes: ["windows newlines"],
      references: [5],
    });
  });

  it("lone CR is not a line end (the parser splits on LF and CRLF): such a header is not conventional", () => {
    expect(parseMessage("feat: x\r\rBREAKING CHANGE: y").header).toBeNull();
    expect(parseMessage("feat: x\n\rBREAKING CHANGE: y").header?.breaking).toBe(false);
  });

  it("lossy UTF-8 (U+FFFD)", () => {
    const message = Buffer.from([0x66, 0x69, 0x78, 0x3a, 0x20, 0xff, 0xfe, 0x80, 0x0a]).toString("utf8");
    expect(message).toContain("\ufffd");
    expect(parseMessage(message).header).toMatchObject({ type: "fix", description: "\ufffd\ufffd\ufffd" });
  });

  it("a 1 MB message", () => {
    const big = `docs: big\n\n${"x".repeat(1024 * 1024)}\n\nBREAKING CHANGE: ${"y".repeat(1024 * 1024)}`;
    const p = parseMessage(big);
    expect(p.header).toMatchObject({ type: "docs", breaking: true });
    expect(p.header?.breakingNotes[0]).toHaveLength(1024 * 1024);
  });

  it("a 1 MB header line", () => {
    const p = parseMessage(`feat: ${"a".repeat(1024 * 1024)}`);
    expect(p.header?.description).toHaveLength(1024 * 1024);
    expect(parseMessage(`${"a".repeat(1024 * 1024)}:x`).header).toBeNull();
    expect(parseMessage(`feat(${"(".repeat(100_000)}: x`).header).toBeNull();
  });

  it("a million-line body", () => {
    const p = parseMessage(
      `chore: x\n\n${"Token: v #1\n".repeat(100_000)}BREAKING CHANGE: z\n${"* fix: y\n".repeat(10_000)}`,
    );
    expect(p.header).toMatchObject({ breaking: true, breakingNotes: ["z"], references: [1] });
    expect(p.bullets).toHaveLength(10_000);
  });

  // A scale test: seconds of CPU on a busy machine, beyond the unit tier's short default timeout.
  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (message) => {
        const p = parseMessage(message);
        expect(typeof p.subject).toBe("string");
      }),
      { numRuns: 2000 },
    );
  }, 30_000);

  it("never throws on messages made of the syntax's own pieces, and keeps its invariants", () => {
    const piece = fc.constantFrom(
      "feat",
      "Fix",
      "(",
      ")",
      "!",
      ":",
      ": ",
      " ",
      "\n",
      "\r\n",
      "\n\n",
      "BREAKING CHANGE: ",
      "BREAKING-CHANGE:",
      "* ",
      "* feat: x",
      "#12",
      " #",
      "Refs: ",
      "Release-As: ",
      "1.2.3",
      'Revert "',
      '"',
      "This reverts commit ",
      "0123456789abcdef",
      "\ufffd",
      "`",
      "scope",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const p = parseMessage(pieces.join(""));
        for (const change of [...(p.header === null ? [] : [p.header]), ...p.bullets]) {
          expect(change.type).toBe(change.type.toLowerCase());
          expect(change.scope === null || change.scope === change.scope.toLowerCase()).toBe(true);
          expect(change.description.trim()).not.toBe("");
          expect(change.breaking).toBe(change.breakingNotes.length > 0);
        }
        for (const sha of p.revertsShas) expect(sha).toMatch(/^[0-9a-f]{7,40}$/);
      }),
      { numRuns: 3000 },
    );
  });
});
