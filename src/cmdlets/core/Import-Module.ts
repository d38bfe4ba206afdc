// Import-Module (ipmo): loads a script module (.psm1, a manifest .psd1 and its root module, a .ps1)
// from the lab drive by path or by name under $env:PSModulePath, and brings what it exports into
// the session. The modules emsh's cmdlets come from are always loaded: naming one does nothing.

import { defineCmdlet, type BoundParameters, type CmdletContext, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { PSModuleInfoObject, type ModuleImportOptions, type SessionModule } from '../../protocol/modules.js';
import { findModuleFile, moduleNotFound, moduleTable, readManifest } from './module-files.js';
import { stringsOf } from './patterns.js';

const PARAMETERS = {
  Name: {
    type: 'String[]',
    sets: { Name: { position: 0, mandatory: true, fromPipeline: true } },
    help: 'Specifies the modules to import: a module name (found under $env:PSModulePath), or the path of a .psm1, .psd1 or .ps1 file or of a module folder.',
  },
  ModuleInfo: {
    type: 'Object[]',
    netType: 'System.Management.Automation.PSModuleInfo[]',
    sets: { ModuleInfo: { position: 0, mandatory: true, fromPipeline: true } },
    help: 'Specifies module objects to import (from Get-Module or New-Module).',
  },
  Prefix: { type: 'String', help: 'Adds the prefix to the nouns of the imported commands (Get-Item becomes Get-<Prefix>Item).' },
  Function: { type: 'String[]', help: 'Imports only these functions of the module. Wildcard characters are permitted.' },
  Cmdlet: { type: 'String[]', help: 'Imports only these cmdlets of the module. Wildcard characters are permitted.' },
  Variable: { type: 'String[]', help: 'Imports only these variables of the module. Wildcard characters are permitted.' },
  Alias: { type: 'String[]', help: 'Imports only these aliases of the module. Wildcard characters are permitted.' },
  Force: { type: 'Switch', help: 'Loads the module again even when it is already imported.' },
  PassThru: { type: 'Switch', help: 'Writes the imported module (PSModuleInfo). By default, this cmdlet writes nothing.' },
  ArgumentList: { type: 'Object[]', aliases: ['Args'], help: "Specifies arguments passed to the module's script (its param block or $args)." },
  DisableNameChecking: { type: 'Switch', help: 'Imports commands with unapproved verbs without the warning.' },
  NoClobber: { type: 'Switch', help: 'Leaves out commands with the same name as existing commands.' },
  Global: { type: 'Switch', help: 'Imports into the global scope (the default when called from the prompt or a script).' },
  Scope: { type: 'String', validateSet: ['Local', 'Global'], help: 'Local imports into the scope of the command that runs Import-Module; Global into the global scope.' },
  MinimumVersion: { type: 'String', aliases: ['Version'], sets: { Name: {} }, help: 'Imports the module only if its version is this one or later.' },
  RequiredVersion: { type: 'String', sets: { Name: {} }, help: 'Imports the module only if it has exactly this version.' },
  Assembly: {
    type: 'Object[]',
    netType: 'System.Reflection.Assembly[]',
    sets: { Assembly: { position: 0, mandatory: true, fromPipeline: true } },
    help: 'Specifies assembly objects to import cmdlets from (binary modules: not in emsh).',
  },
} satisfies Record<string, ParameterDeclaration>;

/** The parameters as the cmdlet's blocks and helpers receive them. */
type Params = BoundParameters<typeof PARAMETERS>;

function options(params: Params): ModuleImportOptions {
  const filter = {
    functions: stringsOf(params.Function),
    aliases: stringsOf(params.Alias),
    variables: stringsOf(params.Variable),
    cmdlets: stringsOf(params.Cmdlet),
  };
  const local = params.Scope === 'Local' && !params.Global;
  return { local, prefix: params.Prefix ?? undefined, filter: Object.values(filter).some((f) => f) ? filter : undefined };
}

/** 5.1's version comparison (`1.10` after `1.9`): numeric parts, missing ones as 0. */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

async function importByName(ctx: CmdletContext, params: Params, name: string): Promise<SessionModule | undefined> {
  const table = moduleTable(ctx);
  const opts = options(params);
  const loaded = table.list().find((m) => m.name.toLowerCase() === name.toLowerCase() || (m.path && m.path.toLowerCase() === name.toLowerCase()));
  const builtIn = table.builtIn(name);
  if (builtIn) return builtIn;
  if (loaded && !params.Force) {
    table.importLoaded(loaded, opts);
    return loaded;
  }
  const file = findModuleFile(ctx, name);
  if (!file) return moduleNotFound(ctx, name);
  ctx.writeVerbose(`Loading module from path '${file.display}'.`);
  const args = params.ArgumentList ?? [];
  let result: { module: SessionModule; output: unknown[] };
  if (/\.dll$/i.test(file.display)) {
    return ctx.fail(
      ctx.error({
        message: `Could not load file or assembly '${file.display}' or one of its dependencies. The module was expected to contain an assembly manifest.`,
        errorId: 'System.BadImageFormatException',
        category: 'NotSpecified',
        exceptionType: 'BadImageFormatException',
        targetObject: file.display,
      }),
    );
  }
  if (/\.psd1$/i.test(file.display)) {
    const { manifest, root, rootName } = await readManifest(ctx, file);
    if (rootName !== undefined && !root) return moduleNotFound(ctx, rootName);
    if (params.RequiredVersion && compareVersions(manifest.version ?? '0.0', params.RequiredVersion) !== 0) return moduleNotFound(ctx, name);
    if (params.MinimumVersion && compareVersions(manifest.version ?? '0.0', params.MinimumVersion) < 0) return moduleNotFound(ctx, name);
    const base = file.display.slice(file.display.lastIndexOf('\\') + 1).replace(/\.psd1$/i, '');
    result = await table.loadScript(root, { name: base, manifest, manifestPath: file.display, args }, opts);
  } else {
    result = await table.loadScript(file, { args }, opts);
  }
  for (const o of result.output) ctx.write(o);
  for (const f of result.module.exportedFunctions()) ctx.writeVerbose(`Importing function '${f}'.`);
  return result.module;
}

export default defineCmdlet({
  name: 'Import-Module',
  aliases: ['ipmo'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Adds modules to the current session.',
  description:
    'The Import-Module cmdlet adds one or more modules to the current session. A script module ' +
    '(.psm1) runs once in a scope of its own; the functions it exports (all of them unless it calls ' +
    'Export-ModuleMember; a manifest .psd1 narrows them with FunctionsToExport and the other lists) ' +
    'join the global scope, or the calling scope with -Scope Local. A module is found by path, by its ' +
    'folder, or by name in the folders of $env:PSModulePath. Importing a module again does nothing ' +
    'unless -Force loads it anew. The modules of the built-in cmdlets are always loaded.',
  defaultParameterSet: 'Name',
  parameters: PARAMETERS,
  outputType: ['None', 'System.Management.Automation.PSModuleInfo'],
  examples: [
    {
      code: "Set-Content C:\\Tools\\Certs.psm1 'function Get-Expiring { \"none\" }'; Import-Module C:\\Tools\\Certs.psm1; Get-Expiring",
      setup: 'New-Item C:\\Tools -ItemType Directory -Force | Out-Null',
      remarks: 'Imports a script module and runs the function it exports.',
      shows: 'none',
    },
    {
      code: "Set-Content C:\\Tools\\Certs.psm1 'function Get-Expiring { }'; Import-Module C:\\Tools\\Certs.psm1 -PassThru | Format-List Name, ModuleType",
      setup: 'New-Item C:\\Tools -ItemType Directory -Force | Out-Null',
      remarks: 'Writes the module it imported.',
      shows: /Name\s+: Certs\s+ModuleType : Script/,
    },
  ],
  related: ['Get-Module', 'Remove-Module', 'New-Module', 'Export-ModuleMember'],
  async process(params, ctx) {
    if (params.Assembly !== undefined) {
      return ctx.fail(
        ctx.error({
          message: 'Cannot load the module from an assembly: this session has no binary modules.',
          errorId: 'Modules_ModuleNotFound',
          category: 'ResourceUnavailable',
          exceptionType: 'FileNotFoundException',
        }),
      );
    }
    const found: SessionModule[] = [];
    for (const info of params.ModuleInfo ?? []) {
      const m = info instanceof PSModuleInfoObject ? info.module : undefined;
      if (!m) {
        moduleNotFound(ctx, String(info));
        continue;
      }
      moduleTable(ctx).importLoaded(m, options(params));
      found.push(m);
    }
    for (const name of stringsOf(params.Name) ?? []) {
      const m = await importByName(ctx, params, name);
      if (m) found.push(m);
    }
    if (params.PassThru) for (const m of found) ctx.write(m.info);
  },
});
