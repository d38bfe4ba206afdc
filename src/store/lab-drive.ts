// The lab drive: drive C: of each lab machine is a host folder,
// <EMSH_HOME>/labs/<lab>/machines/<MACHINE>/C. Every file a cmdlet touches goes through
// here, and the one promise this module keeps is that no path ever leaves that folder:
//
//  - paths are parsed the Windows way (`C:\x`, `c:/x`, `.\x`, `..\x`, `\x`, `\\EX02\c$\x`,
//    the `Microsoft.PowerShell.Core\FileSystem::` prefix, `~`), `..` above a root clamps to the
//    root as on Windows, and the host path is built only from validated components, so no
//    string the user types can name a host path outside the drive;
//  - a symbolic link whose real path leaves the drive folder is refused (Access denied);
//  - a file with more than one hard link may be another name of a file outside the drive (a
//    hard link has no target to check, and emsh never makes one): it is not read (Access denied),
//    and writing it replaces this name with a new file, so the other names never change;
//  - a failure of the host file system becomes a PowerShell error about the lab path, never a
//    message with a host path in it;
//  - a path of 260 characters or more is too long, as on Windows without long-path support;
//  - only drive C: exists; other letters give PowerShell's DriveNotFound error.
//
// A path like `/etc/passwd` is, as on Windows, the root-relative path `C:\etc\passwd` on the
// current drive: it can never reach the host's /etc.
//
// Lookups are case-insensitive like NTFS: `C:\CERT.PFX` finds `cert.pfx`, and the display
// spelling uses the on-disk casing of the parts that exist.
//
// NTFS's extras live in the host folder too: a file's alternate data stream `name` (the
// Zone.Identifier Unblock-File removes) is the host file `<file>:name` beside it — `:` can never
// be part of a lab name, so listings leave these out and no lab path can name one directly; the
// ReadOnly attribute is the file's host mode without the owner's write bit, and the drive itself
// refuses to write or delete such a file (the host would let its owner, or root, do it).

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileEntry, LabFileSystem, ResolvedPath, StreamEntry } from '../protocol/cmdlet.js';
import { TerminatingError, runtimeError, type ErrorCategory } from '../protocol/errors.js';
import { machineDrive } from './lab-home.js';

const FILE_MODE = 0o600;
const READ_ONLY_MODE = 0o400;
const DIR_MODE = 0o700;

/** Separates a file's host name from the name of one of its alternate data streams. */
const STREAM_MARK = ':';

/** Folders every fresh machine drive has. */
const INITIAL_FOLDERS = ['Windows\\system32', 'Users\\Administrator\\Documents'];
const HOME_FOLDER = ['Users', 'Administrator'];

export interface LabDriveOptions {
  home: string;
  lab: string;
  /** The machine the shell is on (its drive is C:). */
  machine: () => string;
  /** When given, `\\NAME\c$` works only for these machines (and the local one). */
  knownMachines?: () => string[];
  /** The lab clock: written files get this LastWriteTime. Default: the host clock. */
  now?: () => Date;
  /** A read-only session: every write is refused (nothing it does may outlive it). */
  readOnly?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Error records with PowerShell's texts (the cmdlets re-issue them with their own FQID)

function fsError(
  message: string,
  errorId: string,
  category: ErrorCategory,
  exceptionType: string,
  target: unknown,
): TerminatingError {
  return runtimeError(message, errorId, category, exceptionType, target);
}

export const driveErrors = {
  pathNotFound: (display: string) =>
    fsError(`Cannot find path '${display}' because it does not exist.`, 'PathNotFound', 'ObjectNotFound', 'ItemNotFoundException', display),
  driveNotFound: (letter: string) =>
    fsError(`Cannot find drive. A drive with the name '${letter}' does not exist.`, 'DriveNotFound', 'ObjectNotFound', 'DriveNotFoundException', letter),
  accessDenied: (display: string) =>
    fsError(`Access to the path '${display}' is denied.`, 'UnauthorizedAccessError', 'PermissionDenied', 'UnauthorizedAccessException', display),
  partNotFound: (display: string) =>
    fsError(`Could not find a part of the path '${display}'.`, 'DirectoryNotFoundError', 'ObjectNotFound', 'DirectoryNotFoundException', display),
  illegalCharacters: (text: string) =>
    fsError('Illegal characters in path.', 'ArgumentError', 'InvalidArgument', 'ArgumentException', text),
  formatNotSupported: (text: string) =>
    fsError("The given path's format is not supported.", 'NotSupported', 'InvalidArgument', 'NotSupportedException', text),
  notEmpty: (display: string) =>
    fsError(`The directory is not empty.`, 'RemoveItemIOError', 'WriteError', 'IOException', display),
  ioError: (display: string, message: string) =>
    fsError(message, 'IOError', 'WriteError', 'IOException', display),
  readOnlyLab: (lab: string, display: string) =>
    fsError(
      `The lab '${lab}' is open read-only in this session; '${display}' was not changed.`,
      'LabReadOnly',
      'PermissionDenied',
      'UnauthorizedAccessException',
      display,
    ),
  pathTooLong: (display: string) =>
    fsError(
      'The specified path, file name, or both are too long. The fully qualified file name must be less than 260 characters, and the directory name must be less than 248 characters.',
      'PathTooLong',
      'InvalidArgument',
      'PathTooLongException',
      display,
    ),
  diskFull: (display: string) => fsError('There is not enough space on the disk.', 'IOError', 'WriteError', 'IOException', display),
  streamNotFound: (file: string, stream: string) =>
    fsError(
      `Could not open the alternate data stream '${stream}' of the file '${file}'.`,
      'FileNotFound',
      'ObjectNotFound',
      'FileNotFoundException',
      file,
    ),
  alreadyExists: (display: string) => fsError('Cannot create a file when that file already exists.', 'IOError', 'WriteError', 'IOException', display),
};

/** Windows' MAX_PATH, counting the terminating NUL: a full path has at most 259 characters. */
const MAX_PATH = 260;

/**
 * A failure of the host file system as the error Windows would give for the lab path. The
 * host's message is never used: it names host paths.
 */
function hostFailure(err: unknown, display: string): TerminatingError {
  if (err instanceof TerminatingError) return err;
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
      return driveErrors.pathNotFound(display);
    case 'ENOTDIR':
      return driveErrors.partNotFound(display);
    case 'EACCES':
    case 'EPERM':
    case 'EISDIR':
    case 'EROFS':
    case 'ELOOP':
      return driveErrors.accessDenied(display);
    case 'ENAMETOOLONG':
      return driveErrors.pathTooLong(display);
    case 'ENOSPC':
    case 'EDQUOT':
      return driveErrors.diskFull(display);
    case 'EEXIST':
      return driveErrors.ioError(display, `An item with the specified name ${display} already exists.`);
    case 'ENOTEMPTY':
      return driveErrors.notEmpty(display);
    case 'EBUSY':
      return driveErrors.ioError(display, `The process cannot access the file '${display}' because it is being used by another process.`);
    default:
      // EIO, EMFILE and the like: Windows' generic I/O failure.
      return driveErrors.ioError(display, `The request could not be performed because of an I/O device error. ('${display}')`);
  }
}

/** Runs a host file-system operation; its failure becomes the PowerShell error for `display`. */
function onDrive<T>(display: string, op: () => T): T {
  try {
    return op();
  } catch (err) {
    throw hostFailure(err, display);
  }
}

/** More than one name for the file: possibly a hard link to a file off the drive. */
function isMultiplyLinked(st: fs.Stats): boolean {
  return st.isFile() && st.nlink > 1;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Where a parsed path points: a machine's drive and the components below its root. */
interface ParsedPath {
  machine: string;
  /** Set for `\\NAME\c$\...` paths: the machine name and share as typed (Windows keeps their spelling). */
  unc?: string;
  share?: string;
  comps: string[];
}

const PROVIDER_PREFIX = /^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i;
const ILLEGAL = /[<>:"|?*\u0000-\u001f]/;

function displayOf(p: ParsedPath): string {
  const tail = p.comps.join('\\');
  if (p.unc !== undefined) return `\\\\${p.unc}\\${p.share ?? 'c$'}` + (tail ? `\\${tail}` : '');
  return `C:\\${tail}`;
}

export class LabDrive implements LabFileSystem {
  private readonly opts: LabDriveOptions;
  /** Real (symlink-free) host path of each machine's drive root, once created. */
  private readonly roots = new Map<string, string>();

  constructor(opts: LabDriveOptions) {
    this.opts = opts;
  }

  /** The host folder of a machine's drive, created (with the usual folders) on first use. */
  driveRoot(machine: string): string {
    const key = machine.toUpperCase();
    const cached = this.roots.get(key);
    if (cached) return cached;
    const root = machineDrive(this.opts.home, this.opts.lab, key);
    // A read-only session creates nothing: a drive that does not exist yet is empty to it.
    if (this.opts.readOnly && !fs.existsSync(root)) return root;
    if (!fs.existsSync(root)) {
      fs.mkdirSync(root, { recursive: true, mode: DIR_MODE });
      for (const folder of INITIAL_FOLDERS) {
        fs.mkdirSync(path.join(root, ...folder.split('\\')), { recursive: true, mode: DIR_MODE });
      }
    }
    const real = fs.realpathSync(root);
    this.roots.set(key, real);
    return real;
  }

  private localMachine(): string {
    return this.opts.machine().toUpperCase();
  }

  /** `\\NAME\c$`: the machine NAME refers to, or undefined when unknown. */
  private uncMachine(name: string): string | undefined {
    if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name)) return undefined;
    const local = this.localMachine();
    const upper = name.toUpperCase();
    if (upper === 'LOCALHOST' || upper === '127.0.0.1') return local;
    const shortName = upper.split('.')[0]!;
    if (shortName === local) return local;
    const known = this.opts.knownMachines?.();
    if (!known) return /^[A-Z0-9_-]+$/.test(shortName) ? shortName : undefined;
    return known.map((m) => m.toUpperCase()).find((m) => m === upper || m === shortName);
  }

  /** Splits components onto `base`, applying `.` / `..` (clamped at the root) and validating. */
  private applyComponents(base: string[], text: string, original: string): string[] {
    const comps = [...base];
    for (const raw of text.split('\\')) {
      if (raw === '' || raw === '.') continue;
      if (raw === '..') {
        comps.pop();
        continue;
      }
      if (ILLEGAL.test(raw)) {
        if (raw.includes(':') && !/[<>"|?*\u0000-\u001f]/.test(raw)) throw driveErrors.formatNotSupported(original);
        throw driveErrors.illegalCharacters(original);
      }
      // Windows drops trailing dots and spaces of a name.
      const name = raw.replace(/[. ]+$/, '');
      if (name === '') continue;
      comps.push(name);
    }
    return comps;
  }

  /** Parses an absolute path; undefined when `text` is relative to a location. */
  private parseRooted(text: string, original: string, location: ParsedPath | undefined): ParsedPath | undefined {
    if (text.startsWith('\\\\')) {
      const [, name = '', share = '', ...rest] = text.split('\\').slice(1);
      const machine = this.uncMachine(name);
      if (!machine || share.toLowerCase() !== 'c$') throw driveErrors.pathNotFound(text.replace(/\\+$/, ''));
      return { machine, unc: name, share, comps: this.applyComponents([], rest.join('\\'), original) };
    }
    const drive = /^([A-Za-z]):/.exec(text);
    if (drive) {
      const letter = drive[1]!;
      if (letter.toUpperCase() !== 'C') throw driveErrors.driveNotFound(letter.toUpperCase());
      const rest = text.slice(2);
      const local = this.localMachine();
      if (rest.startsWith('\\')) return { machine: local, comps: this.applyComponents([], rest, original) };
      // `C:name` is relative to the current location on C: (when that is the local C:).
      const base = location && location.unc === undefined ? location.comps : [];
      return { machine: local, comps: this.applyComponents(base, rest, original) };
    }
    if (text === '~' || text.startsWith('~\\')) {
      return { machine: this.localMachine(), comps: this.applyComponents(HOME_FOLDER, text.slice(1), original) };
    }
    if (text.startsWith('\\')) {
      const at = location ?? { machine: this.localMachine(), comps: [] };
      return { machine: at.machine, unc: at.unc, share: at.share, comps: this.applyComponents([], text, original) };
    }
    return undefined;
  }

  private parse(input: string, location: string): ParsedPath {
    const normalise = (s: string) => s.replace(PROVIDER_PREFIX, '').replace(/\//g, '\\');
    const locText = normalise(location || 'C:\\');
    let loc: ParsedPath;
    try {
      loc = this.parseRooted(locText, location, undefined) ?? { machine: this.localMachine(), comps: [] };
    } catch {
      loc = { machine: this.localMachine(), comps: [] };
    }
    const text = normalise(input);
    if (text === '') throw driveErrors.pathNotFound(input);
    return this.parseRooted(text, input, loc) ?? { ...loc, comps: this.applyComponents(loc.comps, text, input) };
  }

  // -------------------------------------------------------------------------------------------
  // LabFileSystem

  resolve(input: string, location: string): ResolvedPath {
    const parsed = this.parse(input, location);
    const root = this.driveRoot(parsed.machine);
    // Walk down, matching existing entries case-insensitively; the first missing part ends it.
    let host = root;
    let existing = true;
    const shown: string[] = [];
    for (const comp of parsed.comps) {
      let name = comp;
      if (existing) {
        const match = matchEntry(host, comp);
        if (match === undefined) existing = false;
        else name = match;
      }
      shown.push(name);
      host = path.join(host, name);
    }
    const resolved: ResolvedPath = {
      display: displayOf({ ...parsed, comps: shown }),
      hostPath: host,
      machine: parsed.machine,
    };
    if (resolved.display.length >= MAX_PATH) throw driveErrors.pathTooLong(resolved.display);
    this.checkContained(resolved);
    return resolved;
  }

  exists(p: ResolvedPath): boolean {
    return this.statOf(p) !== undefined;
  }

  stat(p: ResolvedPath): FileEntry | undefined {
    const st = this.statOf(p);
    if (!st) return undefined;
    return entryOf(leafName(p.display), p, st);
  }

  list(dir: ResolvedPath): FileEntry[] {
    const st = this.statOf(dir);
    if (!st) throw driveErrors.pathNotFound(dir.display);
    if (!st.isDirectory()) return [entryOf(leafName(dir.display), dir, st)];
    const out: FileEntry[] = [];
    for (const name of onDrive(dir.display, () => fs.readdirSync(dir.hostPath))) {
      if (name.includes(STREAM_MARK)) continue;
      const child: ResolvedPath = {
        display: dir.display.endsWith('\\') ? dir.display + name : `${dir.display}\\${name}`,
        hostPath: path.join(dir.hostPath, name),
        machine: dir.machine,
      };
      // Entries the drive cannot show (links leaving the drive, sockets...) are left out.
      const cst = this.statOf(child);
      if (!cst || !(cst.isFile() || cst.isDirectory())) continue;
      out.push(entryOf(name, child, cst));
    }
    return out.sort((a, b) => compareNames(a.name, b.name));
  }

  readBytes(p: ResolvedPath): Uint8Array {
    const st = this.statOf(p);
    if (!st && p.stream !== undefined) throw driveErrors.streamNotFound(fileOfStream(p).display, p.stream);
    if (!st) throw driveErrors.pathNotFound(p.display);
    if (st.isDirectory() || isMultiplyLinked(st)) throw driveErrors.accessDenied(p.display);
    return new Uint8Array(onDrive(p.display, () => fs.readFileSync(p.hostPath)));
  }

  /** Every write starts here: a read-only session refuses it. */
  private checkWritable(p: ResolvedPath): void {
    if (this.opts.readOnly) throw driveErrors.readOnlyLab(this.opts.lab, p.display);
  }

  writeBytes(p: ResolvedPath, data: Uint8Array, append = false): void {
    this.checkWritable(p);
    this.checkContained(p);
    if (p.stream !== undefined) this.prepareStreamWrite(p);
    const st = this.statOf(p);
    if (st?.isDirectory() || (st && isReadOnly(st))) throw driveErrors.accessDenied(p.display);
    if (!st && !this.parentIsDirectory(p)) throw driveErrors.partNotFound(p.display);
    if (st && isMultiplyLinked(st)) {
      // Appending would need the shared content; replacing writes a new file under this name only.
      if (append) throw driveErrors.accessDenied(p.display);
      onDrive(p.display, () => fs.unlinkSync(p.hostPath));
    }
    onDrive(p.display, () => {
      fs.writeFileSync(p.hostPath, data, { mode: FILE_MODE, flag: append ? 'a' : 'w' });
      fs.chmodSync(p.hostPath, FILE_MODE);
    });
    this.touch(p.hostPath);
    if (!st) this.touch(path.dirname(p.hostPath));
  }

  mkdir(p: ResolvedPath): void {
    this.checkWritable(p);
    this.checkContained(p);
    const st = this.statOf(p);
    if (st?.isDirectory()) return;
    if (st) throw driveErrors.ioError(p.display, `An item with the specified name ${p.display} already exists.`);
    try {
      fs.mkdirSync(p.hostPath, { recursive: true, mode: DIR_MODE });
    } catch (err) {
      // A file where a parent folder should be.
      if (isErrno(err, 'ENOTDIR') || isErrno(err, 'EEXIST')) throw driveErrors.partNotFound(p.display);
      throw hostFailure(err, p.display);
    }
    this.touch(p.hostPath);
    this.touch(path.dirname(p.hostPath));
  }

  remove(p: ResolvedPath, recurse = false): void {
    this.checkWritable(p);
    this.checkContained(p);
    const st = this.statOf(p);
    if (!st && p.stream !== undefined) throw driveErrors.streamNotFound(fileOfStream(p).display, p.stream);
    if (!st) throw driveErrors.pathNotFound(p.display);
    if (path.resolve(p.hostPath) === this.driveRoot(p.machine)) throw driveErrors.accessDenied(p.display);
    // A read-only file keeps its content and its streams (the caller clears the attribute for -Force).
    const file = p.stream !== undefined ? this.statOf(fileOfStream(p)) : st;
    if (file && isReadOnly(file)) throw driveErrors.accessDenied(p.display);
    onDrive(p.display, () => {
      if (st.isDirectory()) {
        if (!recurse && fs.readdirSync(p.hostPath).filter((n) => !n.includes(STREAM_MARK)).length > 0) throw driveErrors.notEmpty(p.display);
        // rmSync removes links themselves, never what they point at.
        fs.rmSync(p.hostPath, { recursive: true, force: true });
      } else {
        fs.unlinkSync(p.hostPath);
        if (p.stream === undefined) for (const host of streamHostPaths(p.hostPath)) fs.rmSync(host, { force: true });
      }
    });
    this.touch(path.dirname(p.hostPath));
  }

  move(from: ResolvedPath, to: ResolvedPath): void {
    this.checkWritable(to);
    this.checkContained(from);
    this.checkContained(to);
    if (from.stream !== undefined || to.stream !== undefined) throw driveErrors.formatNotSupported(from.stream !== undefined ? from.display : to.display);
    const st = this.statOf(from);
    if (!st) throw driveErrors.pathNotFound(from.display);
    // Another name of a file that may be off the drive is left alone, as copy() leaves it.
    if (path.resolve(from.hostPath) === this.driveRoot(from.machine) || isMultiplyLinked(st)) throw driveErrors.accessDenied(from.display);
    const source = path.resolve(from.hostPath);
    const target = path.resolve(to.hostPath);
    // Only the spelling changes (a.txt -> A.txt): the same entry, renamed in place.
    const sameEntry = source.toLowerCase() === target.toLowerCase() && path.dirname(source) === path.dirname(target);
    if (!sameEntry && this.statOf(to)) throw driveErrors.alreadyExists(to.display);
    if (!this.parentIsDirectory(to)) throw driveErrors.partNotFound(to.display);
    if (st.isDirectory() && (target + path.sep).startsWith(source + path.sep)) {
      throw driveErrors.ioError(to.display, `Cannot move item ${from.display} to a subdirectory of itself, ${to.display}.`);
    }
    onDrive(to.display, () => {
      const streams = st.isDirectory() ? [] : streamHostPaths(source);
      fs.renameSync(source, target);
      for (const host of streams) fs.renameSync(host, target + host.slice(source.length));
    });
    this.touch(path.dirname(source));
    this.touch(path.dirname(target));
  }

  setReadOnly(p: ResolvedPath, readOnly: boolean): void {
    this.checkWritable(p);
    this.checkContained(p);
    const st = this.statOf(p);
    if (!st) throw driveErrors.pathNotFound(p.display);
    // A folder's ReadOnly attribute stops nothing on Windows; the drive keeps it for files only.
    if (!st.isFile()) return;
    onDrive(p.display, () => fs.chmodSync(p.hostPath, readOnly ? READ_ONLY_MODE : FILE_MODE));
  }

  stream(p: ResolvedPath, name: string): ResolvedPath {
    if (p.stream !== undefined) throw driveErrors.formatNotSupported(`${p.display}:${name}`);
    // `::$DATA` / `:$DATA` is the file's main stream.
    if (/^:?\$DATA$/i.test(name)) return p;
    if (name === '' || /[\\/:<>"|?*\u0000-\u001f]/.test(name)) throw driveErrors.illegalCharacters(`${p.display}:${name}`);
    const dir = path.dirname(p.hostPath);
    const hostName = path.basename(p.hostPath) + STREAM_MARK + name;
    const actual = matchEntry(dir, hostName) ?? hostName;
    const stream = actual.slice(actual.indexOf(STREAM_MARK) + 1);
    return { display: `${p.display}:${stream}`, hostPath: path.join(dir, actual), machine: p.machine, stream };
  }

  streams(p: ResolvedPath): StreamEntry[] {
    const st = this.statOf(p);
    if (!st) throw driveErrors.pathNotFound(p.display);
    if (!st.isFile()) return [];
    return streamHostPaths(p.hostPath)
      .map((host) => ({ name: host.slice(host.indexOf(STREAM_MARK, path.dirname(host).length) + 1), length: fs.statSync(host).size }))
      .sort((a, b) => compareNames(a.name, b.name));
  }

  /** Before a stream is written: its file exists (made empty when missing, as NTFS does) and may be written. */
  private prepareStreamWrite(p: ResolvedPath): void {
    const file = fileOfStream(p);
    const st = this.statOf(file);
    if (st?.isDirectory() || (st && isReadOnly(st))) throw driveErrors.accessDenied(p.display);
    if (!st) this.writeBytes(file, new Uint8Array());
  }

  copy(from: ResolvedPath, to: ResolvedPath): void {
    this.checkWritable(to);
    this.checkContained(to);
    const st = this.statOf(from);
    if (!st) throw driveErrors.pathNotFound(from.display);
    if (isMultiplyLinked(st)) throw driveErrors.accessDenied(from.display);
    const source = onDrive(from.display, () => fs.realpathSync(from.hostPath));
    const target = path.resolve(to.hostPath);
    if (source === target) {
      throw driveErrors.ioError(from.display, `Cannot overwrite the item ${from.display} with itself.`);
    }
    const targetStat = this.statOf(to);
    if (!targetStat && !this.parentIsDirectory(to)) throw driveErrors.partNotFound(to.display);
    if (st.isDirectory()) {
      if ((target + path.sep).startsWith(source + path.sep)) {
        throw driveErrors.ioError(to.display, `Cannot copy item ${from.display} onto itself or into a folder below it.`);
      }
      if (targetStat && !targetStat.isDirectory()) throw driveErrors.ioError(to.display, `An item with the specified name ${to.display} already exists.`);
      onDrive(to.display, () => copyTree(source, target));
    } else {
      if (targetStat?.isDirectory() || (targetStat && isReadOnly(targetStat))) throw driveErrors.accessDenied(to.display);
      onDrive(to.display, () => {
        for (const host of streamHostPaths(target)) fs.rmSync(host, { force: true });
        copyFile(source, target);
        for (const host of streamHostPaths(source)) copyFile(host, target + host.slice(source.length));
      });
    }
    if (!targetStat) this.touch(path.dirname(target));
  }

  // -------------------------------------------------------------------------------------------

  /** Sets LastWriteTime to the lab clock (a folder's changes when its items change, as on NTFS). */
  private touch(hostPath: string): void {
    if (!this.opts.now) return;
    const t = this.opts.now();
    try {
      fs.utimesSync(hostPath, t, t);
    } catch {
      // The time stamp is cosmetic; the change itself succeeded.
    }
  }

  /** stat that follows links only when they stay on the drive; undefined when missing or outside. */
  private statOf(p: ResolvedPath): fs.Stats | undefined {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(p.hostPath);
    } catch {
      return undefined;
    }
    if (!st.isSymbolicLink()) return st;
    try {
      const real = fs.realpathSync(p.hostPath);
      if (!inside(real, this.driveRoot(p.machine))) return undefined;
      return fs.statSync(real);
    } catch {
      return undefined;
    }
  }

  /** Refuses a path whose existing part resolves (through links) outside the drive folder. */
  private checkContained(p: ResolvedPath): void {
    const root = this.driveRoot(p.machine);
    const lexical = path.resolve(p.hostPath);
    if (!inside(lexical, root)) throw driveErrors.accessDenied(p.display);
    // The deepest part that exists decides where the path really goes.
    let probe = lexical;
    for (;;) {
      let real: string | undefined;
      try {
        real = fs.realpathSync(probe);
      } catch (err) {
        // A dangling link: where it points is unknown, so it is refused.
        if (isDanglingLink(probe)) throw driveErrors.accessDenied(p.display);
        if (probe === root) return;
        probe = path.dirname(probe);
        continue;
      }
      if (!inside(real, root)) throw driveErrors.accessDenied(p.display);
      return;
    }
  }

  private parentIsDirectory(p: ResolvedPath): boolean {
    const parent = path.dirname(p.hostPath);
    try {
      const real = fs.realpathSync(parent);
      return inside(real, this.driveRoot(p.machine)) && fs.statSync(real).isDirectory();
    } catch {
      return false;
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** True for `C:\` and `\\NAME\c$`. */
export function isRootDisplay(display: string): boolean {
  return display === 'C:\\' || (display.startsWith('\\\\') && display.split('\\').length === 4);
}

/** The last component of a display path; a root is its own name. */
export function leafName(display: string): string {
  return isRootDisplay(display) ? display : display.slice(display.lastIndexOf('\\') + 1);
}

function isReadOnly(st: fs.Stats): boolean {
  return st.isFile() && (st.mode & 0o200) === 0;
}

/** The file a stream path belongs to. */
function fileOfStream(p: ResolvedPath): ResolvedPath {
  if (p.stream === undefined) return p;
  const cut = (s: string) => s.slice(0, s.length - p.stream!.length - STREAM_MARK.length);
  return { display: cut(p.display), hostPath: cut(p.hostPath), machine: p.machine };
}

/** The host files holding the alternate data streams of the file at `hostPath`. */
function streamHostPaths(hostPath: string): string[] {
  const dir = path.dirname(hostPath);
  const prefix = (path.basename(hostPath) + STREAM_MARK).toLowerCase();
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.toLowerCase().startsWith(prefix) && n.length > prefix.length).map((n) => path.join(dir, n));
}

function inside(candidate: string, root: string): boolean {
  return candidate === root || candidate.startsWith(root + path.sep);
}

function isErrno(err: unknown, code: string): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === code;
}

function isDanglingLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The on-disk name in `dir` matching `name` case-insensitively (exact spelling first). */
function matchEntry(dir: string, name: string): string | undefined {
  try {
    fs.lstatSync(path.join(dir, name));
    return name;
  } catch {
    // fall through to a case-insensitive search
  }
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return undefined;
  }
  const lower = name.toLowerCase();
  return names.find((n) => n.toLowerCase() === lower);
}

/** Windows-like ordering of names: case-insensitive, then ordinal. */
export function compareNames(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function entryOf(name: string, p: ResolvedPath, st: fs.Stats): FileEntry {
  return {
    name,
    path: p,
    isDirectory: st.isDirectory(),
    length: st.isDirectory() ? 0 : st.size,
    lastWriteTime: st.mtime,
    readOnly: isReadOnly(st),
  };
}

function copyFile(source: string, target: string): void {
  // Copying onto another name of a shared file would change every name: replace this one.
  const existing = fs.lstatSync(target, { throwIfNoEntry: false });
  if (existing && isMultiplyLinked(existing)) fs.unlinkSync(target);
  fs.copyFileSync(source, target);
  // The copy keeps the ReadOnly attribute (File.Copy copies attributes).
  fs.chmodSync(target, isReadOnly(fs.statSync(source)) ? READ_ONLY_MODE : FILE_MODE);
  // Copy-Item keeps LastWriteTime.
  const st = fs.statSync(source);
  fs.utimesSync(target, st.atime, st.mtime);
}

/**
 * Copies a folder tree; links are not followed or copied (they could lead off the drive), nor
 * are files with more than one hard link (see the top of this file).
 */
function copyTree(source: string, target: string): void {
  fs.mkdirSync(target, { recursive: true, mode: DIR_MODE });
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    const from = path.join(source, entry.name);
    const to = path.join(target, entry.name);
    if (entry.isDirectory()) copyTree(from, to);
    else if (entry.isFile() && !isMultiplyLinked(fs.lstatSync(from))) copyFile(from, to);
  }
}
