// The Env: drive (PowerShell's Environment provider): `Env:\NAME` is an environment variable of
// the session ($env:NAME), an item with Name/Key and Value (DictionaryEntry). Get-ChildItem,
// Get-Item, Test-Path and Remove-Item reach environment variables through it.

import type { CmdletContext } from '../../protocol/cmdlet.js';
import { dictionaryEntry } from '../../format/display.js';
import { PSObject, toDisplayText } from '../../protocol/values.js';
import { hasWildcard, unescapeWildcard } from '../../protocol/wildcard.js';
import { pathNotFound } from './file-common.js';
import { wildcards } from './patterns.js';

const ENV_PROVIDER = 'Microsoft.PowerShell.Core\\Environment';

/** The name (or pattern) after `Env:` (`Env::`, `Microsoft.PowerShell.Core\Environment::`); undefined for any other path. */
export function envDrivePath(text: string): string | undefined {
  const m = /^(?:(?:Microsoft\.PowerShell\.Core\\)?Environment::|Env:)[\\/]?(.*)$/is.exec(text);
  return m ? m[1] : undefined;
}

function entry(name: string, value: unknown): PSObject {
  const e = dictionaryEntry(name, value);
  e.addNote('PSPath', `${ENV_PROVIDER}::${name}`);
  e.addNote('PSDrive', 'Env');
  e.addNote('PSProvider', ENV_PROVIDER);
  e.addNote('PSIsContainer', false);
  return e;
}

/** The environment variables by name (sorted, as the provider lists them). */
function variables(ctx: CmdletContext): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  for (const name of ctx.session.environmentNames?.() ?? []) {
    const value = ctx.session.getVariable(`env:${name}`);
    if (value !== null && value !== undefined) out.push({ name, value: toDisplayText(value) });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
}

/**
 * The variables an Env: path picks: all for the drive itself, those matching a wildcard, or the
 * one named (else PathNotFound, unless `quiet`).
 */
export function envItems(ctx: CmdletContext, name: string, literal: boolean, quiet = false): PSObject[] {
  if (name === '') return variables(ctx).map((v) => entry(v.name, v.value));
  if (!literal && hasWildcard(name)) {
    const re = wildcards(name)[0]!;
    return variables(ctx)
      .filter((v) => re.test(v.name))
      .map((v) => entry(v.name, v.value));
  }
  const wanted = (literal ? name : unescapeWildcard(name)).toLowerCase();
  const found = variables(ctx).find((v) => v.name.toLowerCase() === wanted);
  if (found) return [entry(found.name, found.value)];
  if (!quiet) ctx.writeError(pathNotFound(ctx, `Env:\\${name}`));
  return [];
}

/** Removes an environment variable (what `$env:NAME = $null` does). */
export function removeEnv(ctx: CmdletContext, item: PSObject): void {
  ctx.session.setVariable(`env:${toDisplayText(item.get('Key'))}`, null);
}
