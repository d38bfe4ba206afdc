// The Env: drive (PowerShell's Environment provider): `Env:\NAME` is an environment variable of
// the session, an item the provider writes as a DictionaryEntry (Name/Key, Value). Get-ChildItem
// and Get-Item reach the environment through it; `$env:NAME` is the engine's.

import type { CmdletContext } from '../../protocol/cmdlet.js';
import { dictionaryEntries } from '../../protocol/members.js';
import { PSHashtable, type PSObject } from '../../protocol/values.js';
import { hasWildcard, unescapeWildcard } from '../../protocol/wildcard.js';
import { pathNotFound } from './file-common.js';
import { wildcards } from './patterns.js';

/** The name (or pattern) after `Env:` (`Environment::`, `Microsoft.PowerShell.Core\Environment::`); undefined for any other path. */
export function envDrivePath(text: string): string | undefined {
  const m = /^(?:(?:Microsoft\.PowerShell\.Core\\)?Environment::|Env:)[\\/]?(.*)$/is.exec(text);
  return m ? m[1] : undefined;
}

/**
 * The environment variables an Env: path picks, by name: all for the drive itself, those matching
 * a wildcard, or the one named (else PathNotFound).
 */
export function envItems(ctx: CmdletContext, name: string, literal: boolean): PSObject[] {
  const names = (ctx.session.environmentNames?.() ?? []).sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
  let picked: string[];
  if (name === '') picked = names;
  else if (!literal && hasWildcard(name)) {
    const re = wildcards(name)[0]!;
    picked = names.filter((n) => re.test(n));
  } else {
    const wanted = (literal ? name : unescapeWildcard(name)).toLowerCase();
    picked = names.filter((n) => n.toLowerCase() === wanted);
    if (!picked.length) ctx.writeError(pathNotFound(ctx, `Env:\\${name}`));
  }
  const table = new PSHashtable();
  for (const n of picked) table.set(n, ctx.session.getVariable(`env:${n}`));
  return dictionaryEntries(table);
}
