/**
 * The one comment a ticket gets when the board cannot be reached, with its hidden `board-error`
 * marker so it is said once per issue and board.
 */
import { hasMarker, renderMarker } from "./markers.js";

export interface BoardRefText {
  owner: string;
  number: number;
}

export function boardErrorKey(board: BoardRefText): string {
  return `${board.owner}/${board.number}`;
}

/** True when one of the app's comments on the issue already reported this board. */
export function hasReportedBoardError(appCommentBodies: readonly string[], board: BoardRefText): boolean {
  return appCommentBodies.some((body) => hasMarker(body, "board-error", boardErrorKey(board)));
}

export function renderBoardError(board: BoardRefText, reason: string): string {
  return [
    `The support board (project ${board.number} of the **${board.owner}** organisation) could not be updated for this ticket: ${reason}`,
    "",
    "The labels on this issue are unaffected and remain the source of truth. An organisation owner can fix this by " +
      "installing the app on the organisation with the **Organization projects: read and write** permission, or by " +
      "correcting `board` in `.github/duet-support.yml`; then `duet-support board --repo owner/name` brings the board up to date.",
    "",
    renderMarker({ kind: "board-error", key: boardErrorKey(board) }),
  ].join("\n");
}
