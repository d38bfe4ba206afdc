// Push-Location and Pop-Location: the current location onto a stack (the default one, or one
// named with -StackName) and back, as scripts do around work in another folder.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { DEFAULT_STACK, LocationStacksKey } from '../../protocol/location-stacks.js';
import { pathInfo, requestedPaths } from './file-common.js';
import { changeLocation } from './Set-Location.js';

export const pushLocation = defineCmdlet({
  name: 'Push-Location',
  aliases: ['pushd'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Adds the current location to the top of a location stack.',
  description:
    'Push-Location puts the current location on a location stack (the default one, or the one -StackName names) and, given a path, then changes to it as Set-Location does. Pop-Location goes back. A path that is not a folder is an error and the stack is left as it was.',
  defaultParameterSet: 'Path',
  parameters: {
    Path: { type: 'String', sets: { Path: { position: 0, fromPipeline: true, fromPipelineByPropertyName: true } }, help: 'The folder to change to after pushing the current location.' },
    LiteralPath: { type: 'String', aliases: ['PSPath'], sets: { LiteralPath: { fromPipelineByPropertyName: true } }, help: 'The folder to change to, used exactly as typed.' },
    PassThru: { type: 'Switch', help: 'Writes a PathInfo object for the new location.' },
    StackName: { type: 'String', help: 'The location stack to push onto (created when new).' },
  },
  outputType: ['System.Management.Automation.PathInfo'],
  examples: [
    {
      code: 'Push-Location C:\\Windows; (Get-Location).Path; Pop-Location; (Get-Location).Path',
      remarks: 'Works in C:\\Windows, then goes back.',
      shows: 'C:\\Windows\nC:\\Windows\\system32',
    },
  ],
  related: ['Pop-Location', 'Set-Location', 'Get-Location'],
  process(params, ctx) {
    const stacks = ctx.services.get(LocationStacksKey);
    const stack = params.StackName ?? DEFAULT_STACK;
    const before = ctx.session.getLocation();
    const { items, literal } = requestedPaths(params);
    const item = items[0];
    if (item === undefined) {
      stacks.push(stack, before);
      if (params.PassThru) ctx.write(pathInfo(before));
      return;
    }
    const moved = changeLocation(ctx, item, literal);
    if (moved === undefined) return;
    stacks.push(stack, before);
    if (params.PassThru) ctx.write(pathInfo(moved));
  },
});

export const popLocation = defineCmdlet({
  name: 'Pop-Location',
  aliases: ['popd'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Changes the current location to the location most recently pushed onto a stack.',
  description:
    'Pop-Location takes the most recent location off a location stack (the default one, or the one -StackName names) and makes it the current location. On an empty default stack it does nothing; a -StackName that no Push-Location made is an error.',
  parameters: {
    PassThru: { type: 'Switch', help: 'Writes a PathInfo object for the new location.' },
    StackName: { type: 'String', help: 'The location stack to pop from.' },
  },
  outputType: ['System.Management.Automation.PathInfo'],
  examples: [
    {
      code: 'Push-Location C:\\Users -StackName work; Pop-Location -StackName work -PassThru | ForEach-Object Path',
      remarks: 'A named stack.',
      shows: 'C:\\Windows\\system32',
    },
  ],
  related: ['Push-Location', 'Set-Location', 'Get-Location'],
  process(params, ctx) {
    const stacks = ctx.services.get(LocationStacksKey);
    const stack = params.StackName ?? DEFAULT_STACK;
    if (params.StackName !== undefined && !stacks.has(stack)) {
      ctx.writeError(
        ctx.error({
          message: `Cannot find location stack '${stack}'. It does not exist or it is not a container.`,
          errorId: 'InvalidOperation',
          category: 'InvalidOperation',
          exceptionType: 'PSArgumentException',
          targetObject: stack,
        }),
      );
      return;
    }
    const location = stacks.pop(stack);
    if (location === undefined) return;
    const moved = changeLocation(ctx, location, true);
    if (moved !== undefined && params.PassThru) ctx.write(pathInfo(moved));
  },
});
