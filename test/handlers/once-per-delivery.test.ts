import { describe, expect, it } from "vitest";
import { MemoryDeliveryLog } from "../../src/handlers/deps.js";
import { oncePerDelivery } from "../../src/handlers/once-per-delivery.js";

const context = (id: string) => ({ id, log: { info: () => {} } });

describe("a webhook delivery's work runs once", () => {
  it("a redelivery does nothing", async () => {
    const log = new MemoryDeliveryLog();
    let runs = 0;
    await oncePerDelivery(context("d-1"), log, async () => void runs++);
    await oncePerDelivery(context("d-1"), log, async () => void runs++);
    expect(runs).toBe(1);
  });

  it("a failed run gives the id back, so GitHub's redelivery runs it again", async () => {
    const log = new MemoryDeliveryLog();
    await expect(oncePerDelivery(context("d-2"), log, async () => Promise.reject(new Error("GitHub is down")))).rejects.toThrow("GitHub is down");
    let runs = 0;
    await oncePerDelivery(context("d-2"), log, async () => void runs++);
    expect(runs).toBe(1);
  });
});
