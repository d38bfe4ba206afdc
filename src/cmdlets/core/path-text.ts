// Windows path text as the FileSystem provider parses it, for Join-Path, Split-Path and
// Resolve-Path: separators (`/` is `\`), qualifiers (`C:`, `FileSystem::`), roots, parents, leaves.

const PROVIDER_PREFIX = /^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i;

export function normalizeSeparators(path: string): string {
  return path.replace(/\//g, '\\');
}

/** `C:\`, `\\server\share`, `\`: a path with no parent. */
function rootLength(path: string): number {
  const unc = /^\\\\[^\\]+\\[^\\]+\\?/.exec(path);
  if (unc) return unc[0].length;
  const drive = /^[A-Za-z]+:\\?/.exec(path);
  if (drive) return drive[0].length;
  return path.startsWith('\\') ? 1 : 0;
}

/** Trailing separators removed, except the one of a root (`C:\`). */
function trimEnd(path: string): string {
  const root = rootLength(path);
  let end = path.length;
  while (end > root && path[end - 1] === '\\') end--;
  return path.slice(0, end);
}

/** Split-Path's default: the parent container, '' for a root or a single name. */
export function parentPath(input: string): string {
  const prefix = PROVIDER_PREFIX.exec(input)?.[0] ?? '';
  const path = trimEnd(normalizeSeparators(input.slice(prefix.length)));
  const root = rootLength(path);
  if (root === path.length) return '';
  const i = path.lastIndexOf('\\');
  if (i < root) return root > 0 ? prefix + path.slice(0, root) : '';
  return prefix + path.slice(0, Math.max(i, root));
}

/** Split-Path -Leaf: the last element. */
export function leafName(input: string): string {
  const path = trimEnd(normalizeSeparators(input.replace(PROVIDER_PREFIX, '')));
  const root = rootLength(path);
  if (root === path.length) return path;
  return path.slice(Math.max(path.lastIndexOf('\\') + 1, root));
}

/** Split-Path -Qualifier: `C:` (or `FileSystem::`); undefined when the path has none. */
export function qualifierOf(path: string): string | undefined {
  const provider = PROVIDER_PREFIX.exec(path);
  if (provider) return provider[0];
  const i = path.indexOf(':');
  return i < 0 ? undefined : path.slice(0, i + 1);
}

/** Split-Path -NoQualifier. */
export function withoutQualifier(path: string): string {
  const q = qualifierOf(path);
  return q === undefined ? path : path.slice(q.length);
}

/** Split-Path -IsAbsolute: a drive-qualified rooted path or a UNC path (`\x` is drive-relative). */
export function isAbsolutePath(input: string): boolean {
  const path = normalizeSeparators(input.replace(PROVIDER_PREFIX, ''));
  return /^[A-Za-z]+:(\\|$)/.test(path) || path.startsWith('\\\\');
}

/** Join-Path's join: one separator between the parts, whatever each side had. */
export function joinPath(parent: string, child: string): string {
  const p = normalizeSeparators(parent);
  const c = normalizeSeparators(child).replace(/^\\+/, '');
  if (p === '') return c;
  return `${p.replace(/\\+$/, '')}\\${c}`;
}

/** Resolve-Path -Relative: `.\x`, `..\y` from the location, or the full path on another root. */
export function relativePath(target: string, location: string): string {
  const split = (p: string) => p.split('\\').filter((s) => s !== '');
  const t = split(target);
  const l = split(location);
  if (!t.length || !l.length || t[0]!.toLowerCase() !== l[0]!.toLowerCase()) return target;
  let common = 0;
  while (common < t.length && common < l.length && t[common]!.toLowerCase() === l[common]!.toLowerCase()) common++;
  const up = l.length - common;
  const rest = t.slice(common).join('\\');
  if (up === 0) return rest ? `.\\${rest}` : '.';
  return rest ? '..\\'.repeat(up) + rest : Array(up).fill('..').join('\\');
}
