// Update-FormatData: loads the table and list views of *.format.ps1xml files into the session's
// view database (-PrependPath: before the views already there; -AppendPath: after them).

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { installFormatDefinitions, readFormatXml } from '../../format/format-data.js';
import { readPs1xmlFile } from './ps1xml-file.js';
import { viewCompiler } from './format-data.js';

function loadFormatFile(ctx: CmdletContext, path: string, prepend: boolean): void {
  const file = readPs1xmlFile(ctx, path);
  if (!file) return;
  const fail = (message: string) => ctx.writeError(ctx.error({ message, errorId: 'FormatXmlUpdateException', category: 'InvalidOperation', exceptionType: 'RuntimeException' }));
  if (typeof file.root === 'string') return fail(`Error in file "${file.display}": ${file.root}`);
  const defs = readFormatXml(file.root, file.display);
  if (typeof defs === 'string') return fail(defs);
  installFormatDefinitions(defs, prepend, viewCompiler(ctx));
}

export default defineCmdlet({
  name: 'Update-FormatData',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Updates the formatting data in the current session.',
  description:
    'The Update-FormatData cmdlet loads the views of *.format.ps1xml files: a table or list view ' +
    'selected by type name decides how Format-Table, Format-List and the default output show objects ' +
    'of that type. -PrependPath puts the views before the ones the session has, so they win; ' +
    '-AppendPath after them. Without paths it reloads what is loaded (nothing changes).',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: {
    AppendPath: {
      type: 'String[]',
      aliases: ['PSPath', 'Path'],
      sets: { Path: { position: 0, fromPipelineByPropertyName: true } },
      help: 'Specifies *.format.ps1xml files whose views are loaded after the ones already in the session.',
    },
    PrependPath: {
      type: 'String[]',
      sets: { Path: { fromPipelineByPropertyName: true } },
      help: 'Specifies *.format.ps1xml files whose views are loaded before the ones already in the session.',
    },
  },
  outputType: [],
  examples: [
    {
      setup:
        "Set-Content C:\\demo.format.ps1xml '<Configuration><ViewDefinitions><View><Name>Demo</Name><ViewSelectedBy><TypeName>Demo.Server</TypeName></ViewSelectedBy><ListControl><ListEntries><ListEntry><ListItems><ListItem><PropertyName>Name</PropertyName></ListItem></ListItems></ListEntry></ListEntries></ListControl></View></ViewDefinitions></Configuration>'",
      code: "Update-FormatData -PrependPath C:\\demo.format.ps1xml; $o = [pscustomobject]@{Name='ex01'; Build='8.3'}; $o.pstypenames.Insert(0, 'Demo.Server'); $o",
      remarks: 'Loads a list view for a type; its objects now print as that list.',
      shows: 'Name : ex01',
    },
  ],
  related: ['Get-FormatData', 'Export-FormatData', 'Update-TypeData'],
  async process(params, ctx) {
    for (const [paths, prepend] of [[params.PrependPath, true], [params.AppendPath, false]] as const) {
      for (const path of paths ?? []) {
        if (await ctx.shouldProcess(`FileName: ${path}`, 'Update FormatData')) loadFormatFile(ctx, path, prepend);
      }
    }
  },
});
