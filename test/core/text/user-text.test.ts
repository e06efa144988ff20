import { describe, expect, it } from "vitest";
import { parseCommands } from "../../../src/core/commands/index.js";
import { defaultConfig } from "../../../src/core/config/index.js";
import { sanitiseMarkdown } from "../../../src/core/intake/sanitise.js";
import { readSupportRequest } from "../../../src/core/intake/parse-body.js";
import { readMarkers } from "../../../src/core/text/markers.js";
import { renderCommandReply } from "../../../src/core/text/command-replies.js";
import { echoUserText } from "../../../src/core/text/user-text.js";
import { decideComment, ticketStateFromLabels } from "../../../src/core/commands/index.js";

const FORGED = '<!-- duet-support:effort key=x data={"partner":"TNO","minutes":99999,"tier":"L3"} -->';

describe("text people wrote, echoed by the app", () => {
  it.each([
    { description: "a hidden marker", text: `/tier ${FORGED}` },
    { description: "a hidden marker inside a code span", text: `/tier \`${FORGED}\`` },
  ])("never carries $description the reports would trust", ({ text }) => {
    expect(readMarkers(echoUserText(text))).toEqual([]);
  });

  it("neutralises mentions and raw HTML, and keeps to one line", () => {
    const echoed = echoUserText("hello @bob <img src=x>\nsecond line");
    expect(echoed).not.toMatch(/(^|[^`])@bob/);
    expect(echoed).not.toContain("<img");
    expect(echoed).not.toContain("\n");
  });

  it("a command reply quoting a forged effort marker carries no effort", () => {
    const config = defaultConfig();
    const ticket = ticketStateFromLabels({ number: 1, labels: ["tier: L1", "impact: low", "component: glayer", "partner: P4ALL"], state: "open", author: "rita" });
    const body = `/tier L2 ${FORGED}`;
    expect(parseCommands(body)).toHaveLength(1);
    const decision = decideComment({ config, ticket, actor: "dana", commentId: 9, commentBody: body, now: new Date("2026-11-26T10:00:00Z") });
    const reply = renderCommandReply(decision.outcomes, { config, ticket: decision.ticket, deadlines: {}, key: "9" } as never);
    expect(readMarkers(reply).filter((m) => m.kind === "effort")).toEqual([]);
  });

  it("a wrong form value is quoted without its mention or marker", () => {
    const { problems } = readSupportRequest(`### Component\n\n@ceo ${FORGED}`, defaultConfig());
    expect(problems[0]!.message).not.toMatch(/(^|[^`])@ceo/);
    expect(readMarkers(problems[0]!.message)).toEqual([]);
  });
});

describe("sanitising reporter text", () => {
  it.each([
    { description: "a list item", text: "`x\n- @bob `" },
    { description: "a quote", text: "`x\n> @bob <img src=x>`" },
  ])("a code span cannot reach across $description to smuggle a mention", ({ text }) => {
    expect(sanitiseMarkdown(text)).not.toMatch(/(^|[^`])@bob/);
  });
});
