/**
 * Hourly upkeep of the app's store: personal data past its retention deleted, webhook delivery ids
 * older than 30 days forgotten. A failure is logged and tried again the next hour, never fatal.
 */
import type { Store } from "./open-store.js";
import type { RetentionPolicy } from "./retention.js";

const EVERY_MS = 60 * 60_000;

interface Log {
  info(data: object, msg: string): void;
  error(data: object, msg: string): void;
}

export function startStoreMaintenance(store: Store, options: { retention?: RetentionPolicy; now: () => Date; log: Log }): () => void {
  const run = () => {
    try {
      const purged = store.purgeExpired(options.now(), options.retention);
      const deliveries = store.pruneDeliveries(options.now());
      options.log.info({ purged, deliveries }, "store upkeep");
    } catch (error) {
      options.log.error({ err: (error as Error).message }, "store upkeep failed; trying again in an hour");
    }
  };
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
