// Get-ChildItem: the items in a folder (folders first, then files, by name), recursively
// with -Recurse/-Depth, filtered by -Filter/-Include/-Exclude/-File/-Directory.

import { ALL_SETS, defineCmdlet, type FileEntry, type ResolvedPath } from '../../protocol/cmdlet.js';
import { aliasDrivePath, aliasItems } from './alias-drive.js';
import { envDrivePath, envItems } from './env-drive.js';
import { aliasObject } from './aliases.js';
import {
  attempt,
  expandPath,
  fileSystemInfo,
  pathNotFound,
  requestedPaths,
} from './file-common.js';
import { compileWildcard, hasWildcard, type Wildcard } from '../../protocol/wildcard.js';
import { wildcards } from './patterns.js';
import { isCertPath, listCertPath } from '../security/cert-provider.js';

export default defineCmdlet({
  name: 'Get-ChildItem',
  aliases: ['gci', 'ls', 'dir'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Gets the items and child items in one or more specified locations.',
  description:
    'The Get-ChildItem cmdlet lists the items in a folder of the lab drive: folders first, then ' +
    'files, each sorted by name. With no path it lists the current location. -Recurse descends ' +
    'into subfolders (-Depth limits how far). -Filter, -Include and -Exclude take wildcards on the ' +
    'item name; -File and -Directory keep only files or folders; -Name writes relative names ' +
    'instead of FileInfo and DirectoryInfo objects.',
  defaultParameterSet: 'Items',
  parameters: {
    Path: {
      type: 'String[]',
      sets: { Items: { position: 0, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies one or more folders or files. Wildcards are permitted. The default is the current location.',
      defaultText: 'Current directory',
    },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath'],
      sets: { LiteralItems: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies a path used exactly as typed: no character is interpreted as a wildcard.',
    },
    Filter: {
      type: 'String',
      sets: { [ALL_SETS]: { position: 1 } },
      help: 'Specifies a wildcard filter on item names, such as *.pfx.',
    },
    Include: { type: 'String[]', help: 'Lists only the items whose names match one of these wildcard patterns.' },
    Exclude: { type: 'String[]', help: 'Omits the items whose names match one of these wildcard patterns.' },
    Recurse: { type: 'Switch', aliases: ['s'], help: 'Gets the items in the specified locations and in all their subfolders.' },
    Depth: { type: 'Int32', help: 'Limits recursion to this many levels of subfolders (implies -Recurse).' },
    File: { type: 'Switch', help: 'Gets files only.' },
    Directory: { type: 'Switch', aliases: ['ad'], help: 'Gets folders only.' },
    Name: { type: 'Switch', help: 'Writes only the names of the items, relative to the listed folder.' },
    Force: { type: 'Switch', help: 'Accepted for compatibility; the lab drive has no hidden items.' },
  },
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo', 'System.String'],
  examples: [
    {
      setup: "New-Item C:\\certs -ItemType Directory | Out-Null; Set-Content C:\\certs\\mail.pfx 'x'",
      code: 'Get-ChildItem C:\\certs',
      remarks: 'Lists a folder: the header names the folder, then Mode, LastWriteTime, Length and Name.',
      shows: /Directory: C:\\certs[\s\S]*Mode\s+LastWriteTime\s+Length Name[\s\S]*-a----.*mail\.pfx/,
    },
    {
      setup: "New-Item C:\\certs -ItemType Directory | Out-Null; Set-Content C:\\certs\\a.pfx 'x'; Set-Content C:\\certs\\b.txt 'y'",
      code: 'Get-ChildItem C:\\certs -Filter *.pfx -Name',
      remarks: 'Writes only the names of the .pfx files.',
      shows: 'a.pfx',
    },
    {
      setup: "New-Item C:\\exports\\old -ItemType Directory -Force | Out-Null; Set-Content C:\\exports\\old\\req.txt 'r'",
      code: 'Get-ChildItem C:\\exports -Recurse -File | Select-Object -ExpandProperty FullName',
      remarks: 'Finds files in a folder and its subfolders.',
      shows: 'C:\\exports\\old\\req.txt',
    },
  ],
  related: ['Get-Item', 'Set-Location', 'Test-Path'],
  process(params, ctx) {
    const { items, literal } = requestedPaths(params);
    if (items.length === 0) items.push('.');
    const location = ctx.session.getLocation();
    const recurse = Boolean(params.Recurse) || params.Depth !== undefined;
    const maxDepth = params.Depth !== undefined ? params.Depth : Infinity;
    const filter = params.Filter ? compileWildcard(params.Filter) : undefined;
    const include = wildcards(params.Include);
    const exclude = wildcards(params.Exclude);

    const passes = (e: FileEntry, leaf?: Wildcard): boolean => {
      if (params.File && e.isDirectory) return false;
      if (params.Directory && !e.isDirectory) return false;
      if (filter && !filter.test(e.name)) return false;
      if (leaf && !leaf.test(e.name)) return false;
      if (include.length > 0 && !include.some((r) => r.test(e.name))) return false;
      return !exclude.some((r) => r.test(e.name));
    };
    const emit = (e: FileEntry, base: ResolvedPath | undefined) => {
      if (!params.Name) return ctx.write(fileSystemInfo(ctx.fs, e));
      if (!base) return ctx.write(e.name);
      const prefix = base.display.endsWith('\\') ? base.display : base.display + '\\';
      ctx.write(e.path.display.slice(prefix.length));
    };
    const walk = (dir: ResolvedPath, base: ResolvedPath, depth: number, leaf?: Wildcard) => {
      const entries = attempt(ctx, () => ctx.fs.list(dir));
      if (!entries) return;
      const ordered = [...entries.filter((e) => e.isDirectory), ...entries.filter((e) => !e.isDirectory)];
      for (const e of ordered) if (passes(e, leaf)) emit(e, base);
      if (recurse && depth < maxDepth) {
        for (const e of ordered) if (e.isDirectory) walk(e.path, base, depth + 1, leaf);
      }
    };

    for (const item of items) {
      attempt(ctx, () => listOne(item));
    }

    function listOne(item: string): void {
      if (isCertPath(item)) return listCertPath(ctx, item); // the Cert: drive (issue 8)
      const variable = envDrivePath(item);
      if (variable !== undefined) {
        for (const v of envItems(ctx, variable, literal)) {
          const name = String(v.get('Key'));
          if (!exclude.some((r) => r.test(name)) && (!include.length || include.some((r) => r.test(name)))) ctx.write(params.Name ? name : v);
        }
        return;
      }
      const alias = aliasDrivePath(item);
      if (alias !== undefined) {
        for (const a of aliasItems(ctx, alias, literal)) if (!exclude.some((r) => r.test(a.name)) && (!include.length || include.some((r) => r.test(a.name)))) ctx.write(params.Name ? a.name : aliasObject(ctx, a));
        return;
      }
      if (!literal && hasWildcard(item)) {
        const cut = Math.max(item.lastIndexOf('\\'), item.lastIndexOf('/'));
        const leafText = item.slice(cut + 1);
        if (recurse && hasWildcard(leafText)) {
          // `dir C:\*.pfx -Recurse`: the last part filters names at every level below the parent.
          const parentText = cut < 0 ? '.' : cut === 2 && item[1] === ':' ? item.slice(0, 3) : item.slice(0, cut) || '\\';
          for (const dir of expandPath(ctx.fs, parentText, location)) {
            if (ctx.fs.stat(dir)?.isDirectory) walk(dir, dir, 0, compileWildcard(leafText));
          }
          return;
        }
        // A wildcard match that is a folder lists that folder's items.
        for (const p of expandPath(ctx.fs, item, location)) {
          const st = ctx.fs.stat(p);
          if (!st) continue;
          if (st.isDirectory) walk(p, p, 0);
          else if (passes(st)) emit(st, undefined);
        }
        return;
      }
      const p = ctx.fs.resolve(item, location);
      const st = ctx.fs.stat(p);
      if (!st) return ctx.writeError(pathNotFound(ctx, p.display));
      if (st.isDirectory) walk(p, p, 0);
      else if (passes(st)) emit(st, undefined);
    }
  },
});
