/**
 * Every handler's work runs once per webhook delivery: a redelivery (same X-GitHub-Delivery id)
 * does nothing, a failure gives the id back so GitHub's redelivery can try again, and a finished
 * delivery is recorded as such (a process that dies mid-way leaves it claimable after a restart).
 */
import type { DeliveryLog } from "./deps.js";

interface DeliveryContext {
  id: string;
  log: { info(data: object, msg: string): void };
}

export async function oncePerDelivery(context: DeliveryContext, deliveries: DeliveryLog, work: () => Promise<void>): Promise<void> {
  if (!deliveries.claim(context.id)) {
    context.log.info({ delivery: context.id }, "delivery already handled; ignoring the redelivery");
    return;
  }
  try {
    await work();
  } catch (error) {
    deliveries.release(context.id);
    throw error;
  }
  deliveries.complete(context.id);
}
