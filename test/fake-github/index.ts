/**
 * The loopback fake of GitHub for end-to-end tests and benchmarks: start it, seed it, point the
 * app (GHE_HOST=127.0.0.1:PORT, GHE_PROTOCOL=http) or the CLI (GITHUB_API_URL=url) at it.
 */
import { type LoggedRequest, createFakeServer, listen } from "./server.js";
import { FakeState } from "./state.js";

export type { LoggedRequest } from "./server.js";
export { FakeState, APP } from "./state.js";
export type { CommentSeed, EventSeed, IssueSeed, TimeInput } from "./seeds.js";
export type * from "./model.js";

type Seeding = Pick<
  FakeState,
  | "now"
  | "setNow"
  | "addUser"
  | "addRepo"
  | "addInstallation"
  | "addLabel"
  | "addIssue"
  | "addComment"
  | "addEvent"
  | "pinIssue"
  | "addTeam"
  | "setFile"
  | "setPermission"
  | "requireIssue"
>;

export interface FakeGitHub extends Seeding {
  /** http://127.0.0.1:PORT */
  url: string;
  state: FakeState;
  /** every request received, in order, including failed and unknown ones */
  requests: LoggedRequest[];
  /** Answers every request with this status (still logged); null recovers. */
  failWith(status: number | null): void;
  clearRequests(): void;
  /** Makes a token authenticate as a user (unknown tokens act as the app's bot). */
  addToken(token: string, login: string): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(options: { port?: number } = {}): Promise<FakeGitHub> {
  const state = new FakeState();
  const controls = { state, requests: [] as LoggedRequest[], failStatus: null as number | null };
  const server = createFakeServer(controls);
  const port = await listen(server, options.port ?? 0);
  state.webUrl = `http://127.0.0.1:${port}`;
  const bind = <K extends keyof Seeding>(name: K) => (state[name] as (...args: never[]) => unknown).bind(state) as Seeding[K];
  return {
    url: state.webUrl,
    state,
    requests: controls.requests,
    failWith: (status) => {
      controls.failStatus = status;
    },
    clearRequests: () => {
      controls.requests.length = 0;
    },
    addToken: (token, login) => {
      state.tokens.set(token, { login: state.user(login).login, installationId: null });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
    now: bind("now"),
    setNow: bind("setNow"),
    addUser: bind("addUser"),
    addRepo: bind("addRepo"),
    addInstallation: bind("addInstallation"),
    addLabel: bind("addLabel"),
    addIssue: bind("addIssue"),
    addComment: bind("addComment"),
    addEvent: bind("addEvent"),
    pinIssue: bind("pinIssue"),
    addTeam: bind("addTeam"),
    setFile: bind("setFile"),
    setPermission: bind("setPermission"),
    requireIssue: bind("requireIssue"),
  };
}

export { sendWebhook, signWebhook } from "./webhooks.js";
export type { WebhookDelivery } from "./webhooks.js";
