/**
 * Hidden markers the app leaves in its own comments. They make writes idempotent (a reminder is
 * posted once per clock and kind, whoever runs the sweep) and carry data the reports read back
 * from GitHub itself (effort), so reports need no database.
 */
const PREFIX = "duet-support";

export type MarkerKind = "triage" | "sla-warning" | "sla-breach" | "effort" | "config-error" | "resolution" | "refusal" | "reply" | "board-error";

export interface Marker {
  kind: MarkerKind;
  /** What the marker is about, e.g. a clock "L3@2026-11-26T09:00:00.000Z", a command id. */
  key?: string;
  /** Machine-readable data, e.g. effort `{ partner, minutes, tier }`. */
  data?: Record<string, unknown>;
}

const MARKER = /<!--\s*duet-support:([a-z-]+)(?:\s+key=(\S+))?(?:\s+data=(\{.*?\}))?\s*-->/g;

export function renderMarker(marker: Marker): string {
  const key = marker.key ? ` key=${encodeURIComponent(marker.key)}` : "";
  const data = marker.data ? ` data=${JSON.stringify(marker.data).replace(/-->/g, "--\\u003e")}` : "";
  return `<!-- ${PREFIX}:${marker.kind}${key}${data} -->`;
}

/** Every marker in a comment body; malformed data is skipped rather than trusted. */
export function readMarkers(body: string | null | undefined): Marker[] {
  if (!body) return [];
  const markers: Marker[] = [];
  for (const match of body.matchAll(MARKER)) {
    const kind = match[1] as MarkerKind;
    const key = match[2] ? decodeURIComponent(match[2]) : undefined;
    let data: Record<string, unknown> | undefined;
    if (match[3]) {
      try {
        data = JSON.parse(match[3]) as Record<string, unknown>;
      } catch {
        continue;
      }
    }
    markers.push({ kind, ...(key !== undefined && { key }), ...(data && { data }) });
  }
  return markers;
}

export function hasMarker(body: string | null | undefined, kind: MarkerKind, key?: string): boolean {
  return readMarkers(body).some((m) => m.kind === kind && (key === undefined || m.key === key));
}
