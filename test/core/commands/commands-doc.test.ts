import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, WHO_CAN_USE, commandHelp, renderCommandsDoc } from "../../../src/core/commands/index.js";

const DOC_PATH = fileURLToPath(new URL("../../../docs/commands.md", import.meta.url));
const doc = readFileSync(DOC_PATH, "utf8");

describe("docs/commands.md", () => {
  it("is the help in code, rendered (after changing a command's help: `npx vitest run test/core/commands/commands-doc.test.ts -u`)", async () => {
    await expect(renderCommandsDoc(commandHelp())).toMatchFileSnapshot(DOC_PATH);
  });

  it.each(commandHelp().map((help) => ({ name: help.name, help })))("documents /$name: usage, who may use it, examples", ({ help }) => {
    expect(doc).toContain(`## \`/${help.name}\``);
    expect(doc).toContain(`**Usage:** \`${help.usage}\``);
    expect(doc).toContain(help.whoCanUse);
    for (const example of help.examples) expect(doc).toContain(example);
  });

  it("documents no command that does not exist", () => {
    const documented = [...doc.matchAll(/^## `\/([a-z-]+)`/gm)].map((m) => m[1]);
    expect(documented).toEqual([...COMMAND_NAMES]);
  });

  it("says who may use the commands as the handler authorises them", () => {
    expect(WHO_CAN_USE).toMatch(/write access/);
    expect(WHO_CAN_USE).toMatch(/supportTeams/);
    expect(doc).toContain(WHO_CAN_USE);
  });
});
