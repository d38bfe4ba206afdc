// Set-ItemProperty (sp): sets a property of a file or folder on the lab drive, as the FileSystem
// provider does, through the item's FileInfo / DirectoryInfo object: `-Name IsReadOnly -Value
// $true` makes a file read-only, `-Name Attributes -Value ReadOnly` too. -InputObject sets every
// property of the object given.

import { defineCmdlet, type CmdletContext, type FileEntry } from '../../protocol/cmdlet.js';
import { setMember } from '../../protocol/members.js';
import { PSObject, toDisplayText } from '../../protocol/values.js';
import { commandError, existingItems, fileSystemInfo, parentOf, psPath, PROVIDER } from './file-common.js';

const VALUE_SETS = ['propertyValuePathSet', 'propertyValueLiteralPathSet'] as const;

/** What -PassThru writes: the properties set, with the provider's PS* notes of the item. */
function propertyObject(ctx: CmdletContext, entry: FileEntry, values: [string, unknown][]): PSObject {
  const o = new PSObject();
  for (const [name, value] of values) o.addNote(name, value);
  const parent = parentOf(ctx.fs, entry.path);
  o.addNote('PSPath', psPath(entry.path.display));
  o.addNote('PSParentPath', parent ? psPath(parent.display) : '');
  o.addNote('PSChildName', entry.name);
  o.addNote('PSDrive', entry.path.display.startsWith('\\\\') ? null : 'C');
  o.addNote('PSProvider', PROVIDER);
  return o;
}

async function setProperties(ctx: CmdletContext, entry: FileEntry, wanted: [string, unknown][], passThru: boolean): Promise<void> {
  const item = fileSystemInfo(ctx.fs, entry);
  const action = entry.isDirectory ? 'Set Property Directory' : 'Set Property File';
  const done: [string, unknown][] = [];
  for (const [name, value] of wanted) {
    if (!(await ctx.shouldProcess(`Item: ${entry.path.display} Property: ${name} Value: ${toDisplayText(value)}`, action))) continue;
    if (!item.property(name)) {
      ctx.writeError(
        ctx.error({
          message: `The property ${name} does not exist or was not found.`,
          errorId: 'SetPropertyError',
          category: 'ReadError',
          exceptionType: 'IOException',
          targetObject: name,
        }),
      );
      continue;
    }
    try {
      setMember(item, name, value);
      done.push([name, value]);
    } catch (err) {
      ctx.writeError(commandError(ctx, err));
    }
  }
  if (done.length && passThru) ctx.write(propertyObject(ctx, entry, done));
}

export default defineCmdlet({
  name: 'Set-ItemProperty',
  aliases: ['sp'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Creates or changes the value of a property of an item.',
  description:
    'The Set-ItemProperty cmdlet changes a property of files and folders on the lab drive, through ' +
    'their FileInfo or DirectoryInfo object: IsReadOnly (or Attributes with ReadOnly) makes a file ' +
    'read-only, so that writing or deleting it needs -Force. -InputObject sets every property of the ' +
    'given object. Properties an item does not have, or cannot change, are errors.',
  defaultParameterSet: 'propertyValuePathSet',
  supportsShouldProcess: true,
  parameters: {
    Path: {
      type: 'String[]',
      sets: {
        propertyValuePathSet: { position: 0, mandatory: true, fromPipelineByPropertyName: true },
        propertyPSObjectPathSet: { position: 0, mandatory: true, fromPipelineByPropertyName: true },
      },
      help: 'Specifies the items whose property is set. Wildcards are permitted.',
    },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath'],
      sets: {
        propertyValueLiteralPathSet: { mandatory: true, fromPipelineByPropertyName: true },
        propertyPSObjectLiteralPathSet: { mandatory: true, fromPipelineByPropertyName: true },
      },
      help: 'Specifies the items, used exactly as typed. Items from Get-ChildItem bind here through their PSPath property.',
    },
    Name: {
      type: 'String',
      aliases: ['PSProperty'],
      sets: Object.fromEntries(VALUE_SETS.map((s) => [s, { position: 1, mandatory: true, fromPipelineByPropertyName: true }])),
      help: 'Specifies the name of the property, such as IsReadOnly or Attributes.',
    },
    Value: {
      type: 'Object',
      allowNull: true,
      sets: Object.fromEntries(VALUE_SETS.map((s) => [s, { position: 2, mandatory: true, fromPipelineByPropertyName: true }])),
      help: 'Specifies the value of the property.',
    },
    InputObject: {
      type: 'PSObject',
      sets: {
        propertyPSObjectPathSet: { mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true },
        propertyPSObjectLiteralPathSet: { mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true },
      },
      help: 'Specifies an object whose properties (names and values) are set on the items.',
    },
    PassThru: { type: 'Switch', help: 'Writes an object with the properties that were set.' },
    Force: { type: 'Switch', help: 'Accepted for compatibility.' },
  },
  outputType: ['System.Management.Automation.PSCustomObject'],
  examples: [
    {
      setup: "Set-Content C:\\final.txt 'done'",
      code: 'Set-ItemProperty -Path C:\\final.txt -Name IsReadOnly -Value $true; (Get-Item C:\\final.txt).Mode',
      remarks: 'Makes a file read-only.',
      shows: '-ar---',
    },
    {
      setup: "Set-Content C:\\final.txt 'done'; Set-ItemProperty C:\\final.txt IsReadOnly $true",
      code: "try { Set-Content C:\\final.txt 'again' -ErrorAction Stop } catch { $_.Exception.Message }",
      remarks: 'A read-only file refuses to be written (without -Force).',
      shows: "Access to the path 'C:\\final.txt' is denied.",
    },
  ],
  related: ['Get-Item', 'Set-Content', 'Remove-Item'],
  async process(params, ctx) {
    const input = params.InputObject;
    const wanted: [string, unknown][] =
      input !== undefined && input !== null
        ? (input instanceof PSObject ? input : PSObject.wrap(input)).properties().map((p): [string, unknown] => [p.name, p.get()])
        : [[params.Name ?? '', params.Value ?? null]];
    for (const entry of existingItems(ctx, params)) await setProperties(ctx, entry, wanted, Boolean(params.PassThru));
  },
});
