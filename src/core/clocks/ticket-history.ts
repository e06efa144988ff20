/**
 * A ticket's history as the clocks read it: who did what and when. Gateways build it from
 * GitHub's timeline; the core never fetches it.
 */
export interface Actor {
  login: string;
  isBot: boolean;
  /** Write access (or more) to the repository. */
  hasWriteAccess: boolean;
}

export type TicketEvent =
  | { kind: "labeled" | "unlabeled"; label: string; at: Date; actor: Actor }
  | { kind: "closed"; at: Date; actor: Actor; reason?: "completed" | "not_planned" | null }
  | { kind: "reopened"; at: Date; actor: Actor }
  | { kind: "comment"; at: Date; author: Actor; body: string };

export interface TicketHistory {
  number: number;
  createdAt: Date;
  /** Login of the person who filed the issue; their comments never answer it. */
  reporter: string;
  /** In any order; events after `now` are ignored. */
  events: TicketEvent[];
}
