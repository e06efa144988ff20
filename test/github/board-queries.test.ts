import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import {
  BOARD_FIELDS_QUERY,
  BOARD_ITEMS_QUERY,
  ISSUE_BOARD_ITEM_QUERY,
  addItemsMutation,
  issueIdsQuery,
  setFieldsMutation,
  setupFieldsMutation,
} from "../../src/github/board-queries.js";

// GitHub's published schema: a query that does not validate here fails on GitHub.
const schema = buildSchema(readFileSync(new URL("../../node_modules/@octokit/graphql-schema/schema.graphql", import.meta.url), "utf8"), {
  // The published SDL repeats a few enterprise fields; the types we use are unaffected.
  assumeValidSDL: true,
});
const options = [{ name: "L1", color: "BLUE", description: "Intake" }];

describe("every GraphQL document the board mirror sends validates against GitHub's schema", () => {
  it.each([
    ["the board's fields", BOARD_FIELDS_QUERY],
    ["an issue's card", ISSUE_BOARD_ITEM_QUERY],
    ["a page of board items", BOARD_ITEMS_QUERY],
    ["issue node ids", issueIdsQuery("duet", "support", [1, 2, 3]).query],
    ["adding cards", addItemsMutation("P", ["I1", "I2"]).query],
    [
      "setting and clearing fields of every kind",
      setFieldsMutation("P", [
        { itemId: "A", fieldId: "F1", value: { singleSelectOptionId: "o1" } },
        { itemId: "A", fieldId: "F2", value: { text: "ATC, IMEC" } },
        { itemId: "B", fieldId: "F3", value: { date: "2026-11-27" } },
        { itemId: "B", fieldId: "F4", value: null },
      ]).query,
    ],
    [
      "creating fields and rewriting options",
      setupFieldsMutation("P", [
        { create: { name: "Tier", dataType: "SINGLE_SELECT", options } },
        { create: { name: "Partner", dataType: "TEXT", options: [] } },
        { setOptions: { fieldId: "F", options } },
      ]).query,
    ],
    ["rewriting options only", setupFieldsMutation("P", [{ setOptions: { fieldId: "F", options } }]).query],
  ])("%s", (_description, query) => {
    expect(validate(schema, parse(query)).map((e) => e.message)).toEqual([]);
  });

  it("would catch a misspelt field (the check itself works)", () => {
    expect(validate(schema, parse(BOARD_FIELDS_QUERY.replace("projectV2(", "projectsV2(")))).not.toHaveLength(0);
  });
});
