/**
 * The store's migrations, in order. Append a new numbered file; never edit one that has shipped,
 * because stores in the field have already applied it.
 */
import { MIGRATION_001 } from "./001-initial.js";
import { MIGRATION_002 } from "./002-delivery-handled.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [MIGRATION_001, MIGRATION_002];
