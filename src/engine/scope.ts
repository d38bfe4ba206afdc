// Variable scopes. PowerShell scoping is dynamic: a function's scope is a child of its caller's,
// reads walk up the chain, and a plain assignment creates the variable in the local scope.

import type { ScriptBlockAst, SourceText, Span } from '../../grammar/ast.js';
import type { ParameterDeclaration, SessionAlias, SessionVariable } from '../protocol/cmdlet.js';
import type { SessionModule } from '../protocol/modules.js';

export interface Variable extends SessionVariable {
  name: string;
  value: unknown;
  /** $true, $false, $null and friends. */
  constant?: boolean;
  readOnly?: boolean;
  /** `[int]$x = 1`: later assignments convert to this type. */
  typeConstraint?: string;
}

export interface FunctionInfo {
  name: string;
  isFilter: boolean;
  body: ScriptBlockAst;
  source: SourceText;
  /** Source text of the body, for Get-Command's Definition. */
  text: string;
  /** Parameters declared as `function f($a, $b)`, merged with body.params by the caller. */
  declaration?: Record<string, ParameterDeclaration>;
  /** The `function name {...}` statement's span (absent for Set-Item function:name): where help comments before it are looked for. */
  definition?: Span;
  /** A module's function: it runs in a child of the module's scope, not of its caller's, and Get-Command names the module. */
  module?: { scope: Scope; name: string };
}

export type ScopeKind = 'global' | 'script' | 'function' | 'dot';

export class Scope {
  /** Created on first write: most block scopes never define a variable. */
  vars: Map<string, Variable> | null = null;
  functions: Map<string, FunctionInfo> | null = null;
  /** Aliases made in this scope (the global scope holds the cmdlets' own). */
  aliases: Map<string, SessionAlias> | null = null;
  /** `$_` / `$PSItem` live outside the map: they change per pipeline object. */
  hasUnder = false;
  under: unknown = null;
  /** Set-StrictMode in this scope (0 is -Off); children inherit the nearest one set. */
  strictMode: number | undefined = undefined;
  /** The function or script running in this scope (a function's or script's own scope only; '' for a script block run with `&`). */
  commandName: string | undefined = undefined;
  /** The module whose scope this is (a module's top scope only): Export-ModuleMember finds it up the chain. */
  module: SessionModule | undefined = undefined;

  constructor(
    readonly parent: Scope | null,
    readonly kind: ScopeKind,
  ) {}

  /** The scope a plain assignment writes to: a dot-sourced block writes into its parent. */
  get local(): Scope {
    let s: Scope = this;
    while (s.kind === 'dot' && s.parent) s = s.parent;
    return s;
  }

  /** The nearest script scope (the global scope doubles as the script scope at the prompt). */
  get script(): Scope {
    let s: Scope = this;
    while (s.kind !== 'script' && s.kind !== 'global' && s.parent) s = s.parent;
    return s;
  }

  get global(): Scope {
    let s: Scope = this;
    while (s.parent) s = s.parent;
    return s;
  }

  /** Finds a variable by lower-case key, walking up the chain. */
  lookup(key: string): Variable | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const v = s.vars?.get(key);
      if (v) return v;
    }
    return undefined;
  }

  /** `$_`: nearest scope that has one. */
  lookupUnder(): { found: boolean; value: unknown } {
    for (let s: Scope | null = this; s; s = s.parent) {
      if (s.hasUnder) return { found: true, value: s.under };
    }
    return { found: false, value: null };
  }

  getOwn(key: string): Variable | undefined {
    return this.vars?.get(key);
  }

  /** Sets (or creates) a variable in exactly this scope. */
  setOwn(name: string, value: unknown, key = name.toLowerCase()): Variable {
    if (!this.vars) this.vars = new Map();
    let v = this.vars.get(key);
    if (v) v.value = value;
    else {
      v = { name, value };
      this.vars.set(key, v);
    }
    return v;
  }

  removeOwn(key: string): boolean {
    return this.vars?.delete(key) ?? false;
  }

  /** The strict-mode version in force here (0: off). */
  strictVersion(): number {
    for (let s: Scope | null = this; s; s = s.parent) if (s.strictMode !== undefined) return s.strictMode;
    return 0;
  }

  lookupFunction(key: string): FunctionInfo | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      const f = s.functions?.get(key);
      if (f) return f;
    }
    return undefined;
  }

  /** An alias by lower-case name, nearest scope first; another scope's private alias is not seen. */
  lookupAlias(key: string): SessionAlias | undefined {
    const local = this.local;
    for (let s: Scope | null = this; s; s = s.parent) {
      const a = s.aliases?.get(key);
      if (a && (!a.isPrivate || s.local === local)) return a;
    }
    return undefined;
  }

  /** All aliases visible from here, nearest definition first wins. */
  visibleAliases(): SessionAlias[] {
    const local = this.local;
    const seen = new Map<string, SessionAlias>();
    for (let s: Scope | null = this; s; s = s.parent) {
      for (const [k, a] of s.aliases ?? []) if (!seen.has(k) && (!a.isPrivate || s.local === local)) seen.set(k, a);
    }
    return [...seen.values()];
  }

  defineFunction(f: FunctionInfo): void {
    const target = this.local;
    if (!target.functions) target.functions = new Map();
    target.functions.set(f.name.toLowerCase(), f);
  }

  /** All functions visible from here, nearest definition first wins. */
  visibleFunctions(): FunctionInfo[] {
    const seen = new Map<string, FunctionInfo>();
    for (let s: Scope | null = this; s; s = s.parent) {
      for (const [k, f] of s.functions ?? []) if (!seen.has(k)) seen.set(k, f);
    }
    return [...seen.values()];
  }

  /** All variables visible from here (for Get-Variable). */
  visibleVariables(): Variable[] {
    const seen = new Map<string, Variable>();
    for (let s: Scope | null = this; s; s = s.parent) {
      for (const [k, v] of s.vars ?? []) if (!seen.has(k)) seen.set(k, v);
    }
    return [...seen.values()];
  }
}
