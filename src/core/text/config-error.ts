/** The one comment that says the repository's configuration is invalid and nothing was done. */
import type { Problem } from "../result.js";
import { renderMarker } from "./markers.js";

export function renderConfigError(problems: Problem[], key: string): string {
  return [
    "**duet-support could not act on this issue: the repository's configuration is invalid.** Nothing was labelled, assigned or timed. A maintainer needs to fix:",
    "",
    ...problems.map((p) => `- \`${p.where}\`: ${p.message}`),
    "",
    "Once the file is fixed, the next event on this issue is handled normally.",
    "",
    renderMarker({ kind: "config-error", key }),
  ].join("\n");
}
