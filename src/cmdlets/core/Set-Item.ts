// Set-Item (si): changes the value of an item of the Function:, Variable: and Env: drives
// (`Set-Item function:f -Value {...}` defines a function, `Set-Item env:X 1` an environment
// variable). The FileSystem provider has no item values: there 5.1 says the provider does not
// support the operation.

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { ScriptBlockValue, toDisplayText } from '../../protocol/values.js';
import { pathParameters } from './file-common.js';

/** `function:name`, `Function:\name`, `env:X` → the drive and the item's name. */
function driveItem(path: string): { drive: string; name: string } | undefined {
  const m = /^(function|variable|env):[\\/]?(.+)$/i.exec(path);
  return m ? { drive: m[1]!.toLowerCase(), name: m[2]! } : undefined;
}

function notSupported(ctx: CmdletContext, path: string): void {
  ctx.writeError(
    ctx.error({
      message: 'Provider operation stopped because the provider does not support this operation.',
      errorId: 'NotSupported',
      category: 'NotImplemented',
      exceptionType: 'PSNotSupportedException',
      targetObject: path,
    }),
  );
}

export default defineCmdlet({
  name: 'Set-Item',
  aliases: ['si'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Changes the value of an item to the value specified in the command.',
  description:
    'The Set-Item cmdlet changes the value of an item of the Function:, Variable: or Env: drive: ' +
    '`Set-Item function:Name -Value { ... }` defines (or replaces) a function, `Set-Item variable:x 5` ' +
    'sets a variable and `Set-Item env:NAME value` an environment variable. Files have no value to set ' +
    '(use Set-Content).',
  defaultParameterSet: 'Path',
  supportsShouldProcess: true,
  parameters: {
    ...pathParameters({ mandatory: true, fromPipeline: true, pathHelp: 'Specifies the path of the item.' }),
    Value: {
      type: 'Object',
      sets: { __AllParameterSets: { position: 1, fromPipelineByPropertyName: true, fromPipeline: true } },
      help: 'Specifies the new value: a script block (or its text) for a function, any value for a variable, a text for an environment variable.',
    },
    Force: { type: 'Switch', help: 'Accepted for compatibility.' },
    PassThru: { type: 'Switch', help: 'Returns the new value.' },
  },
  examples: [
    { code: 'Set-Item function:Get-Two -Value { 2 }; Get-Two', remarks: 'Defines a function through the Function: drive.', shows: '2' },
    { code: 'Set-Item env:LAB_MODE -Value test; $env:LAB_MODE', remarks: 'Sets an environment variable.', shows: 'test' },
  ],
  related: ['Get-Item', 'Set-Variable', 'Set-Content'],
  async process(params, ctx) {
    const value = params.Value ?? null;
    for (const path of params.Path ?? params.LiteralPath ?? []) {
      if (path === null) continue;
      const item = driveItem(path);
      if (!item) {
        notSupported(ctx, path);
        continue;
      }
      if (!(await ctx.shouldProcess(`Item: ${path}`, 'Set Item'))) continue;
      if (item.drive === 'function') {
        const body = value instanceof ScriptBlockValue ? value : toDisplayText(value);
        ctx.session.defineFunction?.(item.name, body);
      } else if (item.drive === 'env') {
        ctx.session.setVariable(`env:${item.name}`, value === null ? null : toDisplayText(value));
      } else {
        ctx.session.setVariable(item.name, value);
      }
      if (params.PassThru) ctx.write(value);
    }
  },
});
