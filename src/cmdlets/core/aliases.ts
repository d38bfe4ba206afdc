// What the alias cmdlets share: AliasInfo objects, a scope's alias table by -Scope, and writing
// one alias into a table with the checks 5.1's SessionStateScope.SetAliasItem makes (a constant
// alias never changes, a read-only one only with -Force, AllScope is never taken away).

import type { AliasTable, CmdletContext, SessionAlias } from '../../protocol/cmdlet.js';
import { registerTypeName } from '../../protocol/convert.js';
import type { PSObject } from '../../protocol/values.js';
import { commandObject } from './command-info.js';
import { applyOptions, scopedTable } from './variables.js';

for (const t of ['CommandInfo', 'AliasInfo']) registerTypeName(`System.Management.Automation.${t}`);

/** The alias table a -Scope argument names (none: what the command's scope sees). */
export function aliasTableFor(ctx: CmdletContext, scope: unknown): AliasTable {
  const services = ctx.session.aliasTable;
  if (!services) throw new Error('alias tables are not available in this session');
  return scopedTable(ctx, scope, services);
}

/** An AliasInfo, live over the session's alias (Description can be set). */
export function aliasObject(ctx: CmdletContext, alias: SessionAlias): PSObject {
  return commandObject({ name: alias.name, commandType: 'Alias', definition: alias.definition, alias, module: '' }, (n) => ctx.session.resolveCommand(n));
}

function aliasError(ctx: CmdletContext, name: string, errorId: string, message: string, category: 'WriteError' | 'ResourceExists', exceptionType: string) {
  return ctx.error({ message, errorId, category, exceptionType, targetObject: name, targetName: name, targetType: 'String' });
}

/** AliasAlreadyExists (New-Alias and Import-Alias without -Force). */
export function aliasExists(ctx: CmdletContext, name: string) {
  return aliasError(ctx, name, 'AliasAlreadyExists', `The alias is not allowed, because an alias with the name '${name}' already exists.`, 'ResourceExists', 'SessionStateException');
}

/** Set-Alias / New-Alias once the checks of their own are done: write the alias, -PassThru it. */
export function setAliasFromParameters(
  ctx: CmdletContext,
  params: { Name: string; Value: string; Description?: string | null; Option?: string | null; Scope?: string | null; Force?: boolean; PassThru?: boolean },
): void {
  const table = aliasTableFor(ctx, params.Scope);
  const inScope = aliasTableFor(ctx, params.Scope ?? 'Local').get(params.Name);
  const request = { name: params.Name, definition: params.Value, description: params.Description, option: params.Option, scope: params.Scope, force: Boolean(params.Force) };
  const made = writeAlias(ctx, table, request, inScope);
  if (made && params.PassThru) ctx.write(aliasObject(ctx, made));
}

export interface AliasRequest {
  name: string;
  definition: string;
  description?: string | null;
  option?: string | null;
  scope?: string | null;
  force: boolean;
}

/**
 * Writes an alias into the table's scope, replacing one of the same name there; undefined (and
 * an error written) when the one there may not change.
 */
export function writeAlias(ctx: CmdletContext, table: AliasTable, request: AliasRequest, existingInScope: SessionAlias | undefined): SessionAlias | undefined {
  const { name, force } = request;
  const made: SessionAlias = { name, definition: request.definition, description: request.description ?? '' };
  // -Scope Private makes the alias private (SetAliasItemAtScope).
  applyOptions(made, `${request.option ?? ''}${request.scope?.trim().toLowerCase() === 'private' ? ',Private' : ''}`);
  const old = existingInScope;
  if (old && (old.constant || (old.readOnly && !force))) {
    ctx.writeError(aliasError(ctx, name, 'AliasNotWritable', `Alias is not writeable because alias ${name} is read-only or constant and cannot be written to.`, 'WriteError', 'SessionStateUnauthorizedAccessException'));
    return undefined;
  }
  if (old?.allScope && !made.allScope) {
    ctx.writeError(aliasError(ctx, name, 'AliasAllScopeOptionCannotBeRemoved', `The AllScope option cannot be removed from the alias '${name}'.`, 'WriteError', 'SessionStateUnauthorizedAccessException'));
    return undefined;
  }
  return table.define(made);
}
