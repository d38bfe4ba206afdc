// Where a localized file is (.NET's resource fallback, as Import-LocalizedData and external help
// files are found): <dir>\<culture>\<file> for the culture and each parent culture, then <dir>\<file>.
import { cultureInfo } from '../../protocol/culture.js';
import { PSObject, toDisplayText } from '../../protocol/values.js';

export function joinDir(dir: string, name: string): string {
  return dir.endsWith('\\') ? dir + name : `${dir}\\${name}`;
}

/** The names of a culture and its parents, most specific first, the invariant culture left out. */
function cultureChain(culture: PSObject): string[] {
  const names: string[] = [];
  for (let c: unknown = culture; c instanceof PSObject; c = c.get('Parent')) {
    const name = toDisplayText(c.get('Name'));
    if (!name || names.includes(name)) break;
    names.push(name);
  }
  return names;
}

/**
 * The paths a localized file may have, most specific first. `sessionCulture`: the culture is the
 * session's UI culture, after which .NET Framework also tries en-US (an explicit culture has no such fallback).
 */
export function localizedCandidates(dir: string, fileName: string, culture: PSObject, sessionCulture: boolean): string[] {
  const chain = cultureChain(culture);
  if (sessionCulture && toDisplayText(culture.get('Name')) !== 'en-US') chain.push(...cultureChain(cultureInfo('en-US')!));
  return [...chain.map((c) => joinDir(joinDir(dir, c), fileName)), joinDir(dir, fileName)];
}
