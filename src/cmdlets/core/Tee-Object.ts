// Tee-Object: passes its input on and also saves it, to a file (formatted as the console
// shows it, like Out-File: UTF-16 LE with a byte order mark in 5.1) or to a variable.

import { ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { outStringLines } from '../../format/index.js';
import { encodeText } from './file-common.js';
import { buffer, collect, resolveTarget, writeOutputFile } from './output-common.js';

export default defineCmdlet({
  name: 'Tee-Object',
  aliases: ['tee'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Saves command output in a file or variable and also sends it down the pipeline.',
  description:
    'The Tee-Object cmdlet writes its input objects down the pipeline unchanged and also saves them: with ' +
    '-FilePath, the text the console would show is written to a file (Unicode, as Out-File writes it; -Append ' +
    'adds to the end); with -Variable, the objects are stored in the named variable (one object as itself, ' +
    'several as an array).',
  defaultParameterSet: 'File',
  parameters: {
    InputObject: {
      type: 'PSObject',
      sets: { [ALL_SETS]: { fromPipeline: true } },
      help: 'Specifies the object to save and pass on. Usually piped in.',
    },
    FilePath: {
      type: 'String',
      aliases: ['Path'],
      sets: { File: { position: 0, mandatory: true } },
      help: 'Specifies the file the output is saved in.',
    },
    LiteralPath: {
      type: 'String',
      aliases: ['PSPath'],
      sets: { LiteralFile: { mandatory: true } },
      help: 'Specifies the file the output is saved in, used exactly as typed.',
    },
    Append: {
      type: 'Switch',
      sets: { File: {}, LiteralFile: {} },
      help: 'Adds the output to the end of the file instead of replacing its content.',
    },
    Variable: {
      type: 'String',
      sets: { Variable: { mandatory: true } },
      help: 'Specifies the name of the variable (without the $) the output is saved in.',
    },
  },
  outputType: ['System.Management.Automation.PSObject'],
  examples: [
    {
      code: "Get-ChildItem C:\\ | Tee-Object -Variable items | Measure-Object | Select-Object -ExpandProperty Count; $items.Count -gt 0",
      remarks: 'Counts the items of C:\\ and keeps them in $items at the same time.',
      shows: 'True',
    },
    {
      code: "'first', 'second' | tee C:\\tee-example.txt; Get-Content C:\\tee-example.txt",
      remarks: 'Shows two strings and saves them in a file, then reads the file back.',
      shows: 'first\nsecond\nfirst\nsecond',
    },
  ],
  related: ['Out-File', 'Select-Object', 'Set-Variable'],
  process(params, ctx) {
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    collect(params, ctx);
    ctx.write(params.InputObject);
  },
  end(params, ctx) {
    const items = buffer(ctx);
    if (params.Variable !== undefined) {
      ctx.session.setVariable(params.Variable, items.length === 0 ? null : items.length === 1 ? items[0] : [...items]);
      return;
    }
    const target = resolveTarget(ctx, params.LiteralPath ?? params.FilePath ?? ''); // one of them is mandatory in each file set
    const text = outStringLines(items, ctx.host.width).map((l) => l + '\r\n').join('');
    const append = Boolean(params.Append) && ctx.fs.exists(target);
    // Appending after existing content writes no second byte order mark.
    const preamble = !(append && (ctx.fs.stat(target)?.length ?? 0) > 0);
    writeOutputFile(ctx, target, encodeText(text, 'Unicode', preamble), append);
  },
});
