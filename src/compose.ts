// Composition: the one place that knows every floor. Opens a lab (state + organization) and
// builds a Session on it for a host.

import { resolve as resolvePath } from 'node:path';
import { Session } from './engine/session.js';
import { renderer } from './format/index.js';
import { allCmdlets } from './cmdlets/index.js';
import { OrganizationKey } from './cmdlets/exchange/common.js';
import { TrustedRootsKey, type TrustedRoots } from './protocol/trust.js';
import { findMachine, trustedRootStore } from './exchange/clients.js';
import { LabDrive } from './store/lab-drive.js';
import { labPaths } from './store/lab-home.js';
import { LabBusyError, LabCommitError, LabReadOnlyError, LabStore, type StatePartition } from './store/lab-store.js';
import { JournaledFile } from './store/journal.js';
import { deleteItem, getItem, putItem, rootOf, withRoot } from './exchange/partition.js';
import { ErrorRecord, PipelineStoppedError, TerminatingError } from './protocol/errors.js';
import type { StateKeeper } from './protocol/state-keeper.js';
import { emptyLabState, labTime, type LabState } from './store/schema.js';
import { LabClock } from './exchange/lab-clock.js';
import { LabClockKey } from './cmdlets/lab/LabDate.js';
import { LabEndpointsKey, type LabEndpointService } from './cmdlets/lab/endpoints-service.js';
import type { EndpointSet } from './exchange/endpoints/listeners.js';
import { TrainingKey } from './cmdlets/lab/training-service.js';
import { Training, defaultExercisePath } from './training.js';
import { Organization } from './exchange/organization.js';
import { createBuiltinOrganization } from './exchange/seed.js';
import { validateOrganization } from './exchange/validate.js';
import { normalizeOrganization } from './exchange/defaults.js';
import type { KeySource } from './exchange/setup.js';
import type { OrgState } from './exchange/model.js';
import { loadPki } from './pki/load.js';
import type { Host } from './protocol/host.js';
import { FileSystemDrives, FileSystemDrivesKey } from './protocol/ps-drives.js';
import { LocationStacks, LocationStacksKey } from './protocol/location-stacks.js';
import type { LabFileSystem, ServiceKey, ServiceRegistry, SessionServices } from './protocol/cmdlet.js';
import type { CompletionSource } from './ui/completion.js';
import type { LabCheckSource } from './ui/lab-watch.js';
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
  /** How long a statement that changes the lab waits for another emsh's statement (default 30 s; EMSH_LOCK_WAIT in seconds). */
  waitMs?: number;
  /** Told once a statement has waited a second for the lab (who holds it). */
  onWaiting?: (message: string) => void;
}

/** The default wait for another writer: EMSH_LOCK_WAIT seconds, else 30 s. */
export function defaultLockWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.EMSH_LOCK_WAIT);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 30_000;
}

/** The lab document's partition for the journal: certificate and request records are items. */
const LAB_PARTITION: StatePartition = {
  rootOf: (state) => rootOf(state),
  withRoot: (root, previous) => withRoot(root, previous),
  getItem,
  putItem,
  deleteItem,
};

/**
 * An opened lab: its state (store), its organization and its clock. It is the session's
 * StateKeeper: statements that may change the lab become its writer for their duration, and
 * every change is committed to the store's journal before the shell shows anything.
 */
export class Lab implements StateKeeper {
  failedCommits = 0;
  /** Told once a statement has waited a second for another writer. */
  reportWaiting?: (message: string) => void;
  private waitMs: number;
  /** Nested pipelines that change the lab: the outermost one holds the writer lock. */
  private depth = 0;
  private readonly verify = process.env.EMSH_VERIFY_JOURNAL === '1';
  private verifiedWrites = 0;

  constructor(
    readonly name: string,
    readonly home: string,
    readonly store: LabStore,
    readonly org: Organization,
    readonly now: () => Date,
    readonly clock: LabClock,
    /** How it was opened: another lab opens the same way (keys, clock base, waits) when a session moves on (Start-LabExercise). */
    readonly options: OpenLabOptions = { home, lab: name },
  ) {
    this.waitMs = options.waitMs ?? defaultLockWaitMs();
    this.reportWaiting = options.onWaiting;
    org.sink = {
      root: () => store.markRoot(),
      item: (collection, server, thumbprint) => store.markItem([collection, server, thumbprint]),
    };
    // Another session's changes (or a rollback) replaced the document: the organization follows.
    store.onReload = (state) => {
      normalizeOrganization(state.organization as OrgState);
      org.replaceState(state.organization as OrgState);
    };
  }

  get readOnly(): boolean {
    return this.store.readOnly;
  }

  /** <home>/labs/<lab>: the lab's folder (state, journal, history, drives, activity log, checkpoints). */
  get dir(): string {
    return labPaths(this.home, this.name).dir;
  }

  beginStatement(): void {
    try {
      this.store.refresh();
    } catch (e) {
      throw this.asTerminating(e);
    }
  }

  async beginChanges(signal: AbortSignal): Promise<void> {
    if (this.depth++ > 0 || this.store.readOnly) return;
    let told = false;
    try {
      await this.store.beginChanges({
        waitMs: this.waitMs,
        signal,
        onWait: (owner, waited) => {
          if (told || waited < 1000) return;
          told = true;
          this.reportWaiting?.(`Waiting for the lab '${this.name}': another emsh (pid ${owner?.pid ?? '?'}) is changing it.`);
        },
      });
    } catch (e) {
      this.depth--;
      // Ctrl+C while waiting: the pipeline stops quietly, as any stopped pipeline does.
      if (signal.aborted) throw new PipelineStoppedError();
      throw this.asTerminating(e);
    }
  }

  endChanges(): void {
    if (this.depth === 0 || --this.depth > 0) return;
    this.release();
  }

  commit(durable = true): void {
    try {
      this.store.commit({ durable });
    } catch (e) {
      throw this.asTerminating(e);
    }
    this.org.dirty = false;
    if (this.verify) this.verifySaved();
  }

  endStatement(): void {
    this.depth = 0;
    this.release(true);
  }

  /** Saves what is pending (durably at the end of a statement) and lets other writers in. */
  private release(durable = false): void {
    try {
      this.store.endChanges({ durable });
    } catch (e) {
      throw this.asTerminating(e);
    }
    if (this.verify) this.verifySaved();
  }

  /**
   * Tests' check that every change was marked: after a write, the lab read back from disk must
   * equal the one in memory. A change made without org.touch()/touchItem() would be lost on
   * restart; this makes it an error at once (EMSH_VERIFY_JOURNAL=1, set by the test suite).
   */
  private verifySaved(): void {
    if (this.store.writes === this.verifiedWrites || this.store.readOnly) return;
    this.verifiedWrites = this.store.writes;
    const disk = readLabFile(this.store.statePath);
    if (!disk) throw new Error('The lab state file disappeared after a save.');
    normalizeOrganization(disk.organization as OrgState);
    const difference = firstDifference(withoutSessionState(this.store.state), withoutSessionState(disk));
    if (difference) throw new Error(`The saved lab differs from the lab in memory at ${difference}: a change was not marked (org.touch()).`);
  }

  /** Saves whatever is pending (tests, benches, the end of a run). */
  async saveIfChanged(): Promise<void> {
    this.commit();
  }

  /** Work to finish when the lab closes (endpoints stop listening), run before the store closes. */
  private readonly closers: (() => Promise<void>)[] = [];

  onClose(fn: () => Promise<void>): void {
    this.closers.push(fn);
  }

  async close(): Promise<void> {
    for (const fn of this.closers.splice(0)) await fn().catch(() => undefined);
    return this.store.close();
  }

  /** A store failure as the error record the shell shows; it ends the script. */
  private asTerminating(e: unknown): unknown {
    if (!(e instanceof LabCommitError)) return e;
    this.failedCommits++;
    const readOnly = e instanceof LabReadOnlyError;
    const busy = e instanceof LabBusyError;
    return new TerminatingError(
      new ErrorRecord({
        message: e.message,
        errorId: readOnly ? 'LabReadOnly' : busy ? 'LabBusy' : 'LabChangeNotSaved',
        category: readOnly ? 'PermissionDenied' : busy ? 'ResourceBusy' : 'WriteError',
        exceptionType: 'System.IO.IOException',
        targetObject: this.name,
      }),
      true,
    );
  }
}

/**
 * A lab's state as it is on disk now (lab.json with its journal applied), without opening the lab:
 * for graders and tests. Null when the lab has no state file.
 */
export function readLabFile(statePath: string): LabState | null {
  return new JournaledFile(statePath, LAB_PARTITION).read();
}

/** The lab document without what belongs to one session (the machine it is logged on to). */
function withoutSessionState(state: LabState): unknown {
  const org = state.organization as OrgState;
  return { ...state, organization: { ...org, currentMachine: undefined } };
}

/** The JSON path of the first place two JSON values differ (keys in any order), or undefined. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | undefined {
  if (a === b) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return JSON.stringify(a) === JSON.stringify(b) ? undefined : at;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}.length`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (d) return d;
    }
    return undefined;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)].filter((k) => ra[k] !== undefined || rb[k] !== undefined));
  for (const k of keys) {
    const d = firstDifference(ra[k], rb[k], `${at}.${k}`);
    if (d) return d;
  }
  return undefined;
}

/** The built-in lab needs four RSA keys (the CA, Ex2007EE, Ex2007SE, EDGE01). */
const BUILTIN_LAB_KEYS = 4;

/**
 * A key source that starts `count` 2048-bit keys at once: key generation runs off the event loop
 * (node:crypto's thread pool), so four keys made together take about the time of two on two cores,
 * not of four. Later requests go to the source as usual.
 */
function keysMadeTogether(keys: KeySource, count: number): KeySource {
  const early = Array.from({ length: count }, () => keys(2048));
  for (const p of early) p.catch(() => undefined); // a key nobody asks for must not become an unhandled rejection
  return (bits) => (bits === 2048 && early.length ? early.shift()! : keys(bits));
}

/** A new lab's whole state: the built-in organization, its setup certificates and CA made now. */
export async function newLabState(lab: string, now: Date, keys: KeySource): Promise<LabState> {
  const state = emptyLabState(lab, now);
  state.organization = await createBuiltinOrganization(now, keysMadeTogether(keys, BUILTIN_LAB_KEYS));
  return state;
}

export async function openLab(opts: OpenLabOptions): Promise<Lab> {
  const paths = labPaths(opts.home, opts.lab);
  const keys = opts.keys ?? realKeys;
  const realNow = () => new Date();
  const seed = (): Promise<LabState> => newLabState(opts.lab, opts.now?.() ?? realNow(), keys);
  const store = await LabStore.open({
    statePath: paths.state,
    seed,
    readOnly: opts.readOnly,
    labName: opts.lab,
    partition: LAB_PARTITION,
    // An envelope that is fine around an organization that is not: set aside like unreadable JSON.
    validate: (state) => validateOrganization(state.organization),
  });
  // The lab clock (issue 8): lab time is real time (or the test's fixed time) moved by the
  // clock in the lab state, so Set-LabDate moves every session's now.
  const clockBase = opts.now ?? realNow;
  const now = () => labTime(store.state.clock, clockBase());
  normalizeOrganization(store.state.organization as OrgState);
  const org = new Organization(store.state.organization as OrgState, now);
  // Every session is a new logon: EMS opens on the first Exchange server, wherever the last one ended.
  if (org.server(START_MACHINE)) org.state.currentMachine = org.server(START_MACHINE)!.name;
  // Set-LabDate changes clock.offsetMs (or clock.frozenAt) of the lab state; touch() marks it for saving.
  const clock = new LabClock(() => store.state.clock, now, clockBase, new Date(store.state.lab.createdAt), () => org.touch());
  return new Lab(opts.lab, opts.home, store, org, now, clock, opts);
}

/**
 * The lab a session works on. A session starts on one lab and may move to another
 * (Start-LabExercise leaves it on the exercise's fresh lab): this is the one place that rebinds
 * what the session reaches of a lab — the organization and the clock (services), the drive (fs),
 * the endpoints, and the keeper that saves changes. The engine holds this object and never sees
 * the move.
 */
export class SessionLab implements StateKeeper {
  private current: Lab;
  private drive: LabDrive;
  private endpointService: LabEndpointService;
  /** Changes refused in labs this session has left (a run that had any exits with 1). */
  private earlierFailures = 0;
  /** Told after the session moved to another lab (the UI's status line). */
  private readonly moved: ((lab: Lab) => void)[] = [];
  /** Drives added with New-PSDrive: names for folders of the lab drive (they stay with the session when it moves to another lab). */
  private readonly psDrives = new FileSystemDrives();
  /** Push-Location's stacks. */
  private readonly locationStacks = new LocationStacks();
  /** Services beyond the lab's own (the exercises' service), registered by the composition. */
  readonly extraServices = new Map<string, unknown>();

  constructor(lab: Lab) {
    this.current = lab;
    this.drive = driveOf(lab);
    this.endpointService = endpointsOf(lab);
  }

  get lab(): Lab {
    return this.current;
  }

  /** The session's now: the current lab's clock. */
  readonly now = (): Date => this.current.now();

  /** The current lab's drive; every call goes to the drive of the lab the session is on at that moment. */
  readonly fs: LabFileSystem = {
    resolve: (path, location) => this.drive.resolve(this.psDrives.rewrite(path), this.psDrives.rewrite(location)),
    exists: (p) => this.drive.exists(p),
    stat: (p) => this.drive.stat(p),
    list: (dir) => this.drive.list(dir),
    readBytes: (p) => this.drive.readBytes(p),
    writeBytes: (p, data, append) => this.drive.writeBytes(p, data, append),
    mkdir: (p) => this.drive.mkdir(p),
    remove: (p, recurse) => this.drive.remove(p, recurse),
    copy: (from, to) => this.drive.copy(from, to),
    move: (from, to) => this.drive.move(from, to),
    setReadOnly: (p, readOnly) => this.drive.setReadOnly(p, readOnly),
    stream: (p, name) => this.drive.stream(p, name),
    streams: (p) => this.drive.streams(p),
  };

  /** The trusted roots of the machine the shell is on (X509Certificate2.Verify). */
  private readonly trustedRoots: TrustedRoots = {
    rootPems: () => {
      const org = this.current.org;
      const machine = findMachine(org.state, org.currentMachineName);
      return machine ? trustedRootStore(org.state, machine.state).map((r) => r.certPem) : [];
    },
  };

  readonly services: ServiceRegistry = {
    get: <T>(key: ServiceKey<T>): T => {
      const v = this.services.tryGet(key);
      if (v === undefined) throw new Error(`No service ${key.name} in this session.`);
      return v;
    },
    tryGet: <T>(key: ServiceKey<T>): T | undefined => {
      if (key.name === OrganizationKey.name) return this.current.org as T;
      if (key.name === LabClockKey.name) return this.current.clock as T;
      if (key.name === LabEndpointsKey.name) return this.endpointService as T;
      if (key.name === TrustedRootsKey.name) return this.trustedRoots as T;
      if (key.name === FileSystemDrivesKey.name) return this.psDrives as T;
      if (key.name === LocationStacksKey.name) return this.locationStacks as T;
      return this.extraServices.get(key.name) as T | undefined;
    },
  };

  /**
   * Moves the session to another opened lab and closes the one it leaves (its endpoints stop, its
   * lock is let go). The new lab's drive, organization, clock and endpoints are the session's from
   * the next call on.
   */
  async moveTo(next: Lab): Promise<void> {
    const previous = this.current;
    if (next === previous) return;
    next.reportWaiting ??= previous.reportWaiting;
    this.current = next;
    this.drive = driveOf(next);
    this.endpointService = endpointsOf(next);
    this.earlierFailures += previous.failedCommits;
    await previous.close();
    for (const fn of this.moved) fn(next);
  }

  /**
   * The lab's drive folders were replaced underneath (a lab made fresh, a checkpoint restored): a new
   * drive forgets which machine folders it had seen, and the shell's machine gets its usual folders.
   */
  renewDrive(): void {
    this.drive = driveOf(this.current);
    if (!this.current.readOnly) this.drive.driveRoot(this.current.org.currentMachineName);
  }

  onMove(fn: (lab: Lab) => void): void {
    this.moved.push(fn);
  }

  // StateKeeper: the current lab keeps the state.
  get readOnly(): boolean {
    return this.current.readOnly;
  }
  get failedCommits(): number {
    return this.earlierFailures + this.current.failedCommits;
  }
  beginStatement(): void {
    this.current.beginStatement();
  }
  beginChanges(signal: AbortSignal): Promise<void> {
    return this.current.beginChanges(signal);
  }
  endChanges(): void {
    this.current.endChanges();
  }
  commit(durable: boolean): void {
    this.current.commit(durable);
  }
  endStatement(): void {
    this.current.endStatement();
  }

  /** Closes the lab the session is on (the end of a run). */
  close(): Promise<void> {
    return this.current.close();
  }
}

function driveOf(lab: Lab): LabDrive {
  return new LabDrive({
    home: lab.home,
    lab: lab.name,
    machine: () => lab.org.currentMachineName,
    knownMachines: () => lab.org.machineNames(),
    now: lab.now,
    readOnly: lab.readOnly,
  });
}

/** Issue 8: the lab's endpoints (listeners on loopback), loaded on first use; they stop when the lab closes. */
function endpointsOf(lab: Lab): LabEndpointService {
  let endpoints: Promise<EndpointSet> | undefined;
  return {
    endpoints: () =>
      (endpoints ??= import('./exchange/endpoints/listeners.js').then(({ EndpointSet }) => {
        const set = new EndpointSet(() => ({ org: lab.org, now: lab.now }));
        lab.onClose(() => set.stopAll());
        return set;
      })),
  };
}

const sessionLabs = new WeakMap<Session, SessionLab>();
const readLines = new WeakMap<Session, ReadLineSettings>();

/** The lab binding of a session made by composeSession. */
export function sessionLab(session: Session): SessionLab {
  const bound = sessionLabs.get(session);
  if (!bound) throw new Error('This session was not composed on a lab.');
  return bound;
}

export interface ComposeOptions {
  host: Host;
  lab: Lab;
  /** Where the training exercises are (default: the labs/ folder of this emsh). */
  exercisePath?: string;
}

export function composeSession(opts: ComposeOptions): Session {
  const { lab } = opts;
  const bound = new SessionLab(lab);
  // The PSReadLine options and key bindings (the session's own, whichever lab it is on): Set-PSReadLine* change them, the Ink UI reads them.
  const readLine = new ReadLineSettings();
  bound.extraServices.set(ReadLineKey.name, readLine);
  const session = new Session({
    keeper: bound,
    cmdlets: allCmdlets,
    host: opts.host,
    renderer,
    fs: bound.fs,
    services: bound.services,
    machine: START_MACHINE,
    now: bound.now,
    promptPrefix: '[PS] ',
  });
  for (const w of lab.store.warnings) opts.host.writeLine(`WARNING: ${w}`, 'warning');
  lab.reportWaiting ??= (message) => opts.host.writeLine(`WARNING: ${message}`, 'warning');
  sessionLabs.set(session, bound);
  readLines.set(session, readLine);
  // Issue 9: the training exercises, and the activity log of an exercise's lab.
  const training = new Training({
    bound,
    exercisePath: opts.exercisePath ? resolvePath(opts.exercisePath) : defaultExercisePath(),
    startMachine: START_MACHINE,
    openLab: (name) => openLab({ ...bound.lab.options, lab: name, readOnly: false }),
    newLabState: (name, now, of) => newLabState(name, now, of.options.keys ?? realKeys),
    readLabFile,
    bind: (other) => new SessionLab(other),
  });
  bound.extraServices.set(TrainingKey.name, training);
  session.onExecuted = (r) => training.noteCommand(r.ok);
  return session;
}

/** The interactive shell's background checks of the session's exercise (training labs). */
export function labCheckSourceFor(session: Session): LabCheckSource {
  const bound = sessionLab(session);
  return { check: (signal) => (bound.services.get(TrainingKey) as Training).backgroundCheck(signal) };
}

/** The session's PSReadLine settings (the interactive shell's key bindings and options). */
export function readLineSettingsOf(session: Session): ReadLineSettings | undefined {
  return readLines.get(session);
}

/** What tab completion may ask a session: its commands, variables, drive, machines and thumbprints. */
export function completionSourceFor(session: Session): CompletionSource {
  const services = session.services as SessionServices & { variableNames?: () => string[] };
  const bound = sessionLab(session);
  return {
    commands: () => services.commands(),
    variables: () => services.variableNames?.() ?? ['true', 'false', 'null', 'Error', 'ErrorActionPreference', 'PWD', 'HOME'],
    thumbprints: () => (bound.lab.org.currentClient ? [] : bound.lab.org.current.list().map((f) => f.thumbprint)),
    machines: () => bound.lab.org.machineNames(),
    labNames: (kind) => {
      const training = bound.services.get(TrainingKey);
      return kind === 'exercise' ? training.exerciseIds() : training.checkpoints().map((c) => c.name);
    },
    paths: (prefix) => {
      const fs = bound.fs;
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
