// Modules of the session as the module cmdlets see them (PSModuleInfo): script modules (.psm1, a
// manifest's root module) run from the lab drive, dynamic modules (New-Module), and the modules
// the session's cmdlets come from. The engine keeps them (src/engine/modules.ts); the object
// Get-Module writes is a PSModuleInfoObject, which knows its module (Remove-Module takes it back).

import { PSHashtable, PSObject, ScriptBlockValue } from './values.js';
import { registerTypeName } from './convert.js';
import { VersionValue, parseVersion } from './version.js';
import type { ResolvedPath } from './cmdlet.js';

export type ModuleType = 'Script' | 'Manifest' | 'Binary';

/** What a manifest (.psd1) says about its module; absent keys leave 5.1's defaults. */
export interface ModuleManifest {
  version?: string;
  guid?: string;
  description?: string;
  author?: string;
  /** Patterns of the root module's members the manifest lets out (FunctionsToExport ...); absent: all the module exports. */
  functionsToExport?: string[];
  aliasesToExport?: string[];
  variablesToExport?: string[];
  cmdletsToExport?: string[];
}

export interface SessionModule {
  readonly name: string;
  /** The file it was loaded from ('' for a dynamic module). */
  readonly path: string;
  readonly moduleBase: string;
  readonly moduleType: ModuleType;
  readonly version: string;
  readonly guid: string;
  readonly description: string;
  readonly author: string;
  /** Exported members' names, in the order the module defined them. */
  exportedFunctions(): string[];
  exportedAliases(): string[];
  exportedVariables(): string[];
  exportedCmdlets(): string[];
  /** Its PSModuleInfo object (one per module, so `-eq` and Remove-Module see the same object). */
  readonly info: PSModuleInfoObject;
}

/** Which exported members an import takes (Import-Module -Function / -Alias / -Variable / -Cmdlet); absent: all. */
export interface ModuleImportFilter {
  functions?: string[];
  aliases?: string[];
  variables?: string[];
  cmdlets?: string[];
}

export interface ModuleImportOptions {
  /** `-Scope Local`: into the command's scope instead of the global one. */
  local?: boolean;
  /** `-Prefix`: exported commands' nouns get it (`Get-PreItem`). */
  prefix?: string;
  filter?: ModuleImportFilter;
}

/** Export-ModuleMember's lists (wildcard patterns); absent: that kind is not exported. */
export interface ModuleExports {
  functions?: string[];
  aliases?: string[];
  variables?: string[];
  cmdlets?: string[];
}

/** The session's modules (SessionServices.modules). */
export interface ModuleTable {
  /** Modules imported into the session, in import order (the cmdlets' own modules included). */
  list(): SessionModule[];
  /** One of the modules the session's cmdlets come from (Microsoft.PowerShell.Utility ...), by name. */
  builtIn(name: string): SessionModule | undefined;
  /** Every module the session's cmdlets come from (Get-Module -ListAvailable). */
  builtInModules(): SessionModule[];
  /**
   * Runs a script module (a .psm1, or a manifest's root module; none: a manifest alone) in a module
   * scope of its own with `args`, and imports what it exports; returns the module and what its script wrote.
   */
  loadScript(file: ResolvedPath | undefined, init: { name?: string; manifest?: ModuleManifest; manifestPath?: string; args: unknown[] }, options: ModuleImportOptions): Promise<{ module: SessionModule; output: unknown[] }>;
  /** New-Module: a dynamic module from a script block (not listed by Get-Module until Import-Module takes it). */
  loadDynamic(name: string, block: ScriptBlockValue, args: unknown[], exports: ModuleImportFilter | undefined): Promise<{ module: SessionModule; output: unknown[] }>;
  /** Imports a loaded module's exports (again) into the session; lists it. */
  importLoaded(m: SessionModule, options: ModuleImportOptions): void;
  /** Removes the module and the members it imported. */
  remove(m: SessionModule): void;
  /** Export-ModuleMember from the module whose code is running; false when no module's code is. */
  exportMembers(exports: ModuleExports): boolean;
}

const TYPE = 'System.Management.Automation.PSModuleInfo';
registerTypeName(TYPE);

/** A PSModuleInfo: the module's facts as .NET properties, live (exports change with Export-ModuleMember). */
export class PSModuleInfoObject extends PSObject {
  constructor(readonly module: SessionModule) {
    super([TYPE, 'System.Object']);
    const m = module;
    const prop = (name: string, typeName: string, get: () => unknown) => this.addProperty({ name, memberType: 'Property', typeName, get });
    // Dictionary[string, XInfo] keyed by name; the values are the names too (the CommandInfo objects are Get-Command's).
    const names = (list: () => string[], valueType: string) => () => {
      const d = new PSHashtable();
      d.dotnetType = `System.Collections.Generic.Dictionary\`2[[System.String],[${valueType}]]`;
      for (const n of list()) d.set(n, n);
      return d;
    };
    prop('Name', 'string', () => m.name);
    prop('Path', 'string', () => m.path);
    prop('ModuleBase', 'string', () => m.moduleBase);
    prop('ModuleType', 'System.Management.Automation.ModuleType', () => m.moduleType);
    prop('Version', 'version', () => parseVersion(m.version) ?? new VersionValue(0, 0));
    prop('Guid', 'guid', () => m.guid);
    prop('Description', 'string', () => m.description);
    prop('Author', 'string', () => m.author);
    prop('ExportedFunctions', 'System.Collections.Generic.Dictionary[string,System.Management.Automation.FunctionInfo]', names(() => m.exportedFunctions(), 'System.Management.Automation.FunctionInfo'));
    prop('ExportedAliases', 'System.Collections.Generic.Dictionary[string,System.Management.Automation.AliasInfo]', names(() => m.exportedAliases(), 'System.Management.Automation.AliasInfo'));
    prop('ExportedVariables', 'System.Collections.Generic.Dictionary[string,psvariable]', names(() => m.exportedVariables(), 'System.Management.Automation.PSVariable'));
    prop('ExportedCmdlets', 'System.Collections.Generic.Dictionary[string,System.Management.Automation.CmdletInfo]', names(() => m.exportedCmdlets(), 'System.Management.Automation.CmdletInfo'));
    prop('ExportedCommands', 'System.Collections.Generic.Dictionary[string,System.Management.Automation.CommandInfo]', names(() => [...m.exportedCmdlets(), ...m.exportedFunctions(), ...m.exportedAliases()], 'System.Management.Automation.CommandInfo'));
    this.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => m.name });
  }
}
