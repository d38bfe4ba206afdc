// New-Item: creates a file (optionally with -Value text) or a folder on the lab drive.

import { ALL_SETS, defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { toDisplayText } from '../../protocol/values.js';
import { attempt, encodeText, fileSystemInfo, parentOf } from './file-common.js';

const ITEM_TYPES = ['File', 'Directory'] as const;
const LINK_TYPES = ['SymbolicLink', 'Junction', 'HardLink'];

/** The provider matches -ItemType as a prefix: `dir`, `d`, `f` work. */
function itemTypeOf(ctx: CmdletContext, text: string | null | undefined): 'File' | 'Directory' {
  // `-ItemType $null` binds null: the default, as an absent -ItemType. Invoked as `mkdir` / `md`
  // the default is a folder: in 5.1 those are the mkdir function, which runs New-Item -ItemType
  // Directory; emsh declares them as aliases of New-Item and keeps that default.
  if (text === undefined || text === null || text === '') return /^(mkdir|md)$/i.test(ctx.invocationName) ? 'Directory' : 'File';
  const lower = text.toLowerCase();
  const match = ITEM_TYPES.find((t) => t.toLowerCase().startsWith(lower));
  if (match) return match;
  const link = LINK_TYPES.some((t) => t.toLowerCase().startsWith(lower));
  return ctx.fail(
    ctx.error({
      message: link
        ? `The item type '${text}' is not available on the lab drive: links could lead off the drive.`
        : 'The type is not a known type for the file system. Only "file","directory","symboliclink","junction","HardLink" can be specified.',
      errorId: 'Argument',
      category: 'InvalidArgument',
      exceptionType: 'ArgumentException',
      targetObject: text,
    }),
  );
}

export default defineCmdlet({
  name: 'New-Item',
  aliases: ['ni', 'md', 'mkdir'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Creates a new item.',
  description:
    'The New-Item cmdlet creates a file or a folder on the lab drive and writes the new item. ' +
    '-ItemType Directory creates a folder (with any missing parent folders); the default is a file, ' +
    'whose text is -Value (written without a trailing newline). An existing item is an error unless ' +
    '-Force is used: then a file is replaced and an existing folder is returned as it is. With ' +
    '-Force a file\'s missing parent folders are created too.',
  defaultParameterSet: 'pathSet',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    Path: {
      type: 'String[]',
      sets: {
        pathSet: { position: 0, mandatory: true, fromPipelineByPropertyName: true },
        nameSet: { position: 0, fromPipelineByPropertyName: true },
      },
      help: 'Specifies the path of the new item (with -Name: the folder it is created in).',
    },
    Name: {
      type: 'String',
      allowNull: true,
      allowEmptyString: true,
      sets: { nameSet: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the name of the new item, created in the -Path folder or the current location.',
    },
    ItemType: {
      type: 'String',
      aliases: ['Type'],
      sets: { [ALL_SETS]: { fromPipelineByPropertyName: true } },
      help: 'Specifies the type of the new item: File or Directory.',
      defaultText: 'File',
    },
    Value: {
      type: 'Object',
      aliases: ['Target'],
      sets: { [ALL_SETS]: { fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the text of a new file.',
    },
    Force: { type: 'Switch', help: 'Replaces an existing file, returns an existing folder, and creates missing parent folders.' },
  },
  outputType: ['System.IO.FileInfo', 'System.IO.DirectoryInfo'],
  examples: [
    {
      code: 'New-Item C:\\certs -ItemType Directory | Select-Object -ExpandProperty FullName',
      remarks: 'Creates a folder.',
      shows: 'C:\\certs',
    },
    {
      code: "New-Item C:\\notes.txt -Value 'renew in May' | Out-Null; Get-Content C:\\notes.txt",
      remarks: 'Creates a file with text in it.',
      shows: 'renew in May',
    },
  ],
  related: ['Remove-Item', 'Set-Content', 'Get-ChildItem'],
  async process(params, ctx) {
    const type = itemTypeOf(ctx, params.ItemType);
    const location = ctx.session.getLocation();
    const bases = params.Path ?? ['.'];
    for (const base of bases) {
      const target = attempt(ctx, () => {
        const at = ctx.fs.resolve(base ?? '', location);
        return params.Name ? ctx.fs.resolve(String(params.Name), at.display) : at;
      });
      if (!target) continue;
      const existing = ctx.fs.stat(target);
      if (type === 'Directory') {
        if (existing) {
          if (params.Force && existing.isDirectory) ctx.write(fileSystemInfo(ctx.fs, existing));
          else
            ctx.writeError(
              ctx.error({
                message: `An item with the specified name ${target.display} already exists.`,
                errorId: 'DirectoryExist',
                category: 'ResourceExists',
                exceptionType: 'IOException',
                targetObject: target.display,
              }),
            );
          continue;
        }
        if (!(await ctx.shouldProcess(`Destination: ${target.display}`, 'Create Directory'))) continue;
        if (attempt(ctx, () => (ctx.fs.mkdir(target), true))) {
          const st = ctx.fs.stat(target);
          if (st) ctx.write(fileSystemInfo(ctx.fs, st));
        }
        continue;
      }
      if (existing && (!params.Force || existing.isDirectory)) {
        ctx.writeError(
          existing.isDirectory
            ? ctx.error({
                message: `Access to the path '${target.display}' is denied.`,
                errorId: 'NewItemUnauthorizedAccessError',
                category: 'PermissionDenied',
                exceptionType: 'UnauthorizedAccessException',
                targetObject: target.display,
              })
            : ctx.error({
                message: `The file '${target.display}' already exists.`,
                errorId: 'NewItemIOError',
                category: 'WriteError',
                exceptionType: 'IOException',
                targetObject: target.display,
              }),
        );
        continue;
      }
      if (!(await ctx.shouldProcess(`Destination: ${target.display}`, 'Create File'))) continue;
      const ok = attempt(ctx, () => {
        const parent = parentOf(ctx.fs, target);
        if (params.Force && parent && !ctx.fs.exists(parent)) ctx.fs.mkdir(parent);
        ctx.fs.writeBytes(target, encodeText(toDisplayText(params.Value ?? null), undefined, false));
        return true;
      });
      if (ok) {
        const st = ctx.fs.stat(target);
        if (st) ctx.write(fileSystemInfo(ctx.fs, st));
      }
    }
  },
});
