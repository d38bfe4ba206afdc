// Composition: the one place that knows every floor. Opens a lab (state + organization) and
// builds a Session on it for a host.

import { renameSync, existsSync } from 'node:fs';
import { Session } from './engine/session.js';
import { renderer } from './format/index.js';
import { allCmdlets } from './cmdlets/index.js';
import { OrganizationKey } from './cmdlets/exchange/common.js';
import { LabDrive } from './store/lab-drive.js';
import { labPaths } from './store/lab-home.js';
import { LabStore } from './store/lab-store.js';
import { emptyLabState, type LabState } from './store/schema.js';
import { Organization } from './exchange/organization.js';
import { createBuiltinOrganization } from './exchange/seed.js';
import { validateOrganization } from './exchange/validate.js';
import { normalizeOrganization } from './exchange/defaults.js';
import type { KeySource } from './exchange/setup.js';
import type { OrgState } from './exchange/model.js';
import { loadPki } from './pki/load.js';
import type { Host } from './protocol/host.js';
import type { ServiceKey, ServiceRegistry, SessionServices } from './protocol/cmdlet.js';
import type { CompletionSource } from './ui/completion.js';
import { viewForTypeName, type ViewSpec } from './format/views.js';
import { EXCHANGE_CERTIFICATE_PROPERTIES, EXCHANGE_CERTIFICATE_TYPE } from './exchange/certificate.js';
import { DIRECTORY_TYPES, FILE_TYPES } from './cmdlets/core/file-common.js';
import { ReadLineKey, ReadLineSettings } from './protocol/readline.js';
import { memberNames } from './protocol/members.js';
import { knownTypeNames } from './protocol/convert.js';

/** The machine the shell starts on in the built-in lab (EMS on the first Exchange server). */
export const START_MACHINE = 'Ex2007EE';

/** Real RSA keys for a new lab's setup certificates and CA. */
export const realKeys: KeySource = async (bits) => (await (await loadPki()).generateRsaKey(bits)).privatePem;

export interface OpenLabOptions {
  home: string;
  lab: string;
  /** Keys for a new lab (tests pass fixture keys). */
  keys?: KeySource;
  /** Overrides the lab clock (transcript tests). */
  now?: () => Date;
  readOnly?: boolean;
}

/** An opened lab: its state file, its organization, and its clock. */
export class Lab {
  constructor(
    readonly name: string,
    readonly home: string,
    readonly store: LabStore,
    readonly org: Organization,
    readonly now: () => Date,
  ) {}

  /** Saves after a statement that changed something (and never in a read-only session). */
  async saveIfChanged(): Promise<void> {
    if (!this.org.dirty || this.store.readOnly) return;
    this.org.dirty = false;
    await this.store.save();
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

export async function openLab(opts: OpenLabOptions): Promise<Lab> {
  const paths = labPaths(opts.home, opts.lab);
  const keys = opts.keys ?? realKeys;
  const realNow = () => new Date();
  const seed = async (): Promise<LabState> => {
    const now = opts.now?.() ?? realNow();
    const state = emptyLabState(opts.lab, now);
    state.organization = await createBuiltinOrganization(now, keys);
    return state;
  };
  const open = () => LabStore.open({ statePath: paths.state, seed, readOnlyFallback: true, readOnly: opts.readOnly, labName: opts.lab });
  let store = await open();
  const problems = validateOrganization(store.state.organization);
  if (problems.length && !store.readOnly) {
    // The envelope was fine but the organization is not: set the file aside as the store does.
    await store.close();
    const aside = `${paths.state}.corrupt-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
    if (existsSync(paths.state)) renameSync(paths.state, aside);
    store = await open();
    store.warnings.push(`The organization in lab '${opts.lab}' was not valid (${problems[0]}); the file was moved to ${aside} and the lab was created anew.`);
  }
  const now = opts.now ?? (() => store.labNow());
  normalizeOrganization(store.state.organization as OrgState);
  const org = new Organization(store.state.organization as OrgState, now);
  // Every session is a new logon: EMS opens on the first Exchange server, wherever the last one ended.
  if (org.server(START_MACHINE)) org.state.currentMachine = org.server(START_MACHINE)!.name;
  return new Lab(opts.lab, opts.home, store, org, now);
}

const drives = new WeakMap<Session, LabDrive>();
const readLines = new WeakMap<Session, ReadLineSettings>();

export interface ComposeOptions {
  host: Host;
  lab: Lab;
}

export function composeSession(opts: ComposeOptions): Session {
  const { lab } = opts;
  const fs = new LabDrive({
    home: lab.home,
    lab: lab.name,
    machine: () => lab.org.current.name,
    knownMachines: () => lab.org.allServers().map((s) => s.name),
    now: lab.now,
  });
  // The PSReadLine options and key bindings: Set-PSReadLine* change them, the Ink UI reads them.
  const readLine = new ReadLineSettings();
  const services: ServiceRegistry = {
    get<T>(key: ServiceKey<T>): T {
      const v = this.tryGet(key);
      if (v === undefined) throw new Error(`No service ${key.name} in this session.`);
      return v;
    },
    tryGet<T>(key: ServiceKey<T>): T | undefined {
      if (key.name === ReadLineKey.name) return readLine as T;
      return key.name === OrganizationKey.name ? (lab.org as T) : undefined;
    },
  };
  const session = new Session({
    cmdlets: allCmdlets,
    host: opts.host,
    renderer,
    fs,
    services,
    machine: START_MACHINE,
    now: lab.now,
    promptPrefix: '[PS] ',
  });
  session.onStatementComplete = () => lab.saveIfChanged();
  for (const w of lab.store.warnings) opts.host.writeLine(`WARNING: ${w}`, 'warning');
  drives.set(session, fs);
  readLines.set(session, readLine);
  return session;
}

/** The session's PSReadLine settings (the interactive shell's key bindings and options). */
export function readLineSettingsOf(session: Session): ReadLineSettings | undefined {
  return readLines.get(session);
}

/** What tab completion may ask a session: its commands, variables, drive, machines and thumbprints. */
export function completionSourceFor(session: Session, lab: Lab): CompletionSource {
  const services = session.services as SessionServices & { variableNames?: () => string[] };
  return {
    commands: () => services.commands(),
    variables: () => services.variableNames?.() ?? ['true', 'false', 'null', 'Error', 'ErrorActionPreference', 'PWD', 'HOME'],
    thumbprints: () => lab.org.current.list().map((f) => f.thumbprint),
    machines: () => lab.org.allServers().map((s) => s.name),
    paths: (prefix) => {
      const fs = drives.get(session);
      if (!fs) return [];
      const dir = fs.resolve(prefix === '' ? '.' : prefix, services.getLocation());
      return fs.list(dir).map((e) => ({ name: e.name, isDirectory: e.isDirectory }));
    },
    propertiesOf: (commandName) => {
      const lower = commandName.toLowerCase();
      const decl = services.commands().find((c) => c.name.toLowerCase() === lower)?.declaration;
      const names = (decl?.outputType ?? []).flatMap((t) => propertyNamesOfType(t));
      return names.length ? [...new Set(names)] : undefined;
    },
    // Member completion (issue 12): values are read, never evaluated; types give sample members.
    valueOf: (name) => (services.hasVariable(name) ? services.getVariable(name) : undefined),
    membersOf: (value) => memberNames(value),
    membersOfType: (typeName) => membersOfTypeName(typeName),
    environment: () => services.environmentNames?.() ?? [],
    typeNames: () => knownTypeNames(),
  };
}

/** Members of a declared output type: a sample value's for .NET primitives, else the type's properties. */
function membersOfTypeName(typeName: string): { name: string; memberType: string }[] | undefined {
  const samples: Record<string, unknown> = { 'system.datetime': new Date(0), 'system.string': '', 'system.int32': 0, 'system.double': 0.5 };
  const sample = samples[typeName.toLowerCase()];
  if (sample !== undefined) return memberNames(sample);
  const props = propertyNamesOfType(typeName);
  return props.length ? props.map((name) => ({ name, memberType: 'Property' })) : undefined;
}

/** Base types of output types whose view is registered on the base (FileInfo's is on FileSystemInfo). */
const TYPE_CHAINS: Record<string, readonly string[]> = { 'system.io.fileinfo': FILE_TYPES, 'system.io.directoryinfo': DIRECTORY_TYPES };

/** Property names of a type: the certificate's full table, else the columns of its registered view. */
function propertyNamesOfType(typeName: string): string[] {
  if (typeName.toLowerCase() === EXCHANGE_CERTIFICATE_TYPE.toLowerCase()) return [...EXCHANGE_CERTIFICATE_PROPERTIES];
  for (const t of TYPE_CHAINS[typeName.toLowerCase()] ?? [typeName]) {
    const view = viewForTypeName(t);
    if (view) return viewPropertyNames(view);
  }
  return [];
}

function viewPropertyNames(view: ViewSpec): string[] {
  const columns = [...(view.table?.columns ?? []), ...(view.list?.properties ?? [])];
  // A computed column's label is the property it shows (Length, LastWriteTime); a bound one may
  // show a different property under its label (Services ← ServicesStringForm): both are real.
  return columns.flatMap((c) => (c.property && c.property !== c.label ? [c.property, c.label] : [c.property ?? c.label]));
}
