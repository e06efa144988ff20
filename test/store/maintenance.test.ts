import { afterEach, describe, expect, it, vi } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { startStoreMaintenance } from "../../src/store/maintenance.js";

describe("the store's hourly upkeep", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("forgets delivery ids older than 30 days every hour, and a failure is logged, not thrown", () => {
    vi.useFakeTimers();
    const store = openStore(":memory:");
    const now = new Date("2026-11-26T10:00:00Z");
    store.claimDelivery("old", new Date("2026-10-01T10:00:00Z"));
    store.claimDelivery("recent", new Date("2026-11-20T10:00:00Z"));
    const log = { info: vi.fn(), error: vi.fn() };
    const stop = startStoreMaintenance(store, { now: () => now, log });
    vi.advanceTimersByTime(60 * 60_000);
    expect(store.claimDelivery("old", now)).toBe(true); // forgotten, so claimable again
    expect(store.claimDelivery("recent", now)).toBe(false);
    store.close();
    vi.advanceTimersByTime(60 * 60_000); // the closed database throws inside upkeep
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(String) }), expect.stringContaining("trying again"));
    stop();
  });
});
