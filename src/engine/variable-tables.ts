// The variable cmdlets' view of the scopes (SessionServices.variableTable): `-Scope Global`,
// `Script`, `Local`/`Private` or a number counted up from the command's scope, as PowerShell's
// SessionStateScopeAPIs resolve them. Dot-sourced blocks are not scopes of their own. The alias
// cmdlets see the scopes the same way (aliasTable).

import type { AliasTable, SessionAlias, SessionVariable, VariableTable } from '../protocol/cmdlet.js';
import { ErrorRecord, TerminatingError } from '../protocol/errors.js';
import type { Scope, Variable } from './scope.js';

function scopeArgumentError(message: string, errorId: string, exceptionType: string, value: string): TerminatingError {
  return new TerminatingError(
    new ErrorRecord({ message, errorId, category: 'InvalidArgument', exceptionType, targetObject: value }),
  );
}

/** The scope `-Scope <text>` names, seen from `from` (the command's scope). */
export function scopeByName(from: Scope, text: string): Scope {
  const local = from.local;
  const t = text.trim().toLowerCase();
  if (t === 'global') return local.global;
  if (t === 'local' || t === 'private') return local;
  if (t === 'script') return local.script;
  if (!/^[+-]?\d+$/.test(t)) {
    throw scopeArgumentError(
      'Cannot process argument because the value of parameter "Scope" is not valid. Valid values are "Global", "Local", or "Script", ' +
        'or a number relative to the current scope (0 through the number of scopes where 0 is the current scope and 1 is its parent). ' +
        'Change the value of the "Scope" parameter and run the operation again.',
      'Argument',
      'PSArgumentException',
      text,
    );
  }
  const n = Number(t);
  const outOfRange = (message: string) =>
    scopeArgumentError(`${message}\r\nParameter name: Scope\r\nActual value was ${text.trim()}.`, 'ArgumentOutOfRange', 'PSArgumentOutOfRangeException', text);
  if (n < 0) throw outOfRange('Specified argument was out of the range of valid values.');
  let s: Scope | null = local;
  for (let i = 0; i < n && s; i++) s = s.parent ? s.parent.local : null;
  if (!s) throw outOfRange(`The scope number '${text.trim()}' exceeds the number of active scopes.`);
  return s;
}

/** Private variables of other scopes are invisible from here. */
function visibleFrom(from: Scope, v: Variable, owner: Scope): boolean {
  return !v.isPrivate || owner === from.local;
}

export function variableTable(from: Scope, scopeText?: string): VariableTable {
  const named = scopeText === undefined || scopeText === '' ? undefined : scopeByName(from, scopeText);
  const home = named ?? from.local;
  return {
    get(name) {
      const key = name.toLowerCase();
      if (named) return named.getOwn(key);
      for (let s: Scope | null = from; s; s = s.parent) {
        const v = s.getOwn(key);
        if (v && visibleFrom(from, v, s.local)) return v;
      }
      return undefined;
    },
    list() {
      if (named) return [...(named.vars?.values() ?? [])];
      const seen = new Map<string, Variable>();
      for (let s: Scope | null = from; s; s = s.parent) {
        for (const [k, v] of s.vars ?? []) if (!seen.has(k) && visibleFrom(from, v, s.local)) seen.set(k, v);
      }
      return [...seen.values()];
    },
    define(v: SessionVariable) {
      const key = v.name.toLowerCase();
      if (!home.vars) home.vars = new Map();
      const record: Variable = { ...v };
      home.vars.set(key, record);
      return record;
    },
    remove(name) {
      return home.removeOwn(name.toLowerCase());
    },
  };
}

/** The alias cmdlets' view of the scopes, as variableTable is the variable cmdlets'. */
export function aliasTable(from: Scope, scopeText?: string): AliasTable {
  const named = scopeText === undefined || scopeText === '' ? undefined : scopeByName(from, scopeText);
  const home = named ?? from.local;
  return {
    get(name) {
      const key = name.toLowerCase();
      return named ? named.aliases?.get(key) : from.lookupAlias(key);
    },
    list() {
      return named ? [...(named.aliases?.values() ?? [])] : from.visibleAliases();
    },
    define(a: SessionAlias) {
      if (!home.aliases) home.aliases = new Map();
      const record: SessionAlias = { ...a };
      home.aliases.set(a.name.toLowerCase(), record);
      return record;
    },
    remove(name) {
      const key = name.toLowerCase();
      if (named || home.aliases?.has(key)) return home.aliases?.delete(key) ?? false;
      // With no scope named, the alias the command sees is the one removed (Remove-Item alias:x).
      for (let s: Scope | null = from; s; s = s.parent) if (s.aliases?.delete(key)) return true;
      return false;
    },
  };
}
