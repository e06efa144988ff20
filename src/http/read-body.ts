/**
 * Reads a request body up to a byte limit and parses JSON or a urlencoded form. Over the limit the
 * rest is drained (so the client sees our 413, not a reset) up to a hard cap, then the socket closes.
 */
import type { IncomingMessage } from "node:http";

export type BodyResult =
  | { kind: "ok"; type: "json" | "form"; fields: Record<string, unknown> }
  | { kind: "too-large" }
  | { kind: "unsupported-type" }
  | { kind: "malformed" };

const DRAIN_CAP_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const type = contentType(req);
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (declared > DRAIN_CAP_BYTES) {
    req.destroy();
    return { kind: "too-large" };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = declared > limitBytes;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DRAIN_CAP_BYTES) {
      req.destroy();
      return { kind: "too-large" };
    }
    if (size > limitBytes) tooLarge = true;
    if (!tooLarge) chunks.push(chunk);
  }
  if (tooLarge) return { kind: "too-large" };
  const text = Buffer.concat(chunks).toString("utf8");
  if (type === "application/json") {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return { kind: "malformed" };
      return { kind: "ok", type: "json", fields: parsed as Record<string, unknown> };
    } catch {
      return { kind: "malformed" };
    }
  }
  if (type === "application/x-www-form-urlencoded") {
    return { kind: "ok", type: "form", fields: Object.fromEntries(new URLSearchParams(text)) };
  }
  return { kind: "unsupported-type" };
}

function contentType(req: IncomingMessage): string {
  return (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}
