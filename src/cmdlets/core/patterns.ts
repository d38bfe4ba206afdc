// String[] parameters as cmdlets read them. The binder keeps $null elements (`-Name @('x', $null)`,
// as PowerShell does); a null element names nothing, so it is left out here.

import { compileWildcard, type Wildcard } from '../../protocol/wildcard.js';

/** The strings of a String[] parameter; undefined when it was not given (or given as $null). */
export function stringsOf(v: unknown): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

/** A String[] of wildcard patterns, compiled ([] when not given). */
export function wildcards(v: unknown): Wildcard[] {
  return (stringsOf(v) ?? []).map((p) => compileWildcard(p));
}
