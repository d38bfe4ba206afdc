// The session's modules. A script module's code runs once, in a scope of its own whose parent is
// the global scope (the module's `$script:` scope, with $PSScriptRoot its folder); its exported
// functions run below that scope wherever they are called from, so they see the module's
// variables and private functions and not their caller's locals. What a module exports goes into
// the global scope (or the importing command's, -Scope Local); removing the module takes it out.
//
// Exports as 5.1 has them: a .psm1 that never calls Export-ModuleMember exports all its functions
// and no variables or aliases; once it calls it, exactly what the calls name; a manifest's
// *ToExport lists narrow that further.

import type * as A from '../../grammar/ast.js';
import type { CmdletDeclaration, ResolvedPath, SessionAlias } from '../protocol/cmdlet.js';
import {
  PSModuleInfoObject,
  type ModuleExports,
  type ModuleImportFilter,
  type ModuleImportOptions,
  type ModuleManifest,
  type ModuleTable,
  type ModuleType,
  type SessionModule,
} from '../protocol/modules.js';
import type { ScriptBlockValue } from '../protocol/values.js';
import { matchesWildcard } from '../protocol/wildcard.js';
import { parseScript } from '../../grammar/index.js';
import { decodeText } from '../protocol/text-codec.js';
import { TerminatingError } from '../protocol/errors.js';
import { parseErrorRecord } from './engine-errors.js';
import { blockSources, type Interpreter } from './evaluate.js';
import { ScriptStage } from './pipeline.js';
import { CollectPipe, type Streams } from './runtime.js';
import { Scope, type FunctionInfo, type Variable } from './scope.js';

/** The Windows PowerShell 5.1 versions of the modules emsh's cmdlets come from. */
const BUILT_IN_VERSIONS: Record<string, string> = {
  'microsoft.powershell.management': '3.1.0.0',
  'microsoft.powershell.utility': '3.1.0.0',
  'microsoft.powershell.security': '3.0.0.0',
  'microsoft.powershell.host': '3.0.0.0',
  psreadline: '1.2',
  pki: '1.0.0.0',
};
/** Snap-ins, which are not modules in 5.1 (Get-Module does not list them). */
const SNAP_INS = new Set(['', 'microsoft.powershell.core', 'microsoft.exchange.management.powershell.admin']);
const SYSTEM_MODULES = 'C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules';

export class ModuleRecord implements SessionModule {
  /** Exported members (what an import brings in), by lower-case name. */
  readonly functions = new Map<string, FunctionInfo>();
  readonly aliases = new Map<string, SessionAlias>();
  readonly variables = new Map<string, Variable>();
  readonly cmdlets: string[] = [];
  /** What Export-ModuleMember named, gathered over its calls; undefined until the first. */
  explicit: ModuleExports | undefined;
  /** Scopes its members were imported into, and under which names. */
  readonly imports: { scope: Scope; functions: Map<string, FunctionInfo>; aliases: Map<string, SessionAlias>; variables: Map<string, Variable> }[] = [];
  scope: Scope | undefined;
  private infoObject: PSModuleInfoObject | undefined;
  description = '';
  author = '';
  guid = '00000000-0000-0000-0000-000000000000';

  constructor(
    readonly name: string,
    readonly path: string,
    readonly moduleType: ModuleType,
    public version = '0.0',
  ) {}

  get moduleBase(): string {
    const cut = this.path.lastIndexOf('\\');
    return cut >= 0 ? this.path.slice(0, cut) : '';
  }

  exportedFunctions(): string[] {
    return [...this.functions.values()].map((f) => f.name);
  }
  exportedAliases(): string[] {
    return [...this.aliases.values()].map((a) => a.name);
  }
  exportedVariables(): string[] {
    return [...this.variables.values()].map((v) => v.name);
  }
  exportedCmdlets(): string[] {
    return this.cmdlets.slice();
  }

  get info(): PSModuleInfoObject {
    return (this.infoObject ??= new PSModuleInfoObject(this));
  }
}

const matchesAny = (name: string, patterns: readonly string[] | undefined) => patterns !== undefined && patterns.some((p) => matchesWildcard(name, p));

/** Verb-Noun with `-Prefix` before the noun (`Get-Item` → `Get-PreItem`), a name without a dash gets it in front. */
function prefixed(name: string, prefix: string | undefined): string {
  if (!prefix) return name;
  const dash = name.indexOf('-');
  return dash < 0 ? prefix + name : name.slice(0, dash + 1) + prefix + name.slice(dash + 1);
}

export class ModuleManager {
  /** Imported modules, in import order (Get-Module). */
  private readonly loaded: ModuleRecord[] = [];
  private builtIns: Map<string, ModuleRecord> | undefined;

  constructor(
    private readonly interp: Interpreter,
    private readonly cmdlets: () => Iterable<CmdletDeclaration>,
    private readonly streams: () => Streams,
  ) {}

  private builtInMap(): Map<string, ModuleRecord> {
    if (this.builtIns) return this.builtIns;
    const map = new Map<string, ModuleRecord>();
    for (const d of this.cmdlets()) {
      const key = (d.module ?? '').toLowerCase();
      if (SNAP_INS.has(key)) continue;
      let m = map.get(key);
      if (!m) {
        m = new ModuleRecord(d.module!, `${SYSTEM_MODULES}\\${d.module}\\${d.module}.psd1`, 'Manifest', BUILT_IN_VERSIONS[key] ?? '1.0.0.0');
        map.set(key, m);
      }
      m.cmdlets.push(d.name);
    }
    return (this.builtIns = map);
  }

  /** The table a command sees from `scope` (-Scope Local imports go there). */
  table(scope: Scope): ModuleTable {
    return {
      list: () => [...this.builtInMap().values(), ...this.loaded],
      builtIn: (name) => this.builtInMap().get(name.toLowerCase()),
      builtInModules: () => [...this.builtInMap().values()],
      loadScript: (file, init, options) => this.loadScript(scope, file, init, options),
      loadDynamic: (name, block, args, exports) => this.loadDynamic(name, block, args, exports),
      importLoaded: (m, options) => this.importInto(this.record(m), scope, options),
      remove: (m) => this.remove(this.record(m)),
      exportMembers: (exports) => this.exportMembers(scope, exports),
    };
  }

  private record(m: SessionModule): ModuleRecord {
    if (!(m instanceof ModuleRecord)) throw new Error('not a module of this session');
    return m;
  }

  /** Runs a module's code in its own scope (child of the global one) and gathers its exports. */
  private async run(m: ModuleRecord, block: A.ScriptBlockAst, source: A.SourceText, scriptPath: string | undefined, args: unknown[]): Promise<unknown[]> {
    const rt = this.interp.rt;
    const streams = this.streams();
    const stage = new ScriptStage(this.interp, {
      block,
      source,
      name: scriptPath ?? '',
      callerFrame: { scope: rt.global, source, streams },
      dot: false,
      scopeKind: 'script',
      args: args.map((value) => ({ kind: 'value' as const, value, span: block.span })),
      streams,
      expectingInput: false,
      invocationName: '',
      span: block.span,
      position: 1,
      scriptPath,
    });
    stage.scope.module = m;
    m.scope = stage.scope;
    const collect = new CollectPipe();
    stage.out = collect;
    await stage.defineTypes();
    stage.bindArgs();
    await stage.prepare();
    await stage.begin();
    await stage.processNoInput();
    await stage.end();
    this.gatherExports(m, stage.scope);
    return collect.items;
  }

  private gatherExports(m: ModuleRecord, scope: Scope): void {
    const x = m.explicit;
    for (const f of scope.functions?.values() ?? []) {
      f.module = { scope, name: m.name };
      if (!x || matchesAny(f.name, x.functions)) m.functions.set(f.name.toLowerCase(), f);
    }
    if (!x) return;
    for (const a of scope.aliases?.values() ?? []) if (matchesAny(a.name, x.aliases)) m.aliases.set(a.name.toLowerCase(), a);
    for (const v of scope.vars?.values() ?? []) if (matchesAny(v.name, x.variables)) m.variables.set(v.name.toLowerCase(), v);
  }

  private narrow(m: ModuleRecord, manifest: ModuleManifest): void {
    const keep = <T>(map: Map<string, T>, patterns: string[] | undefined, name: (x: T) => string) => {
      if (!patterns) return;
      for (const [k, x] of map) if (!matchesAny(name(x), patterns)) map.delete(k);
    };
    keep(m.functions, manifest.functionsToExport, (f) => f.name);
    keep(m.aliases, manifest.aliasesToExport, (a) => a.name);
    keep(m.variables, manifest.variablesToExport, (v) => v.name);
  }

  private async loadScript(
    scope: Scope,
    file: ResolvedPath | undefined,
    init: { name?: string; manifest?: ModuleManifest; manifestPath?: string; args: unknown[] },
    options: ModuleImportOptions,
  ): Promise<{ module: SessionModule; output: unknown[] }> {
    const rt = this.interp.rt;
    // A manifest without a root module is a module with no code of its own.
    const text = file ? decodeText(rt.fs.readBytes(file)) : '';
    const parsed = parseScript(text, file?.display);
    if (parsed.errors.length > 0) {
      const pe = parsed.errors[0]!;
      throw new TerminatingError(parseErrorRecord(pe.message, pe.errorId, parsed.source, pe.span));
    }
    blockSources.set(parsed.ast, parsed.source);
    const path = init.manifestPath ?? file?.display ?? '';
    const leaf = path.slice(path.lastIndexOf('\\') + 1);
    const name = init.name ?? leaf.replace(/\.[^.]*$/, '');
    const m = new ModuleRecord(name, path, init.manifest ? 'Manifest' : 'Script', init.manifest?.version ?? '0.0');
    if (init.manifest) {
      m.description = init.manifest.description ?? '';
      m.author = init.manifest.author ?? '';
      if (init.manifest.guid) m.guid = init.manifest.guid;
    }
    // A module imported again with -Force replaces the one of the same path.
    for (const old of this.loaded.filter((o) => o.path.toLowerCase() === path.toLowerCase())) this.remove(old);
    const output = await this.run(m, parsed.ast, parsed.source, file?.display ?? path, init.args);
    if (init.manifest) this.narrow(m, init.manifest);
    this.importInto(m, scope, options);
    return { module: m, output };
  }

  private async loadDynamic(name: string, block: ScriptBlockValue, args: unknown[], exports: ModuleImportFilter | undefined): Promise<{ module: SessionModule; output: unknown[] }> {
    const ast = block.ast as A.ScriptBlockAst;
    const source = blockSources.get(ast) ?? { text: block.text };
    const m = new ModuleRecord(name || `__DynamicModule_${crypto.randomUUID()}`, '', 'Script');
    m.version = '0.0';
    const output = await this.run(m, ast, source, undefined, args);
    if (exports?.functions) for (const [k, f] of m.functions) if (!matchesAny(f.name, exports.functions)) m.functions.delete(k);
    // New-Module imports into the global scope without listing the module (Get-Module shows it after Import-Module).
    this.bring(m, this.interp.rt.global, {});
    return { module: m, output };
  }

  /** Brings a module's exports into a scope (global unless -Scope Local) and lists the module. */
  private importInto(m: ModuleRecord, scope: Scope, options: ModuleImportOptions): void {
    const target = options.local ? scope.local : this.interp.rt.global;
    this.bring(m, target, options);
    if (!this.loaded.includes(m)) this.loaded.push(m);
  }

  private bring(m: ModuleRecord, target: Scope, options: ModuleImportOptions): void {
    const filter = options.filter;
    const done = { scope: target, functions: new Map<string, FunctionInfo>(), aliases: new Map<string, SessionAlias>(), variables: new Map<string, Variable>() };
    for (const f of m.functions.values()) {
      if (filter?.functions && !matchesAny(f.name, filter.functions)) continue;
      const name = prefixed(f.name, options.prefix);
      const fn = name === f.name ? f : { ...f, name };
      target.defineFunction(fn);
      done.functions.set(name.toLowerCase(), fn);
    }
    for (const a of m.aliases.values()) {
      if (filter?.aliases && !matchesAny(a.name, filter.aliases)) continue;
      (target.aliases ??= new Map()).set(a.name.toLowerCase(), a);
      done.aliases.set(a.name.toLowerCase(), a);
    }
    for (const v of m.variables.values()) {
      if (filter?.variables && !matchesAny(v.name, filter.variables)) continue;
      // The same variable: the module's code and the importer see one value.
      (target.vars ??= new Map()).set(v.name.toLowerCase(), v);
      done.variables.set(v.name.toLowerCase(), v);
    }
    m.imports.push(done);
  }

  private remove(m: ModuleRecord): void {
    for (const imp of m.imports.splice(0)) {
      const s = imp.scope;
      for (const [k, f] of imp.functions) if (s.functions?.get(k) === f) s.functions.delete(k);
      for (const [k, a] of imp.aliases) if (s.aliases?.get(k) === a) s.aliases.delete(k);
      for (const [k, v] of imp.variables) if (s.vars?.get(k) === v) s.vars.delete(k);
    }
    const i = this.loaded.indexOf(m);
    if (i >= 0) this.loaded.splice(i, 1);
  }

  private exportMembers(scope: Scope, exports: ModuleExports): boolean {
    let s: Scope | null = scope;
    while (s && !s.module) s = s.parent;
    const m = s?.module;
    if (!(m instanceof ModuleRecord)) return false;
    const x = (m.explicit ??= {});
    for (const kind of ['functions', 'aliases', 'variables', 'cmdlets'] as const) {
      const list = exports[kind];
      if (list) x[kind] = [...(x[kind] ?? []), ...list];
    }
    return true;
  }
}
