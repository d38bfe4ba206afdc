// The lab state document: its shape, its version, and the checks run on every load.
// The organization and progress parts belong to src/exchange and the lab cmdlets; here they are
// opaque, so this file only guards the envelope that the store itself relies on.

/** The schema version this build writes. Bump it together with a migration in migrations.ts. */
export const SCHEMA_VERSION = 1;

export interface LabClock {
  /** Lab time = real time + offsetMs (lets a lab move time forward to expire certificates). */
  offsetMs: number;
  /** When set, lab time is frozen at this ISO instant (offsetMs is then ignored). */
  frozenAt?: string | null;
}

export interface LabState {
  schemaVersion: number;
  lab: { name: string; createdAt: string };
  clock: LabClock;
  /** Owned by src/exchange: opaque here, validated only as a JSON object. */
  organization: unknown;
  /** Owned by the lab exercises: opaque here. */
  progress: unknown;
  [extra: string]: unknown;
}

/** The lab's current time from its clock and the real time. */
export function labTime(clock: LabClock, realNow: Date): Date {
  if (clock.frozenAt) return new Date(clock.frozenAt);
  return new Date(realNow.getTime() + clock.offsetMs);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isIsoDate(v: unknown): boolean {
  return typeof v === 'string' && v.length > 0 && !Number.isNaN(Date.parse(v));
}

/**
 * Reads the schemaVersion of a parsed document without trusting anything else in it.
 * Returns undefined when the document has no usable version (then it is not a lab state at all).
 */
export function readSchemaVersion(doc: unknown): number | undefined {
  if (!isPlainObject(doc)) return undefined;
  const v = doc.schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined;
}

/**
 * Checks a document against the current schema. Returns the problems found, each naming the
 * JSON path ("lab.name must be a non-empty string"); an empty list means valid.
 */
export function validateLabState(doc: unknown, version: number = SCHEMA_VERSION): string[] {
  if (!isPlainObject(doc)) return ['the document must be a JSON object'];
  const problems: string[] = [];
  if (doc.schemaVersion !== version) problems.push(`schemaVersion must be ${version}`);
  const lab = doc.lab;
  if (!isPlainObject(lab)) {
    problems.push('lab must be an object');
  } else {
    if (typeof lab.name !== 'string' || lab.name.length === 0) problems.push('lab.name must be a non-empty string');
    if (!isIsoDate(lab.createdAt)) problems.push('lab.createdAt must be an ISO date string');
  }
  const clock = doc.clock;
  if (!isPlainObject(clock)) {
    problems.push('clock must be an object');
  } else {
    if (typeof clock.offsetMs !== 'number' || !Number.isFinite(clock.offsetMs)) {
      problems.push('clock.offsetMs must be a finite number');
    }
    if (clock.frozenAt !== undefined && clock.frozenAt !== null && !isIsoDate(clock.frozenAt)) {
      problems.push('clock.frozenAt must be an ISO date string or null');
    }
  }
  if (!isPlainObject(doc.organization)) problems.push('organization must be an object');
  return problems;
}

/** A fresh, valid envelope; seeds fill in organization and progress. */
export function emptyLabState(name: string, now: Date): LabState {
  return {
    schemaVersion: SCHEMA_VERSION,
    lab: { name, createdAt: now.toISOString() },
    clock: { offsetMs: 0 },
    organization: {},
    progress: {},
  };
}
