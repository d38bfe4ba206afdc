// The type table: members that Update-TypeData (or a types.ps1xml file) gives every object of a
// type, as PowerShell's extended type system does. Member lookup (members.ts) consults it after
// an object's own members and before the members of its .NET type; formatting reads the
// DefaultDisplayPropertySet. Each session (runspace) has its own table, as each runspace has its
// own TypeTable in PowerShell: the session makes it the current one while it runs.

/** One member a type gets. Values are computed by members.ts (aliases, scripts need `$this`). */
export type TypeMember =
  | { kind: 'NoteProperty'; name: string; value: unknown }
  | { kind: 'AliasProperty'; name: string; referenced: string; conversion?: string }
  | { kind: 'ScriptProperty'; name: string; getter?: (self: unknown) => unknown; setter?: (self: unknown, value: unknown) => void; getterText?: string; setterText?: string }
  | { kind: 'ScriptMethod'; name: string; invoke: (self: unknown, args: unknown[]) => unknown; text: string }
  | { kind: 'PropertySet'; name: string; names: string[] };

/** PSStandardMembers settings (serialization and the default display). */
export interface StandardMembers {
  DefaultDisplayProperty?: string;
  DefaultDisplayPropertySet?: string[];
  DefaultKeyPropertySet?: string[];
  PropertySerializationSet?: string[];
  SerializationMethod?: string;
  SerializationDepth?: number;
  StringSerializationSource?: string;
  TargetTypeForDeserialization?: unknown;
  InheritPropertySerializationSet?: boolean;
}

export interface TypeEntry {
  typeName: string;
  members: Map<string, TypeMember>;
  standard: StandardMembers;
  /** The types.ps1xml files that contributed (Remove-TypeData -Path). */
  files: Set<string>;
  /** The updates that made the entry, in order (Remove-TypeData -Path replays the others). */
  log: { update: TypeUpdate; force: boolean }[];
}

/** One session's type table (what Update-TypeData added to it). */
export type TypeTable = Map<string, TypeEntry>;

export function newTypeTable(): TypeTable {
  return new Map();
}

let TABLE: TypeTable = newTypeTable();

/** Makes a session's table the one member lookup sees; returns the one it replaces (to restore). */
export function useTypeTable(table: TypeTable): TypeTable {
  const previous = TABLE;
  TABLE = table;
  return previous;
}

/** False while nothing was ever added: member lookup skips the table at no cost. */
export function typeDataActive(): boolean {
  return TABLE.size !== 0;
}

export function typeEntry(typeName: string): TypeEntry | undefined {
  return TABLE.get(typeName.toLowerCase());
}

export function allTypeEntries(): TypeEntry[] {
  return [...TABLE.values()];
}

/** The member `name` the type table gives an object of these type names (most derived first). */
export function typeMember(typeNames: readonly string[], name: string): TypeMember | undefined {
  const key = name.toLowerCase();
  for (const t of typeNames) {
    const m = TABLE.get(t.toLowerCase())?.members.get(key);
    if (m) return m;
  }
  return undefined;
}

/** Every member the table gives these type names, the most derived type's first. */
export function typeMembers(typeNames: readonly string[]): TypeMember[] {
  const seen = new Set<string>();
  const out: TypeMember[] = [];
  for (const t of typeNames) {
    for (const [k, m] of TABLE.get(t.toLowerCase())?.members ?? []) {
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(m);
    }
  }
  return out;
}

/** The PSStandardMembers of the first of these type names that has any. */
export function standardMembers(typeNames: readonly string[]): StandardMembers | undefined {
  for (const t of typeNames) {
    const s = TABLE.get(t.toLowerCase())?.standard;
    if (s && Object.keys(s).length > 0) return s;
  }
  return undefined;
}

export interface TypeUpdate {
  typeName: string;
  members: TypeMember[];
  standard: StandardMembers;
  file?: string;
}

/**
 * Adds members and settings to a type. A member the type already has is an error ("already
 * present") unless `force` replaces it; returns the errors (nothing is changed for those members).
 */
export function updateTypeData(update: TypeUpdate, force: boolean): string[] {
  const key = update.typeName.toLowerCase();
  const entry = TABLE.get(key) ?? emptyEntry(update.typeName);
  const errors = applyUpdate(entry, update, force);
  entry.log.push({ update, force });
  if (entry.members.size > 0 || Object.keys(entry.standard).length > 0) TABLE.set(key, entry);
  return errors;
}

function emptyEntry(typeName: string): TypeEntry {
  return { typeName, members: new Map(), standard: {}, files: new Set<string>(), log: [] };
}

function applyUpdate(entry: TypeEntry, update: TypeUpdate, force: boolean): string[] {
  const errors: string[] = [];
  for (const m of update.members) {
    const k = m.name.toLowerCase();
    if (entry.members.has(k) && !force) {
      errors.push(`Error in TypeData "${update.typeName}": The member ${m.name} is already present.`);
      continue;
    }
    entry.members.set(k, m);
  }
  for (const [k, v] of Object.entries(update.standard)) if (v !== undefined) (entry.standard as Record<string, unknown>)[k] = v;
  if (update.file) entry.files.add(update.file.toLowerCase());
  return errors;
}

/** Removes everything the table has for a type; false when it has nothing. */
export function removeTypeData(typeName: string): boolean {
  return TABLE.delete(typeName.toLowerCase());
}

/**
 * Removes what a types.ps1xml file added: each type it touched is made again from its other
 * updates (other files', Update-TypeData's), as 5.1 rebuilds the table without the file. False
 * when the file was never loaded.
 */
export function removeTypeFile(file: string): boolean {
  const key = file.toLowerCase();
  let found = false;
  for (const [k, e] of [...TABLE]) {
    if (!e.files.has(key)) continue;
    found = true;
    const rebuilt = emptyEntry(e.typeName);
    for (const step of e.log) {
      if (step.update.file?.toLowerCase() === key) continue;
      applyUpdate(rebuilt, step.update, step.force);
      rebuilt.log.push(step);
    }
    if (rebuilt.members.size > 0 || Object.keys(rebuilt.standard).length > 0) TABLE.set(k, rebuilt);
    else TABLE.delete(k);
  }
  return found;
}
