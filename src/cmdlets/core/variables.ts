// What the variable cmdlets share: PSVariable objects, shown as 5.1 shows them (a Name / Value
// table), the ScopedItemOptions flags, the scope a -Scope argument names, and their errors.

import { registerView } from '../../format/views.js';
import type { CmdletContext, ParameterDeclaration, SessionVariable, VariableTable } from '../../protocol/cmdlet.js';
import { TerminatingError } from '../../protocol/errors.js';
import { PSObject } from '../../protocol/values.js';
import { hasWildcard } from '../../protocol/wildcard.js';
import { stringsOf, wildcards } from './patterns.js';

export const PSVARIABLE = 'System.Management.Automation.PSVariable';

/** ScopedItemOptions in declaration order (Enum.ToString lists flags in this order). */
export const SCOPED_ITEM_OPTIONS = ['None', 'ReadOnly', 'Constant', 'Private', 'AllScope', 'Unspecified'] as const;

export const OPTION_PARAMETER = {
  type: 'Enum',
  enum: { typeName: 'System.Management.Automation.ScopedItemOptions', values: SCOPED_ITEM_OPTIONS, flags: true },
  help: 'Sets the Options property of the variable: None, ReadOnly, Constant, Private or AllScope (flags; combine them with commas).',
} satisfies ParameterDeclaration;

export const SCOPE_PARAMETER = {
  type: 'String',
  help: 'Specifies the scope: Global, Script, Local, or a number relative to the current scope (0 is the current scope, 1 its parent).',
} satisfies ParameterDeclaration;

/** `ReadOnly, AllScope` as ScopedItemOptions.ToString() prints it. */
export function optionsText(v: ScopedFlags): string {
  const on = [v.readOnly && 'ReadOnly', v.constant && 'Constant', v.isPrivate && 'Private', v.allScope && 'AllScope'].filter(Boolean);
  return on.length ? on.join(', ') : 'None';
}

/** The ScopedItemOptions flags a variable or an alias carries. */
type ScopedFlags = Pick<SessionVariable, 'readOnly' | 'constant' | 'isPrivate' | 'allScope'>;

/** Sets the option flags of a variable or an alias from a ScopedItemOptions text. */
export function applyOptions(v: ScopedFlags, options: string): void {
  const has = (flag: string) => options.split(',').some((p) => p.trim().toLowerCase() === flag);
  v.readOnly = has('readonly');
  v.constant = has('constant');
  v.isPrivate = has('private');
  v.allScope = has('allscope');
}

/** A PSVariable: live over the session's variable when one is given, else a snapshot. */
export function variableObject(name: string, value: unknown, v?: SessionVariable): PSObject {
  // PSVariable's properties in 5.1's order (Format-List *).
  const o = new PSObject([PSVARIABLE, 'System.Object']);
  const prop = (n: string, typeName: string, get: () => unknown, set?: (x: unknown) => void) => o.addProperty({ name: n, memberType: 'Property', typeName, get, set });
  prop('Name', 'System.String', () => v?.name ?? name);
  prop('Description', 'System.String', () => v?.description ?? '', v ? (x) => (v.description = String(x ?? '')) : undefined);
  prop('Value', 'System.Object', () => (v ? v.value : value), v ? (x) => (v.value = x) : undefined);
  prop('Visibility', 'System.Management.Automation.SessionStateEntryVisibility', () => 'Public');
  prop('Module', 'System.Management.Automation.PSModuleInfo', () => null);
  prop('ModuleName', 'System.String', () => '');
  prop('Options', 'System.Management.Automation.ScopedItemOptions', () => (v ? optionsText(v) : 'None'));
  prop('Attributes', 'System.Collections.ObjectModel.Collection`1[[System.Attribute, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089]]', () => []);
  o.addMethod({ name: 'ToString', invoke: () => v?.name ?? name });
  return o;
}

/** The variable table a -Scope argument names; a bad scope is this command's terminating error. */
export function tableFor(ctx: CmdletContext, scope: unknown): VariableTable {
  const services = ctx.session.variableTable;
  if (!services) throw new Error('variable tables are not available in this session');
  return scopedTable(ctx, scope, services);
}

/** A scope's table (variables, aliases) by a -Scope argument; a bad scope is this command's terminating error. */
export function scopedTable<T>(ctx: CmdletContext, scope: unknown, table: (scope?: string) => T): T {
  const text = scope === undefined || scope === null ? undefined : String(scope);
  try {
    return table(text);
  } catch (e) {
    if (!(e instanceof TerminatingError)) throw e;
    const r = e.record;
    return ctx.fail(ctx.error({ message: r.message, errorId: r.errorId, category: r.category, exceptionType: r.exceptionType, targetObject: r.targetObject }));
  }
}

export function variableNotFound(ctx: CmdletContext, name: string): void {
  ctx.writeError(
    ctx.error({
      message: `Cannot find a variable with the name '${name}'.`,
      errorId: 'VariableNotFound',
      category: 'ObjectNotFound',
      exceptionType: 'ItemNotFoundException',
      targetObject: name,
      targetName: name,
      targetType: 'String',
    }),
  );
}

/** VariableNotWritable / VariableNotRemovable: a read-only variable without -Force, a constant always. */
export function variableProtected(ctx: CmdletContext, name: string, removing: boolean): void {
  ctx.writeError(
    ctx.error({
      message: removing
        ? `Cannot remove variable ${name} because it is constant or read-only. If the variable is read-only, try the operation again specifying the Force option.`
        : `Cannot overwrite variable ${name} because it is read-only or constant.`,
      errorId: removing ? 'VariableNotRemovable' : 'VariableNotWritable',
      category: 'WriteError',
      exceptionType: 'SessionStateUnauthorizedAccessException',
      targetObject: name,
      targetName: name,
      targetType: 'String',
    }),
  );
}

/** Whether a variable may be changed: never a constant; a read-only one only with -Force. */
export function writable(v: SessionVariable, force: boolean): boolean {
  return !v.constant && (!v.readOnly || force);
}

registerView({
  typeName: PSVARIABLE,
  shape: 'table',
  table: { columns: [{ label: 'Name', property: 'Name', width: 30 }, { label: 'Value', property: 'Value' }] },
});

/**
 * The variables of a table each -Name picks (wildcards), narrowed by -Include / -Exclude, handed
 * to `act` name by name; a plain name that matches nothing is VariableNotFound (Clear-Variable,
 * Remove-Variable).
 */
export async function eachNamedVariable(
  ctx: CmdletContext,
  table: VariableTable,
  params: { Name?: unknown; Include?: unknown; Exclude?: unknown },
  act: (v: SessionVariable) => Promise<void>,
): Promise<void> {
  const includes = wildcards(params.Include);
  const excludes = wildcards(params.Exclude);
  const keep = (n: string) => (!includes.length || includes.some((r) => r.test(n))) && !excludes.some((r) => r.test(n));
  for (const name of stringsOf(params.Name) ?? []) {
    const pattern = wildcards(name)[0]!;
    const matches = table.list().filter((v) => pattern.test(v.name) && keep(v.name));
    if (matches.length === 0 && !hasWildcard(name) && !includes.length && !excludes.length) {
      variableNotFound(ctx, name);
      continue;
    }
    for (const v of matches) await act(v);
  }
}

/**
 * -Name (mandatory, wildcards), -Include, -Exclude and -Force of the cmdlets that change
 * existing variables (Clear-Variable, Remove-Variable); `does` is the verb of their help, `Clears`.
 */
export function selectionParameters(does: string) {
  const verb = does.toLowerCase().replace(/s$/, '');
  return {
    Name: {
      type: 'String[]',
      sets: { Default: { position: 0, mandatory: true, fromPipelineByPropertyName: true } },
      help: `Specifies the variables to ${verb}. Wildcard characters are permitted.`,
    },
    Include: { type: 'String[]', help: `${does} only the variables whose names match. Wildcard characters are permitted.` },
    Exclude: { type: 'String[]', help: 'Leaves out the variables whose names match. Wildcard characters are permitted.' },
    Force: { type: 'Switch', help: `${does} read-only variables too.` },
    Scope: SCOPE_PARAMETER,
  } satisfies Record<string, ParameterDeclaration>;
}
