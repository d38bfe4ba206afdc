// What the file cmdlets share: FileInfo/DirectoryInfo objects, wildcard expansion over the
// lab drive, text encodings, and turning the drive's errors into this command's records.

import type {
  CmdletContext,
  FileEntry,
  LabFileSystem,
  ParameterDeclaration,
  ResolvedPath,
} from '../../protocol/cmdlet.js';
import { ErrorRecord, TerminatingError, raise } from '../../protocol/errors.js';
import { PSObject, isTruthy } from '../../protocol/values.js';
import { enumValue, registerEnum } from '../../protocol/convert.js';
import { decodeText as decodeBytes, encodeText as encodeBytes, type TextEncoding } from '../../protocol/text-codec.js';
import { compileWildcard, hasWildcard, unescapeWildcard } from '../../protocol/wildcard.js';
import { isNumeric } from '../../protocol/numbers.js';

export const PROVIDER = 'Microsoft.PowerShell.Core\\FileSystem';
export const FILE_TYPES = ['System.IO.FileInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object'];
export const DIRECTORY_TYPES = ['System.IO.DirectoryInfo', 'System.IO.FileSystemInfo', 'System.MarshalByRefObject', 'System.Object'];
export const PATHINFO_TYPES = ['System.Management.Automation.PathInfo', 'System.Object'];

// ---------------------------------------------------------------------------------------------
// Parameters most file cmdlets declare the same way

/** `[-Path] <String[]>` (position 0) and `-LiteralPath <String[]>` (alias PSPath) in two sets. */
type PathList = ParameterDeclaration & { type: 'String[]' };

export function pathParameters(opts: { mandatory: boolean; pathHelp: string; fromPipeline?: boolean }): { Path: PathList; LiteralPath: PathList } {
  return {
    Path: {
      type: 'String[]',
      sets: {
        Path: {
          position: 0,
          mandatory: opts.mandatory,
          fromPipeline: opts.fromPipeline ?? false,
          fromPipelineByPropertyName: true,
        },
      },
      help: opts.pathHelp + ' Wildcards are permitted.',
    },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath'],
      sets: { LiteralPath: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies a path that is used exactly as it is typed: no character is interpreted as a wildcard. File objects from Get-ChildItem bind here through their PSPath property.',
    },
  };
}

export const ENCODING_VALUES = [
  'Unknown', 'String', 'Unicode', 'Byte', 'BigEndianUnicode', 'UTF8', 'UTF7', 'UTF32', 'Ascii', 'Default', 'Oem', 'BigEndianUTF32',
] as const;

export const ENCODING_PARAMETER = {
  type: 'Enum',
  enum: { typeName: 'Microsoft.PowerShell.Commands.FileSystemCmdletProviderEncoding', values: ENCODING_VALUES },
  help: 'Specifies the file encoding. Byte reads or writes raw bytes. Default is the system ANSI code page in Windows PowerShell; emsh uses UTF-8 without a byte order mark for it.',
  defaultText: 'Default',
} satisfies ParameterDeclaration;

// ---------------------------------------------------------------------------------------------
// Errors

/** Re-issues a drive error as this command's record (adds the FQID suffix and position). */
export function commandError(ctx: CmdletContext, err: unknown): ErrorRecord {
  // -ErrorAction Stop already made an error of this command terminating: let it go on.
  if (!(err instanceof TerminatingError) || err.preferenceStop) throw err;
  const r = err.record;
  if (r.invocation) return r;
  return ctx.error({
    message: r.message,
    errorId: r.errorId,
    category: r.category,
    exceptionType: r.exceptionType,
    targetObject: r.targetObject,
  });
}

/** Runs `fn`; a drive error becomes a non-terminating error of the command and `undefined`. */
export function attempt<T>(ctx: CmdletContext, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    ctx.writeError(commandError(ctx, err));
    return undefined;
  }
}

export function pathNotFound(ctx: CmdletContext, display: string): ErrorRecord {
  return ctx.error({
    message: `Cannot find path '${display}' because it does not exist.`,
    errorId: 'PathNotFound',
    category: 'ObjectNotFound',
    exceptionType: 'ItemNotFoundException',
    targetObject: display,
  });
}

// ---------------------------------------------------------------------------------------------
// Wildcard paths (the FileSystem provider's: src/protocol/wildcard.ts has the pattern rules)

/**
 * Resolves a -Path value: a literal path gives one path (existing or not); a wildcard path
 * gives the existing items that match (maybe none). -LiteralPath values go to `fs.resolve`.
 */
export function expandPath(fs: LabFileSystem, pattern: string, location: string): ResolvedPath[] {
  const text = pattern.replace(/^(?:Microsoft\.PowerShell\.Core\\)?FileSystem::/i, '');
  if (!hasWildcard(text)) return [fs.resolve(unescapeWildcard(text), location)];
  const parts = text.split(/[\\/]/);
  const first = parts.findIndex((p) => hasWildcard(p));
  // The part before the first wildcard component is an ordinary path.
  const head = parts.slice(0, first).join('\\');
  const base =
    first === 0 ? fs.resolve('.', location) : fs.resolve(head === '' || /^[A-Za-z]:$/.test(head) ? head + '\\' : unescapeWildcard(head), location);
  let current: ResolvedPath[] = [base];
  const rest = parts.slice(first);
  rest.forEach((part, i) => {
    const last = i === rest.length - 1;
    const next: ResolvedPath[] = [];
    for (const dir of current) {
      if (part === '' || part === '.') {
        next.push(dir);
      } else if (hasWildcard(part)) {
        const st = fs.stat(dir);
        if (!st?.isDirectory) continue;
        const re = compileWildcard(part);
        for (const e of fs.list(dir)) if (re.test(e.name) && (last || e.isDirectory)) next.push(e.path);
      } else {
        const p = fs.resolve(unescapeWildcard(part), dir.display);
        if (fs.exists(p)) next.push(p);
      }
    }
    current = next;
  });
  return current;
}

// ---------------------------------------------------------------------------------------------
// FileInfo / DirectoryInfo / PathInfo

export function psPath(display: string): string {
  return `${PROVIDER}::${display}`;
}

/** Parent display path, or undefined for a root. */
export function parentOf(fs: LabFileSystem, p: ResolvedPath): ResolvedPath | undefined {
  const parent = fs.resolve('..', p.display);
  return parent.display === p.display ? undefined : parent;
}

/** `d-----` / `-a----` / `-ar---`, as 5.1's Mode column. */
export function modeOf(entry: FileEntry): string {
  return entry.isDirectory ? 'd-----' : entry.readOnly ? '-ar---' : '-a----';
}

export const FILE_ATTRIBUTES = 'System.IO.FileAttributes';
registerEnum({
  typeName: FILE_ATTRIBUTES,
  flags: true,
  values: ['ReadOnly', 'Hidden', 'System', 'Directory', 'Archive', 'Device', 'Normal', 'Temporary', 'SparseFile', 'ReparsePoint', 'Compressed', 'Offline', 'NotContentIndexed', 'Encrypted', 'IntegrityStream', 'NoScrubData'],
  numbers: [0x1, 0x2, 0x4, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000, 0x4000, 0x8000, 0x20000],
});

/** The attributes a file may be given (FileSystemInfo.Attributes' setter through the provider). */
const SETTABLE_ATTRIBUTES = 0x1 | 0x2 | 0x4 | 0x20 | 0x80;

/**
 * Sets FileAttributes on a lab file: ReadOnly is kept (the drive has no Hidden or System
 * attribute; Archive and Normal change nothing it shows). Anything else is 5.1's refusal.
 */
function setAttributes(fs: LabFileSystem, p: ResolvedPath, value: unknown): boolean {
  const attributes = enumValue(FILE_ATTRIBUTES, value).value;
  if ((attributes & ~SETTABLE_ATTRIBUTES) !== 0) {
    raise(
      'The attribute cannot be set because attributes are not supported. Only the following attributes can be set: Archive, Hidden, Normal, ReadOnly, or System.',
      'SetPropertyError',
      'ReadError',
      'IOException',
    );
  }
  const readOnly = (attributes & 0x1) !== 0;
  fs.setReadOnly(p, readOnly);
  return readOnly;
}

/**
 * The object Get-ChildItem / Get-Item write for an entry: System.IO.FileInfo or
 * System.IO.DirectoryInfo with the properties admins use.
 */
export function fileSystemInfo(fs: LabFileSystem, entry: FileEntry): PSObject {
  const p = entry.path;
  const parent = parentOf(fs, p);
  const name = entry.name;
  // .NET Path.GetExtension: from the last dot, empty when the name ends with it.
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 && dot < name.length - 1 ? name.slice(dot) : '';
  const baseName = entry.isDirectory || !extension ? name : name.slice(0, name.length - extension.length);
  const o = new PSObject(entry.isDirectory ? [...DIRECTORY_TYPES] : [...FILE_TYPES]);
  // FileInfo keeps what it read until it is refreshed; setting IsReadOnly or Attributes updates it.
  let readOnly = Boolean(entry.readOnly);
  const note = (n: string, v: unknown, typeName?: string) =>
    o.addProperty({ name: n, memberType: 'NoteProperty', typeName, get: () => v });
  const prop = (n: string, typeName: string, get: () => unknown) => o.addProperty({ name: n, memberType: 'Property', typeName, get });
  const parentInfo = () => {
    if (!parent) return null;
    const st = fs.stat(parent);
    return st ? fileSystemInfo(fs, st) : parent.display;
  };

  note('PSPath', psPath(p.display), 'System.String');
  note('PSParentPath', parent ? psPath(parent.display) : '', 'System.String');
  note('PSChildName', name, 'System.String');
  note('PSDrive', p.display.startsWith('\\\\') ? null : 'C', 'System.Management.Automation.PSDriveInfo');
  note('PSProvider', PROVIDER, 'System.Management.Automation.ProviderInfo');
  note('PSIsContainer', entry.isDirectory, 'System.Boolean');
  o.addProperty({ name: 'Mode', memberType: 'ScriptProperty', typeName: 'System.Object', get: () => modeOf({ ...entry, readOnly }) });
  o.addProperty({ name: 'BaseName', memberType: 'ScriptProperty', typeName: 'System.Object', get: () => baseName });
  prop('Name', 'string', () => name);
  if (entry.isDirectory) {
    prop('Parent', 'System.IO.DirectoryInfo', parentInfo);
    prop('Root', 'System.IO.DirectoryInfo', () => {
      const root = fs.resolve('\\', p.display);
      const st = fs.stat(root);
      return st ? fileSystemInfo(fs, st) : root.display;
    });
  } else {
    prop('Length', 'long', () => entry.length);
    prop('DirectoryName', 'string', () => parent?.display ?? null);
    prop('Directory', 'System.IO.DirectoryInfo', parentInfo);
    o.addProperty({
      name: 'IsReadOnly',
      memberType: 'Property',
      typeName: 'bool',
      get: () => readOnly,
      set: (v) => {
        fs.setReadOnly(p, isTruthy(v));
        readOnly = isTruthy(v);
      },
    });
  }
  prop('Exists', 'bool', () => fs.exists(p));
  prop('FullName', 'string', () => p.display);
  prop('Extension', 'string', () => extension);
  prop('CreationTime', 'datetime', () => entry.lastWriteTime);
  prop('LastAccessTime', 'datetime', () => entry.lastWriteTime);
  prop('LastWriteTime', 'datetime', () => entry.lastWriteTime);
  o.addProperty({
    name: 'Attributes',
    memberType: 'Property',
    typeName: FILE_ATTRIBUTES,
    get: () => enumValue(FILE_ATTRIBUTES, entry.isDirectory ? 'Directory' : readOnly ? 'ReadOnly, Archive' : 'Archive'),
    set: (v) => {
      readOnly = setAttributes(fs, p, v) && !entry.isDirectory;
    },
  });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => p.display });
  return o;
}

/**
 * Runs a write to `file` (or to one of its streams). With -Force a read-only file is made
 * writable for it and read-only again afterwards, as 5.1's FileSystem provider and Out-File do.
 */
export function writeForced<T>(fs: LabFileSystem, file: ResolvedPath, force: boolean | undefined, write: () => T): T {
  if (!force || !fs.stat(file)?.readOnly) return write();
  fs.setReadOnly(file, false);
  try {
    return write();
  } finally {
    fs.setReadOnly(file, true);
  }
}

/**
 * Get-Item / Remove-Item -Stream: the streams of a file whose names match `patterns`
 * (wildcards; `:$DATA` is the main one), and for each plain name that matches none 5.1's
 * AlternateDataStreamNotFound error.
 */
export function matchingStreams(ctx: CmdletContext, file: FileEntry, patterns: readonly (string | null)[]): { name: string; length: number }[] {
  const all = [{ name: ':$DATA', length: file.length }, ...ctx.fs.streams(file.path)];
  const out: { name: string; length: number }[] = [];
  for (const pattern of patterns) {
    if (pattern === null) continue;
    const re = compileWildcard(pattern);
    const found = all.filter((s) => re.test(s.name) && !out.includes(s));
    out.push(...found);
    if (!found.length && !hasWildcard(pattern)) {
      ctx.writeError(
        ctx.error({
          message: `Could not open the alternate data stream '${pattern}' of the file '${file.path.display}'.`,
          errorId: 'AlternateDataStreamNotFound',
          category: 'ObjectNotFound',
          exceptionType: 'FileNotFoundException',
          targetObject: file.path.display,
        }),
      );
    }
  }
  return out;
}

/** What Get-Item -Stream writes for a stream (AlternateStreamData, with the provider's notes). */
export function alternateStreamData(fs: LabFileSystem, file: FileEntry, stream: { name: string; length: number }): PSObject {
  const parent = parentOf(fs, file.path);
  const o = new PSObject(['Microsoft.PowerShell.Commands.AlternateStreamData', 'System.Object']);
  const full = `${file.path.display}:${stream.name}`;
  o.addNote('PSPath', psPath(full));
  o.addNote('PSParentPath', parent ? psPath(parent.display) : '');
  o.addNote('PSChildName', `${file.name}:${stream.name}`);
  o.addNote('PSDrive', file.path.display.startsWith('\\\\') ? null : 'C');
  o.addNote('PSProvider', PROVIDER);
  o.addNote('PSIsContainer', false);
  o.addProperty({ name: 'FileName', memberType: 'Property', typeName: 'string', get: () => file.path.display });
  o.addProperty({ name: 'Stream', memberType: 'Property', typeName: 'string', get: () => stream.name });
  o.addProperty({ name: 'Length', memberType: 'Property', typeName: 'long', get: () => stream.length });
  return o;
}

/** What Get-Location / Set-Location -PassThru write. */
export function pathInfo(display: string): PSObject {
  const unc = display.startsWith('\\\\');
  const o = new PSObject([...PATHINFO_TYPES]);
  o.addProperty({ name: 'Drive', memberType: 'Property', typeName: 'System.Management.Automation.PSDriveInfo', get: () => (unc ? null : 'C') });
  o.addProperty({ name: 'Provider', memberType: 'Property', typeName: 'System.Management.Automation.ProviderInfo', get: () => PROVIDER });
  o.addProperty({ name: 'ProviderPath', memberType: 'Property', typeName: 'string', get: () => display });
  o.addProperty({ name: 'Path', memberType: 'Property', typeName: 'string', get: () => (unc ? psPath(display) : display) });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => (unc ? psPath(display) : display) });
  return o;
}

/** 5.1's LastWriteTime column: `"{0,10}  {1,8}" -f $d.ToString('d'), $d.ToString('t')`. */
export function lastWriteColumn(d: Date): string {
  const date = `${d.getMonth() + 1}/${d.getDate()}/${d.getFullYear()}`;
  const h = d.getHours();
  const time = `${h % 12 === 0 ? 12 : h % 12}:${String(d.getMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
  return `${date.padStart(10)}  ${time.padStart(8)}`;
}

// ---------------------------------------------------------------------------------------------
// Text encodings

export type EncodingName = (typeof ENCODING_VALUES)[number];

/**
 * The codec of a FileSystemCmdletProviderEncoding value. Default, Oem, UTF7 and Unknown have none:
 * reading them detects the text (src/protocol/text-codec.ts); writing them gives UTF-8 without a
 * BOM — 5.1 writes the ANSI code page for Default, but a file emsh writes is also read by other
 * tools (OpenSSL, editors), which expect UTF-8.
 */
function providerEncoding(encoding: string | undefined): TextEncoding | undefined {
  switch ((encoding ?? 'Default').toLowerCase()) {
    case 'unicode':
    case 'string':
      return 'utf-16';
    case 'bigendianunicode':
      return 'utf-16BE';
    case 'utf8':
      return 'utf-8';
    case 'utf32':
      return 'utf-32';
    case 'bigendianutf32':
      return 'utf-32BE';
    case 'ascii':
      return 'us-ascii';
    default:
      return undefined;
  }
}

/** Decodes file bytes to text: a byte order mark wins, else the -Encoding, else UTF-8 or windows-1252. */
export function decodeText(bytes: Uint8Array, encoding?: string): string {
  return decodeBytes(bytes, providerEncoding(encoding));
}

/** Encodes text for writing; `preamble` adds the byte order mark the encoding has in .NET. */
export function encodeText(text: string, encoding: string | undefined, preamble: boolean): Uint8Array {
  const codec = providerEncoding(encoding);
  return codec ? encodeBytes(text, codec, preamble) : encodeBytes(text, 'utf-8', false);
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Flattens a -Value argument (Object[]; pipeline objects arrive one at a time). */
export function flattenValues(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v) => (Array.isArray(v) ? v : [v]));
  return [value];
}

/**
 * Values to bytes for `-Encoding Byte`: byte arrays as they are, numbers 0-255, numeric
 * strings; anything else is 5.1's conversion error.
 */
export function toBytes(ctx: CmdletContext, values: unknown[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const v of values) {
    if (v instanceof Uint8Array) {
      parts.push(v);
      continue;
    }
    const text = typeof v === 'string' ? v.trim() : null;
    const n = isNumeric(v) ? Number(v) : text !== null && /^[+-]?\d+$/.test(text) ? Number(text) : NaN;
    if (Number.isNaN(n)) {
      ctx.fail(
        ctx.error({
          message: `Cannot convert value "${String(v)}" to type "System.Byte". Error: "Input string was not in a correct format."`,
          errorId: 'InvalidCastFromStringToInteger',
          category: 'InvalidArgument',
          exceptionType: 'PSInvalidCastException',
          targetObject: v,
        }),
      );
    }
    const rounded = Math.round(n);
    if (rounded < 0 || rounded > 255) {
      ctx.fail(
        ctx.error({
          message: `Cannot convert value "${String(v)}" to type "System.Byte". Error: "Value was either too large or too small for an unsigned byte."`,
          errorId: 'InvalidCastIConvertible',
          category: 'InvalidArgument',
          exceptionType: 'PSInvalidCastException',
          targetObject: v,
        }),
      );
    }
    parts.push(Uint8Array.of(rounded));
  }
  return concat(parts);
}

/** The paths a -Path / -LiteralPath pair names, for cmdlets that take either. */
export function requestedPaths(params: { Path?: unknown; LiteralPath?: unknown }): { items: string[]; literal: boolean } {
  const asList = (v: unknown) => (v === undefined || v === null ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
  if (params.LiteralPath !== undefined && params.LiteralPath !== null) return { items: asList(params.LiteralPath), literal: true };
  return { items: asList(params.Path), literal: false };
}

/**
 * Resolves each requested path to existing items; a missing literal path is a
 * non-terminating PathNotFound, a wildcard that matches nothing is silent.
 */
export function existingItems(ctx: CmdletContext, params: { Path?: unknown; LiteralPath?: unknown }, fallback?: string): FileEntry[] {
  const { items, literal } = requestedPaths(params);
  if (items.length === 0 && fallback !== undefined) items.push(fallback);
  const out: FileEntry[] = [];
  const location = ctx.session.getLocation();
  for (const item of items) {
    const found = attempt(ctx, () => {
      const paths = literal ? [ctx.fs.resolve(item, location)] : expandPath(ctx.fs, item, location);
      const wild = !literal && hasWildcard(item);
      const entries: FileEntry[] = [];
      for (const p of paths) {
        const st = ctx.fs.stat(p);
        if (st) entries.push(st);
        else if (!wild) ctx.writeError(pathNotFound(ctx, p.display));
      }
      return entries;
    });
    if (found) out.push(...found);
  }
  return out;
}
