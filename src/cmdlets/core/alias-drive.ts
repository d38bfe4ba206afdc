// The Alias: drive (PowerShell's Alias provider): `Alias:\name` is an alias of the session, seen
// from the command's scope. Get-ChildItem, Get-Item, Test-Path and Remove-Item reach aliases
// through it; everything else about aliases is in aliases.ts.

import type { CmdletContext, SessionAlias } from '../../protocol/cmdlet.js';
import { hasWildcard, unescapeWildcard } from '../../protocol/wildcard.js';
import { aliasTableFor } from './aliases.js';
import { pathNotFound } from './file-common.js';
import { wildcards } from './patterns.js';

/** The name (or pattern) after `Alias:` (`Alias::`, `Microsoft.PowerShell.Core\Alias::`); undefined for any other path. */
export function aliasDrivePath(text: string): string | undefined {
  const m = /^(?:(?:Microsoft\.PowerShell\.Core\\)?Alias::|Alias:)[\\/]?(.*)$/is.exec(text);
  return m ? m[1] : undefined;
}

/**
 * The aliases an Alias: path picks: all for the drive itself, those matching a wildcard, or the
 * one named (else PathNotFound, unless `quiet`).
 */
export function aliasItems(ctx: CmdletContext, name: string, literal: boolean, quiet = false): SessionAlias[] {
  const table = aliasTableFor(ctx, undefined);
  const sorted = () => table.list().sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  if (name === '') return sorted();
  if (!literal && hasWildcard(name)) {
    const re = wildcards(name)[0]!;
    return sorted().filter((a) => re.test(a.name));
  }
  const found = table.get(literal ? name : unescapeWildcard(name));
  if (found) return [found];
  if (!quiet) ctx.writeError(pathNotFound(ctx, `Alias:\\${name}`));
  return [];
}

/** Removes an alias from the scope it lives in: a constant one never, a read-only one with -Force. */
export function removeAlias(ctx: CmdletContext, alias: SessionAlias, force: boolean): void {
  if (alias.constant || (alias.readOnly && !force)) {
    ctx.writeError(
      ctx.error({
        message: `Alias was not removed because alias ${alias.name} is constant or read-only.`,
        errorId: 'AliasNotRemovable',
        category: 'WriteError',
        exceptionType: 'SessionStateUnauthorizedAccessException',
        targetObject: alias.name,
        targetName: alias.name,
        targetType: 'String',
      }),
    );
    return;
  }
  aliasTableFor(ctx, undefined).remove(alias.name);
}
