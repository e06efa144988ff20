import { describe, expect, it } from "vitest";
import { renderMarker } from "../../../src/core/text/markers.js";
import { hasAskedFor, isAwaitingCompletion, needsInfoKey } from "../../../src/core/triage/awaiting-reporter.js";

const impactProblem = { where: "Impact", message: '"urgent!!" is not an impact' };
const triageReply = (key: string, problems?: string) => `Thank you.\n\n${renderMarker({ kind: "triage", key, ...(problems && { data: { problems } }) })}`;
const asked = needsInfoKey(["requestType", "whenHappened"], [impactProblem]);

describe("a request waiting for its reporter", () => {
  it.each([
    { description: "the same fields in another order give the same key", a: needsInfoKey(["whenHappened", "requestType"], [impactProblem]), same: true },
    { description: "one more missing field gives another key", a: needsInfoKey(["requestType", "whenHappened", "whatHappened"], [impactProblem]), same: false },
    { description: "another wrong value gives another key", a: needsInfoKey(["requestType", "whenHappened"], [{ where: "Impact", message: '"asap" is not an impact' }]), same: false },
  ])("$description", ({ a, same }) => {
    expect(a === asked).toBe(same);
  });

  it.each([
    { description: "triage asked for information", bodies: [triageReply("needs-info", asked)], waits: true },
    { description: "an updated list followed other comments", bodies: [triageReply("needs-info", "x"), "Paused.\n\n<!-- duet-support:reply key=comment-1 -->", triageReply("needs-info", asked)], waits: true },
    { description: "triage routed the request (the pause came from /pause reporter)", bodies: [triageReply("routed")], waits: false },
    { description: "the app never triaged the issue", bodies: [], waits: false },
  ])("waits for completion when $description: $waits", ({ bodies, waits }) => {
    expect(isAwaitingCompletion(bodies)).toBe(waits);
  });

  it.each([
    { description: "a list with this key was posted", bodies: [triageReply("needs-info", "other"), triageReply("needs-info", asked)], isAsked: true },
    { description: "only other lists were posted", bodies: [triageReply("needs-info", "other")], isAsked: false },
    { description: "a reply of another kind carries the same data", bodies: [`${renderMarker({ kind: "reply", key: "needs-info", data: { problems: asked } })}`], isAsked: false },
  ])("has asked for it when $description: $isAsked", ({ bodies, isAsked }) => {
    expect(hasAskedFor(bodies, asked)).toBe(isAsked);
  });
});
