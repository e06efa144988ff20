import { describe, expect, it } from "vitest";
import { type FaqEntry, parseFaq, rankFaq } from "../../../src/core/faq/index.js";
import { renderMarker } from "../../../src/core/text/markers.js";

const FAQ = `# FAQ

## How do I reset my password?
Open the sign-in page, choose **Forgot password?** and enter your e-mail address. The reset link is valid for 24 hours.

## Why does the 3D map stay blank?
The 3D view (CesiumJS) needs WebGL: turn on hardware acceleration in the browser and update the graphics driver.

## How do I export results or the map?
Every layer has **Export** in its menu: GeoJSON and CSV for data, PNG for the map view.

## Why do noise results take so long to appear?
The noise model traces the emissions of every road on GPU clusters after the traffic model has finished.

## What should I include when I report a problem?
What happened, when it happened, the steps to reproduce it, your browser and a screenshot.

## How do I run the traffic model with a closed road?
Select the road segments in a scenario, mark them as closed and choose **Recalculate**.
`;

function entries(): FaqEntry[] {
  const parsed = parseFaq(FAQ, "docs/faq.md");
  if (!parsed.ok) throw new Error("fixture FAQ must parse");
  return parsed.value;
}

const questions = (title: string, body: string, options: Parameters<typeof rankFaq>[2] = { max: 3 }) =>
  rankFaq(entries(), { title, body }, options).map((s) => s.entry.question);

describe("rankFaq", () => {
  it.each([
    { description: "a forgotten password", title: "Forgot my password", body: "I cannot sign in, how do I get a new password?", best: "How do I reset my password?" },
    { description: "a blank 3D view", title: "3D view is blank", body: "The globe is grey and no buildings load in the map.", best: "Why does the 3D map stay blank?" },
    { description: "a typo (fuzzy matching)", title: "pasword reset", body: "The pasword reset link expired.", best: "How do I reset my password?" },
    { description: "a body in issue-form sections", title: "Noise layer empty", body: "### What happened\nThe noise results never appear, it takes so long.\n\n### Where\nplatform", best: "Why do noise results take so long to appear?" },
  ])("suggests the right entry first for $description", ({ title, body, best }) => {
    expect(questions(title, body)[0]).toBe(best);
  });

  it.each([
    { description: "an invoice request", title: "Invoice for 2025", body: "Dear ATC, could you send us last year's invoice? Kind regards" },
    { description: "an empty ticket", title: "", body: "" },
    { description: "stop words only", title: "Hello", body: "Hi, can you please help me with this? Thanks!" },
    // Without dropping form headings, "what happened … steps to reproduce" would match the reporting entry.
    { description: "an untouched issue form", title: "Question", body: "### What happened\n\n_No response_\n\n### Steps to reproduce\n\n_No response_" },
  ])("suggests nothing for $description", ({ title, body }) => {
    expect(questions(title, body)).toEqual([]);
  });

  it("matches the start of a word: \"cesium\" finds the entry about CesiumJS", () => {
    // "cesium" is only in the answer, as the start of "CesiumJS": weak evidence, so no threshold here
    expect(questions("Cesium shows nothing", "", { max: 3, threshold: 0 })).toEqual(["Why does the 3D map stay blank?"]);
  });

  it("ignores the app's hidden markers and links in the body", () => {
    const body = `${renderMarker({ kind: "triage", key: "export-geojson-png" })}\nSee https://citytwin.eu/export/map/png`;
    expect(questions("Invoice", body)).toEqual([]);
  });

  it("lists suggestions best first, with scores above the threshold", () => {
    const ranked = rankFaq(entries(), { title: "Traffic model with a closed road is slow", body: "noise results never appear" }, { max: 3, threshold: 0, minShareOfBest: 0 });
    expect(ranked.length).toBeGreaterThan(1);
    expect(ranked.map((s) => s.score)).toEqual([...ranked.map((s) => s.score)].sort((a, b) => b - a));
    expect(ranked.every((s) => s.score > 0)).toBe(true);
  });

  it.each([
    { description: "max 1 keeps only the best", options: { max: 1, threshold: 0, minShareOfBest: 0 }, count: 1 },
    { description: "max 0 suggests nothing", options: { max: 0, threshold: 0, minShareOfBest: 0 }, count: 0 },
    { description: "a threshold above every score suggests nothing", options: { max: 3, threshold: 1e6 }, count: 0 },
    { description: "no threshold and no share of the best: up to max", options: { max: 3, threshold: 0, minShareOfBest: 0 }, count: 3 },
  ])("$description", ({ options, count }) => {
    expect(questions("Export the traffic model map", "results of the noise model as PNG after I reset my password", options)).toHaveLength(count);
  });

  it("drops weak runners-up far below the best suggestion", () => {
    const body = "How do I export the map as PNG and the results as CSV? Also my password";
    expect(questions("Export map", body, { max: 3, threshold: 0, minShareOfBest: 0.5 })).toEqual(["How do I export results or the map?"]);
  });

  it("suggests nothing from an empty FAQ", () => {
    expect(rankFaq([], { title: "Forgot my password", body: "" }, { max: 3 })).toEqual([]);
  });
});
