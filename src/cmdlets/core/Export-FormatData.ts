// Export-FormatData: writes ExtendedTypeDefinitions (from Get-FormatData) as a *.format.ps1xml
// file, indented as 5.1 writes it.

import { ALL_SETS, defineCmdlet, stateKey } from '../../protocol/cmdlet.js';
import { formatFileText } from '../../format/format-data.js';
import type { XmlElement } from '../../format/ps1xml.js';
import { encodeText } from './file-common.js';
import { refuseClobber, resolveTarget } from './output-common.js';
import { viewElementsOf } from '../../protocol/format-controls.js';

const VIEWS = stateKey<XmlElement[]>('Export-FormatData views');

export default defineCmdlet({
  name: 'Export-FormatData',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Saves formatting data from the current session in a formatting file.',
  description:
    'The Export-FormatData cmdlet writes the views of the ExtendedTypeDefinition objects it is given ' +
    '(from Get-FormatData) to a *.format.ps1xml file that Update-FormatData can load. An existing ' +
    'file is replaced unless -NoClobber is given.',
  defaultParameterSet: 'ByPath',
  parameters: {
    InputObject: {
      type: 'PSObject[]',
      netType: 'System.Management.Automation.ExtendedTypeDefinition[]',
      sets: { [ALL_SETS]: { mandatory: true, fromPipeline: true } },
      help: 'Specifies the ExtendedTypeDefinition objects to export.',
    },
    Path: { type: 'String', aliases: ['FilePath'], sets: { ByPath: { mandatory: true } }, help: 'Specifies the file to write.' },
    LiteralPath: { type: 'String', aliases: ['PSPath'], sets: { ByLiteralPath: { mandatory: true } }, help: 'Specifies the file to write, used exactly as typed.' },
    Force: { type: 'Switch', help: 'Replaces a read-only file.' },
    NoClobber: { type: 'Switch', aliases: ['NoOverwrite'], help: 'Refuses to replace an existing file.' },
    IncludeScriptBlock: { type: 'Switch', help: 'Includes the script blocks of the views.' },
  },
  outputType: [],
  examples: [
    {
      code: 'Get-FormatData System.Collections.DictionaryEntry | Export-FormatData -Path C:\\dict.format.ps1xml; (Get-Content C:\\dict.format.ps1xml)[0]',
      remarks: 'Saves the views of a type as a format file.',
      shows: '<?xml version="1.0" encoding="utf-8"?>',
    },
  ],
  related: ['Get-FormatData', 'Update-FormatData'],
  process(params, ctx) {
    const views = ctx.runState(VIEWS, () => []);
    for (const o of params.InputObject ?? []) views.push(...(viewElementsOf(o) ?? []));
  },
  end(params, ctx) {
    const target = resolveTarget(ctx, params.LiteralPath ?? params.Path ?? '');
    refuseClobber(ctx, target, params);
    ctx.fs.writeBytes(target, encodeText(formatFileText(ctx.runState(VIEWS, () => [])), 'UTF8', true));
  },
});
