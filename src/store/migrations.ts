// Schema migrations: one function per step vN → vN+1, applied in order on load.
// No release has shipped an older schema yet, so the production list is empty; the framework
// is exercised by tests with their own list. Add a step here whenever SCHEMA_VERSION is bumped.

export interface Migration {
  /** The version this step reads; it produces from + 1. */
  from: number;
  /** One line for the shell's upgrade notice and for the changelog. */
  description: string;
  /** Returns the upgraded document (may mutate and return its argument). Must not set schemaVersion. */
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [];

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * Upgrades a document from `from` to `to` by running each step in turn.
 * Throws MigrationError when a step is missing or fails (the caller treats the file as unreadable).
 */
export function migrateDocument(
  doc: Record<string, unknown>,
  from: number,
  to: number,
  migrations: readonly Migration[] = MIGRATIONS,
): { doc: Record<string, unknown>; applied: Migration[] } {
  const applied: Migration[] = [];
  let current = doc;
  for (let v = from; v < to; v++) {
    const step = migrations.find((m) => m.from === v);
    if (!step) throw new MigrationError(`no migration from schema version ${v} to ${v + 1}`);
    try {
      current = step.migrate(current);
    } catch (e) {
      throw new MigrationError(`migration ${v} → ${v + 1} (${step.description}) failed: ${(e as Error).message}`);
    }
    if (typeof current !== 'object' || current === null || Array.isArray(current)) {
      throw new MigrationError(`migration ${v} → ${v + 1} (${step.description}) did not return an object`);
    }
    current.schemaVersion = v + 1;
    applied.push(step);
  }
  return { doc: current, applied };
}
