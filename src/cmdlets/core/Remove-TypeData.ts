// Remove-TypeData: takes extended type data out of the session, by type name, TypeData object
// or the types.ps1xml file that added it.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { removeTypeData, removeTypeFile } from '../../protocol/type-data.js';
import { fullTypeName, typeUpdateOf } from './type-data.js';
import { resolvePs1xmlPath } from './ps1xml-file.js';

export default defineCmdlet({
  name: 'Remove-TypeData',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Deletes extended types from the current session.',
  description:
    'The Remove-TypeData cmdlet deletes the extended type data of types from the session: every member ' +
    'and setting Update-TypeData or a type file gave them. -TypeName names the types, -TypeData takes ' +
    'TypeData objects from Get-TypeData, and -Path removes what a *.ps1xml file added.',
  defaultParameterSet: 'RemoveTypeDataSet',
  supportsShouldProcess: true,
  parameters: {
    TypeData: {
      type: 'PSObject',
      netType: 'System.Management.Automation.Runspaces.TypeData',
      sets: { RemoveTypeDataSet: { mandatory: true, fromPipeline: true } },
      help: 'Specifies a TypeData object (from Get-TypeData) to remove.',
    },
    TypeName: {
      type: 'String',
      sets: { RemoveTypeSet: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the type whose extended data is removed.',
    },
    Path: {
      type: 'String[]',
      sets: { RemoveFileSet: { mandatory: true } },
      help: 'Specifies *.ps1xml type files whose data is removed.',
    },
  },
  outputType: [],
  examples: [
    {
      code: "Update-TypeData -TypeName Demo.Server -MemberType NoteProperty -MemberName Site -Value Paris -Force; Remove-TypeData Demo.Server; @(Get-TypeData Demo.Server).Count",
      remarks: 'Removes the extended data of a type.',
      shows: '0',
    },
  ],
  related: ['Get-TypeData', 'Update-TypeData'],
  async process(params, ctx) {
    if (params.Path) {
      for (const path of params.Path) {
        // A path that names no *.ps1xml file: 5.1's Glob reports it as TypePathException.
        const display = resolvePs1xmlPath(ctx, path, { errorId: 'TypePathException', category: 'InvalidOperation' })?.display;
        if (display === undefined) continue;
        if (!(await ctx.shouldProcess(display, 'Remove type file'))) continue;
        if (!removeTypeFile(display)) {
          ctx.writeError(ctx.error({ message: `The file ${display} is not imported into the current session.`, errorId: 'TypeFileNotExistsInCurrentSession', category: 'InvalidOperation', exceptionType: 'PSInvalidOperationException', targetObject: display }));
        }
      }
      return;
    }
    // A piped string is a type name (5.1 binds it to -TypeName, which takes it without conversion;
    // emsh's -TypeData, declared as PSObject, would take anything first).
    const piped = params.TypeData instanceof PSObject && params.TypeData.baseObject !== undefined ? params.TypeData.baseObject : params.TypeData;
    const text = params.TypeName ?? (typeof piped === 'string' ? piped : undefined);
    const name = text !== undefined ? fullTypeName(text) : typeUpdateOf(params.TypeData)?.typeName;
    if (!name) return;
    if (await ctx.shouldProcess(`Name of the type that will be removed: ${name}`, 'Remove TypeData')) removeTypeData(name);
  },
});
