// Test-Path: True when every part of a path exists (a file for -PathType Leaf, a folder for
// Container). It never reports an error for a missing or unreachable path: it writes False.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { aliasDrivePath, aliasItems } from './alias-drive.js';
import { envDrivePath, envItems } from './env-drive.js';
import { expandPath, requestedPaths } from './file-common.js';
import { hasWildcard } from '../../protocol/wildcard.js';

export default defineCmdlet({
  name: 'Test-Path',
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Determines whether all elements of a path exist.',
  description:
    'The Test-Path cmdlet writes True when the path exists on the lab drive and False otherwise, ' +
    'one Boolean per path. -PathType Leaf tests for a file, Container for a folder. -IsValid only ' +
    'checks the syntax of the path. Wildcards are permitted: True when anything matches.',
  defaultParameterSet: 'Path',
  parameters: {
    Path: {
      type: 'String[]',
      validateNotNullOrEmpty: true,
      sets: { Path: { position: 0, mandatory: true, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the paths to test. Wildcards are permitted.',
    },
    LiteralPath: {
      type: 'String[]',
      aliases: ['PSPath'],
      sets: { LiteralPath: { mandatory: true, fromPipelineByPropertyName: true } },
      help: 'Specifies a path used exactly as typed: no character is interpreted as a wildcard.',
    },
    PathType: {
      type: 'Enum',
      aliases: ['Type'],
      enum: { typeName: 'Microsoft.PowerShell.Commands.TestPathType', values: ['Any', 'Container', 'Leaf'] },
      sets: { [ALL_SETS]: {} },
      help: 'Specifies the type of the final element: Container (a folder), Leaf (a file) or Any.',
      default: 'Any',
    },
    IsValid: { type: 'Switch', help: 'Tests only whether the syntax of the path is valid, whether or not the item exists.' },
  },
  outputType: ['System.Boolean'],
  examples: [
    {
      setup: "Set-Content C:\\demo.txt 'hello'",
      code: 'Test-Path C:\\demo.txt',
      remarks: 'Checks that a file exists.',
      shows: 'True',
    },
    {
      code: 'Test-Path C:\\Windows -PathType Leaf',
      remarks: 'C:\\Windows exists but is a folder, not a file.',
      shows: 'False',
    },
    {
      code: 'Test-Path C:\\no-such-file.pfx',
      remarks: 'A missing path gives False, not an error.',
      shows: 'False',
    },
  ],
  related: ['Get-Item', 'Get-ChildItem'],
  process(params, ctx) {
    const { items, literal } = requestedPaths(params);
    const location = ctx.session.getLocation();
    const type = String(params.PathType).toLowerCase();
    for (const item of items) {
      let result = false;
      const variable = envDrivePath(item);
      if (variable !== undefined) {
        // The Env: drive is a container of leaves too.
        ctx.write(params.IsValid ? true : type === 'container' ? variable === '' : type === 'leaf' ? variable !== '' && envItems(ctx, variable, literal, true).length > 0 : variable === '' || envItems(ctx, variable, literal, true).length > 0);
        continue;
      }
      const alias = aliasDrivePath(item);
      if (alias !== undefined) {
        // The Alias: drive is a container of leaves.
        ctx.write(params.IsValid ? true : type === 'container' ? alias === '' : type === 'leaf' ? alias !== '' && aliasItems(ctx, alias, literal, true).length > 0 : alias === '' || aliasItems(ctx, alias, literal, true).length > 0);
        continue;
      }
      try {
        if (params.IsValid) {
          // Wildcard characters are valid in a -Path; only the rest of the syntax is checked.
          ctx.fs.resolve(literal ? item : item.replace(/[*?]/g, 'x'), location);
          result = true;
        } else {
          const paths = literal || !hasWildcard(item) ? [ctx.fs.resolve(item, location)] : expandPath(ctx.fs, item, location);
          result = paths.some((p) => {
            const st = ctx.fs.stat(p);
            if (!st) return false;
            if (type === 'leaf') return !st.isDirectory;
            if (type === 'container') return st.isDirectory;
            return true;
          });
        }
      } catch {
        result = false;
      }
      ctx.write(result);
    }
  },
});
