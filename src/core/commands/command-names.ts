/**
 * Command names, spelled once (SPEC §3). The parser needs them to know where an incident record
 * or a FAQ answer ends; registry.ts maps each to its definition.
 */
export const COMMAND_NAMES = [
  "tier",
  "impact",
  "component",
  "escalate",
  "pause",
  "resume",
  "effort",
  "faq",
  "out-of-scope",
  "in-scope",
  "help",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Commands whose text runs on below their line; only a known command ends it (`/login fails` is text). */
export const TEXT_COMMANDS: readonly CommandName[] = ["escalate", "faq"];

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(name);
}
