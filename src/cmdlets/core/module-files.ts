// What the module cmdlets share: finding a module by name or path on the lab drive (a path, a
// module folder, or <dir>\<Name>\<Name>.psd1|.psm1 under $env:PSModulePath), reading a manifest,
// and the errors 5.1 gives.

import { parseScript } from '../../../grammar/index.js';
import type { CmdletContext, ResolvedPath } from '../../protocol/cmdlet.js';
import type { ModuleManifest, ModuleTable, SessionModule } from '../../protocol/modules.js';
import { PSHashtable, ScriptBlockValue, toDisplayText } from '../../protocol/values.js';
import { decodeText } from './file-common.js';

/** The session's module table; a host without one gets 5.1's error for a missing module. */
export function moduleTable(ctx: CmdletContext): ModuleTable {
  const t = ctx.session.modules;
  if (!t) throw new Error('this session has no module table');
  return t;
}

/** 5.1's non-terminating error for a module name or path that leads to no module file. */
export function moduleNotFound(ctx: CmdletContext, name: string): undefined {
  ctx.writeError(
    ctx.error({
      message: `The specified module '${name}' was not loaded because no valid module file was found in any module directory.`,
      errorId: 'Modules_ModuleNotFound',
      category: 'ResourceUnavailable',
      exceptionType: 'FileNotFoundException',
      targetObject: name,
    }),
  );
  return undefined;
}

const MODULE_EXTENSIONS = ['.psd1', '.psm1', '.ps1', '.dll'];

/** Whether Import-Module takes the text as a path rather than a module name. */
export function isModulePath(name: string): boolean {
  return /[\\/:]/.test(name) || name.startsWith('.') || MODULE_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e));
}

function fileAt(ctx: CmdletContext, p: ResolvedPath): boolean {
  const st = ctx.fs.stat(p);
  return st !== undefined && !st.isDirectory;
}

/** The module file a folder holds: <folder>\<leaf>.psd1, then .psm1, then .dll. */
function inFolder(ctx: CmdletContext, folder: ResolvedPath, leaf: string): ResolvedPath | undefined {
  for (const ext of ['.psd1', '.psm1', '.dll']) {
    const p = ctx.fs.resolve(`${folder.display}\\${leaf}${ext}`, ctx.session.getLocation());
    if (fileAt(ctx, p)) return p;
  }
  return undefined;
}

/** The module file a name or path stands for on the lab drive; undefined when there is none. */
export function findModuleFile(ctx: CmdletContext, name: string): ResolvedPath | undefined {
  const location = ctx.session.getLocation();
  if (isModulePath(name)) {
    let p: ResolvedPath;
    try {
      p = ctx.fs.resolve(name, location);
    } catch {
      return undefined;
    }
    const st = ctx.fs.stat(p);
    if (st && !st.isDirectory) return p;
    if (st?.isDirectory) return inFolder(ctx, p, p.display.slice(p.display.lastIndexOf('\\') + 1));
    // A path without an extension: the module file of that name beside it.
    for (const ext of MODULE_EXTENSIONS) {
      const q = ctx.fs.resolve(p.display + ext, location);
      if (fileAt(ctx, q)) return q;
    }
    return undefined;
  }
  const roots = toDisplayText(ctx.session.getVariable('env:PSModulePath') ?? '').split(';').filter((r) => r.trim());
  for (const root of roots) {
    try {
      const folder = ctx.fs.resolve(`${root}\\${name}`, location);
      if (ctx.fs.stat(folder)?.isDirectory) {
        const file = inFolder(ctx, folder, name);
        if (file) return file;
      }
    } catch {
      // A PSModulePath entry off the lab drive: nothing there.
    }
  }
  return undefined;
}

function stringList(v: unknown): string[] | undefined {
  if (v === null || v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).map((x) => toDisplayText(x));
}

/**
 * A manifest's data (a .psd1 holds one hashtable literal) and the root module it names, resolved
 * beside it. A manifest that is not one hashtable is 5.1's Modules_InvalidManifest.
 */
export async function readManifest(ctx: CmdletContext, file: ResolvedPath): Promise<{ manifest: ModuleManifest; root?: ResolvedPath; rootName?: string }> {
  const text = decodeText(ctx.fs.readBytes(file));
  const parsed = parseScript(text, file.display);
  const invalid = () =>
    ctx.fail(
      ctx.error({
        message: `The module manifest '${file.display}' could not be processed because it is not a valid Windows PowerShell restricted language file. Remove the elements that are not permitted by the restricted language from the module manifest.`,
        errorId: 'Modules_InvalidManifest',
        category: 'InvalidOperation',
        exceptionType: 'InvalidOperationException',
        targetObject: file.display,
      }),
    );
  if (parsed.errors.length) invalid();
  const items = await ctx.invoke(new ScriptBlockValue(parsed.ast, text));
  const data = items.length === 1 ? items[0] : undefined;
  if (!(data instanceof PSHashtable)) return invalid();
  const get = (key: string) => (data.has(key) ? data.get(key) : undefined);
  const manifest: ModuleManifest = {
    version: get('ModuleVersion') === undefined ? undefined : toDisplayText(get('ModuleVersion')),
    guid: get('GUID') === undefined ? undefined : toDisplayText(get('GUID')),
    description: get('Description') === undefined ? undefined : toDisplayText(get('Description')),
    author: get('Author') === undefined ? undefined : toDisplayText(get('Author')),
    functionsToExport: stringList(get('FunctionsToExport')),
    aliasesToExport: stringList(get('AliasesToExport')),
    variablesToExport: stringList(get('VariablesToExport')),
    cmdletsToExport: stringList(get('CmdletsToExport')),
  };
  const rootName = get('RootModule') ?? get('ModuleToProcess');
  if (rootName === undefined || rootName === null || toDisplayText(rootName) === '') return { manifest };
  const dir = file.display.slice(0, file.display.lastIndexOf('\\'));
  const given = toDisplayText(rootName);
  const candidates = /\.(psm1|ps1|dll)$/i.test(given) ? [given] : [`${given}.psm1`, `${given}.dll`];
  for (const c of candidates) {
    const p = ctx.fs.resolve(/^[a-z]:|^\\\\/i.test(c) ? c : `${dir}\\${c}`, ctx.session.getLocation());
    if (fileAt(ctx, p)) return { manifest, root: p, rootName: given };
  }
  return { manifest, rootName: given };
}

/** The modules whose names match any of the patterns (wildcards), in the table's order. */
export function modulesNamed(list: SessionModule[], patterns: (string | null)[] | undefined, match: (name: string, pattern: string) => boolean): SessionModule[] {
  if (!patterns) return list;
  return list.filter((m) => patterns.some((p) => p !== null && match(m.name, p)));
}
