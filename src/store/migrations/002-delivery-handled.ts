/**
 * Deliveries remember whether their handling finished: one claimed by a process that then died
 * (a deploy, a crash) may be claimed again when GitHub redelivers it.
 */
export const MIGRATION_002 = {
  version: 2,
  name: "delivery-handled",
  sql: `
    ALTER TABLE deliveries ADD COLUMN handled_at INTEGER;
    UPDATE deliveries SET handled_at = received_at;
  `,
};
