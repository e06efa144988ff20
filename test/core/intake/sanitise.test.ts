import { describe, expect, it } from "vitest";
import { sanitiseLine, sanitiseMarkdown } from "../../../src/core/intake/sanitise.js";

describe("sanitiseMarkdown", () => {
  it.each([
    ["a mention becomes code", "thanks @octocat for the help", "thanks `@octocat` for the help"],
    ["a team mention becomes code", "ping @duet/duet-atc please", "ping `@duet/duet-atc` please"],
    ["an escaped mention still renders @, so it becomes code too", "hi \\@bob", "hi `@bob`"],
    ["an e-mail address is not a mention", "write to me@example.org", "write to me@example.org"],
    ["an issue reference becomes code", "same as #12 again", "same as `#12` again"],
    ["a cross-repository reference becomes code", "see duet/platform#7", "see `duet/platform#7`"],
    ["a GH- reference becomes code", "like GH-42", "like `GH-42`"],
    ["a URL to a GitHub issue becomes code", "see https://github.com/duet/x/issues/3 now", "see `https://github.com/duet/x/issues/3` now"],
    ["a www.github.com link becomes code", "www.github.com/duet/x/pull/1", "`www.github.com/duet/x/pull/1`"],
    ["another site's URL is left alone, fragment and all", "https://example.org/page#12 @x", "https://example.org/page#12 `@x`"],
    ["a lookalike host is not GitHub", "https://github.com.evil.org/a", "https://github.com.evil.org/a"],
    ["raw HTML is shown, not rendered", "<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)>"],
    ["a hidden comment cannot hide text or forge a marker", "<!-- duet-support:web-form key=WF-1 -->", "&lt;!-- duet-support:web-form key=WF-1 -->"],
    ["an entity is shown as typed, its number inert", "&#64;bob", "&amp;`#64`;bob"],
    ["an image becomes text", "![logo](https://example.org/x.png)", "!\\[logo](https://example.org/x.png)"],
    ["a heading cannot start a form section", "### Impact\n\nhigh", "\\### Impact\n\nhigh"],
    ["inline code is kept verbatim", "run `curl @host #1 <b>` now", "run `curl @host #1 <b>` now"],
    ["double-backtick code is kept verbatim", "``a ` @b``", "``a ` @b``"],
    ["a lone backtick is escaped so it cannot open code around our wrapping", "x` @bob", "x\\` `@bob`"],
    ["an escaped backtick does not start code", "\\`@bob`", "\\``@bob`\\`"],
    ["a fenced block is kept verbatim", "```sh\n@bob #1 <b>\n### Impact\n```\nafter @bob", "```sh\n@bob #1 <b>\n### Impact\n```\nafter `@bob`"],
    ["a tilde fence is kept verbatim", "~~~\n<x> @y\n~~~", "~~~\n<x> @y\n~~~"],
    ["an unclosed fence is closed so it cannot swallow later sections", "```\n@bob", "```\n@bob\n```"],
    ["bidi overrides are removed", "abc\u202Edef", "abcdef"],
    ["Windows line ends become line feeds", "a\r\nb", "a\nb"],
  ])("%s", (_description, input, expected) => {
    expect(sanitiseMarkdown(input)).toBe(expected);
  });

  it("treats a GitHub Enterprise host like github.com when told", () => {
    expect(sanitiseMarkdown("https://git.example.org/a/b/issues/1", { githubHosts: ["git.example.org"] })).toBe("`https://git.example.org/a/b/issues/1`");
  });
});

describe("sanitiseLine", () => {
  it.each([
    ["line breaks become spaces", "a\nb\r\nc", 200, "a b c"],
    ["long text is cut with an ellipsis", "abcdefghij", 5, "abcd…"],
    ["control characters are dropped", "a\u0007b", 200, "ab"],
  ])("%s", (_d, input, max, expected) => {
    expect(sanitiseLine(input, max)).toBe(expected);
  });
});
