// Set-PSBreakpoint (sbp): sets a breakpoint on lines of a script, on a command or on a variable.
// The engine counts a breakpoint's hits as scripts run and runs its -Action; emsh has no
// interactive debugger, so a breakpoint never stops a script (see docs/ARCHITECTURE.md).

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { breakpointObject, breakpointTable } from './breakpoints.js';
import { commandError, expandPath, pathNotFound } from './file-common.js';

const SCRIPT_HELP = 'Specifies the scripts (.ps1 or .psm1 files) the breakpoint is set in.';

/** The full paths of the scripts -Script names; a path that is not a script file is an error. */
function scriptPaths(ctx: CmdletContext, scripts: string[] | null | undefined): string[] | undefined {
  if (!scripts) return undefined;
  const out: string[] = [];
  for (const text of scripts) {
    let found;
    try {
      found = expandPath(ctx.fs, text, ctx.session.getLocation());
    } catch (err) {
      ctx.writeError(commandError(ctx, err));
      continue;
    }
    const files = found.filter((p) => ctx.fs.stat(p) && !ctx.fs.stat(p)!.isDirectory);
    if (!files.length) ctx.writeError(pathNotFound(ctx, text));
    for (const p of files) {
      if (!/\.ps(m?)1$/i.test(p.display)) {
        ctx.writeError(
          ctx.error({
            message: `Cannot set breakpoint on file '${p.display}'; only *.ps1 and *.psm1 files are valid.`,
            errorId: 'SetPSBreakpoint:WrongExtension',
            category: 'InvalidArgument',
            exceptionType: 'ArgumentException',
            targetObject: p.display,
          }),
        );
        continue;
      }
      out.push(p.display);
    }
  }
  return out;
}

export default defineCmdlet({
  name: 'Set-PSBreakpoint',
  aliases: ['sbp'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Sets a breakpoint on a line, command, or variable.',
  description:
    'The Set-PSBreakpoint cmdlet sets a breakpoint: on lines (and a column) of a script, on a command ' +
    '(cmdlet or function), or on a variable (-Mode Read, Write or ReadWrite). Each breakpoint counts ' +
    'its hits; an -Action script block runs each time it is hit. emsh has no interactive debugger: ' +
    'a breakpoint never stops the script.',
  defaultParameterSet: 'Line',
  parameters: {
    Script: {
      type: 'String[]',
      sets: { Line: { position: 0, mandatory: true }, Command: { position: 0 }, Variable: { position: 0 } },
      help: SCRIPT_HELP,
    },
    Line: { type: 'Int32[]', sets: { Line: { position: 1, mandatory: true } }, help: 'Sets a breakpoint on each of these lines of the script.' },
    Column: { type: 'Int32', validateRange: [1, 2147483647], sets: { Line: { position: 2 } }, help: 'Specifies the column of the line the breakpoint is on.' },
    Command: { type: 'String[]', aliases: ['C'], sets: { Command: { mandatory: true } }, help: 'Sets a breakpoint on these commands (wildcards permitted).' },
    Variable: { type: 'String[]', aliases: ['V'], sets: { Variable: { mandatory: true } }, help: 'Sets a breakpoint on these variables (names without $).' },
    Mode: {
      type: 'Enum',
      enum: { typeName: 'System.Management.Automation.VariableAccessMode', values: ['Read', 'Write', 'ReadWrite'] as const },
      default: 'Write',
      sets: { Variable: {} },
      help: 'Read, Write (the default) or ReadWrite: the accesses to the variable that hit the breakpoint.',
    },
    Action: { type: 'ScriptBlock', help: 'A script block that runs each time the breakpoint is hit.' },
  },
  outputType: ['System.Management.Automation.CommandBreakpoint', 'System.Management.Automation.LineBreakpoint', 'System.Management.Automation.VariableBreakpoint'],
  examples: [
    { code: '(Set-PSBreakpoint -Command Get-Date).Command', remarks: 'Sets a breakpoint on a command.', shows: 'Get-Date' },
    { code: "(Set-PSBreakpoint -Variable server -Mode ReadWrite).ToString()", remarks: 'Sets a breakpoint on a variable.', shows: "Variable breakpoint on '$server' (ReadWrite access)" },
  ],
  related: ['Get-PSBreakpoint', 'Enable-PSBreakpoint', 'Disable-PSBreakpoint', 'Remove-PSBreakpoint', 'Get-PSCallStack'],
  process(params, ctx) {
    const table = breakpointTable(ctx);
    const action = params.Action ?? null;
    const scripts = scriptPaths(ctx, params.Script);
    if (params.Script && !scripts?.length) return;
    const each = scripts ?? [null];
    if (ctx.parameterSetName === 'Line') {
      for (const script of each) {
        for (const line of params.Line ?? []) {
          if (line < 1) {
            ctx.writeError(ctx.error({ message: 'Line cannot be less than 1.', errorId: 'SetPSBreakpoint:LineLessThanOne', category: 'InvalidArgument', exceptionType: 'ArgumentException', targetObject: line }));
            continue;
          }
          ctx.write(breakpointObject(table.add({ kind: 'Line', script, line, column: params.Column ?? 0, action })));
        }
      }
      return;
    }
    for (const script of each) {
      if (params.Command) for (const command of params.Command) ctx.write(breakpointObject(table.add({ kind: 'Command', script, command, action })));
      else for (const variable of params.Variable ?? []) ctx.write(breakpointObject(table.add({ kind: 'Variable', script, variable, accessMode: params.Mode, action })));
    }
  },
});
