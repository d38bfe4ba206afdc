// Export-Clixml and Import-Clixml: objects to and from PowerShell's CliXml files on the lab drive
// (the format is src/protocol/clixml.ts). Export writes UTF-16 (Unicode) by default, as 5.1 does.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { deserializeCliXml, serializeCliXml } from '../../protocol/clixml.js';
import { XmlException } from '../../protocol/xml-dom.js';
import { dictionaryEntries } from '../../protocol/members.js';
import { PSHashtable, PSObject, listKindOf } from '../../protocol/values.js';
import { attempt, commandError, decodeText, encodeText, existingItems } from './file-common.js';
import { buffer, collect, refuseClobber, resolveTarget, writeOutputFile } from './output-common.js';

export const exportClixml = defineCmdlet({
  name: 'Export-Clixml',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Creates an XML-based representation of an object or objects and stores it in a file.',
  description:
    'The Export-Clixml cmdlet serializes objects into a CliXml file, the format PowerShell uses to move ' +
    'objects between sessions: strings, numbers, dates and the other primitive types keep their types; ' +
    'hash tables and lists are written as such; other objects are written with their type names, their ' +
    'ToString() text and their properties, down to -Depth levels of contained objects (default 2; deeper ' +
    'objects are written as their text). Import-Clixml reads the file back. SecureString values cannot be ' +
    'exported in emsh: Windows protects them with DPAPI, which the lab does not have.',
  defaultParameterSet: 'ByPath',
  supportsShouldProcess: true,
  parameters: {
    Path: { type: 'String', sets: { ByPath: { position: 0, mandatory: true } }, help: 'Specifies the path of the file to write.' },
    LiteralPath: { type: 'String', aliases: ['PSPath', 'LP'], sets: { ByLiteralPath: { mandatory: true } }, help: 'Specifies the path of the file, used exactly as typed.' },
    InputObject: {
      type: 'PSObject',
      allowNull: true,
      sets: { [ALL_SETS]: { mandatory: true, fromPipeline: true } },
      help: 'Specifies the objects to export.',
    },
    Depth: { type: 'Int32', validateRange: [1, 2147483647], default: 2, help: 'Specifies how many levels of contained objects are written. Default: 2.' },
    Force: { type: 'Switch', help: 'Overwrites a read-only file.' },
    NoClobber: { type: 'Switch', aliases: ['NoOverwrite'], help: 'Does not overwrite an existing file: the command fails instead.' },
    Encoding: {
      type: 'String',
      validateSet: ['Unicode', 'UTF7', 'UTF8', 'ASCII', 'UTF32', 'BigEndianUnicode', 'Default', 'OEM'],
      default: 'Unicode',
      help: 'Specifies the encoding of the file. Default: Unicode (UTF-16LE).',
    },
  },
  outputType: [],
  examples: [
    {
      code: "[pscustomobject]@{Name='EX01'; Port=25} | Export-Clixml C:\\server.xml; (Import-Clixml C:\\server.xml).Port",
      remarks: 'Saves an object and reads it back: the number is an Int32 again.',
      shows: '25',
    },
    {
      code: "@{Edge='EDGE01'} | Export-Clixml C:\\map.xml; Get-Content C:\\map.xml -TotalCount 1",
      remarks: 'The file starts with the CliXml header.',
      shows: '<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">',
    },
  ],
  related: ['Import-Clixml', 'ConvertTo-Xml'],
  process(params, ctx) {
    collect(params, ctx);
  },
  async end(params, ctx) {
    const target = resolveTarget(ctx, params.LiteralPath ?? params.Path ?? '');
    refuseClobber(ctx, target, params);
    if (!(await ctx.shouldProcess(target.display))) return;
    let text: string;
    try {
      text = serializeCliXml(buffer(ctx), params.Depth);
    } catch (err) {
      return ctx.fail(commandError(ctx, err));
    }
    writeOutputFile(ctx, target, encodeText(text, params.Encoding ?? undefined, true), false, params.Force);
  },
});

/** With -Skip/-First, a collection counts as its items (a hash table as DictionaryEntry objects). */
function pagedItems(o: unknown): unknown[] {
  if (o instanceof PSHashtable) return dictionaryEntries(o);
  if (Array.isArray(o) && listKindOf(o)) return o;
  return [o];
}

export const importClixml = defineCmdlet({
  name: 'Import-Clixml',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Imports a CLIXML file and creates corresponding objects in PowerShell.',
  description:
    'The Import-Clixml cmdlet reads a CliXml file (from Export-Clixml) and writes its objects: primitive ' +
    'values, hash tables and lists come back as themselves; other objects come back as property bags whose ' +
    'type names start with "Deserialized." and whose ToString() gives the original text. -Skip and -First ' +
    'page through the objects (a collection counts as its items); -IncludeTotalCount first writes an ' +
    '"Unknown total count" object.',
  defaultParameterSet: 'ByPath',
  parameters: {
    Path: {
      type: 'String[]',
      sets: { ByPath: { position: 0, mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the XML files.',
    },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath', 'LP'],
      sets: { ByLiteralPath: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the XML files, used exactly as typed.',
    },
    IncludeTotalCount: { type: 'Switch', help: 'Writes the total count first; for CliXml files it is always "Unknown total count".' },
    Skip: { type: 'Int64', help: 'Skips this many objects first.' },
    First: { type: 'Int64', help: 'Writes only this many objects.' },
  },
  outputType: ['System.Management.Automation.PSObject'],
  examples: [
    {
      code: "'one','two','three' | Export-Clixml C:\\words.xml; Import-Clixml C:\\words.xml -Skip 1 -First 1",
      remarks: 'Reads the second object of the file.',
      shows: 'two',
    },
  ],
  related: ['Export-Clixml'],
  process(params, ctx) {
    const paging = params.Skip !== undefined || params.First !== undefined;
    let skip = Number(params.Skip ?? 0);
    let first = params.First === undefined ? Infinity : Number(params.First);
    if (params.IncludeTotalCount) {
      const unknown = PSObject.wrap(0);
      unknown.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => 'Unknown total count' });
      ctx.write(unknown);
    }
    const items = existingItems(ctx, { Path: params.Path, LiteralPath: params.LiteralPath });
    for (const item of items) {
      if (item.isDirectory) continue;
      const bytes = attempt(ctx, () => ctx.fs.readBytes(item.path));
      if (!bytes) continue;
      let objects: unknown[];
      try {
        objects = deserializeCliXml(decodeText(bytes));
      } catch (err) {
        if (err instanceof XmlException) {
          return ctx.fail(ctx.error({ message: err.message, errorId: 'System.Xml.XmlException', category: 'NotSpecified', exceptionType: 'XmlException', targetObject: item.path.display }));
        }
        return ctx.fail(commandError(ctx, err));
      }
      for (const o of objects) {
        for (const v of paging ? pagedItems(o) : [o]) {
          if (skip > 0) {
            skip--;
            continue;
          }
          if (first <= 0) return;
          first--;
          ctx.write(v);
        }
      }
    }
  },
});
