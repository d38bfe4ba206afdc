// Get-PSBreakpoint (gbp): the session's breakpoints, all or those of scripts, Ids, commands,
// variables or types.

import { defineCmdlet, type SessionBreakpoint } from '../../protocol/cmdlet.js';
import { registerEnum } from '../../protocol/convert.js';
import { breakpointObject, breakpointTable } from './breakpoints.js';

const BREAKPOINT_TYPE = { typeName: 'Microsoft.PowerShell.Commands.BreakpointType', values: ['Line', 'Variable', 'Command'] as const };
// A type scripts name too: [Microsoft.PowerShell.Commands.BreakpointType]'command'.
registerEnum(BREAKPOINT_TYPE);

const SCRIPT = { type: 'String[]', validateNotNullOrEmpty: true, help: 'Gets the breakpoints set in these scripts.' } as const;

export default defineCmdlet({
  name: 'Get-PSBreakpoint',
  aliases: ['gbp'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets the breakpoints that are set in the current session.',
  description:
    'The Get-PSBreakpoint cmdlet gets the breakpoints set in the session with Set-PSBreakpoint: all of ' +
    'them, or those in scripts (-Script), with Ids (-Id), on commands (-Command), on variables ' +
    '(-Variable) or of a type (-Type Line, Command, Variable).',
  defaultParameterSet: 'Script',
  parameters: {
    Script: { ...SCRIPT, sets: { Script: { position: 0, fromPipeline: true }, Command: {}, Variable: {}, Type: {} } },
    Id: { type: 'Int32[]', validateNotNull: true, sets: { Id: { position: 0, mandatory: true, fromPipeline: true } }, help: 'Gets the breakpoints with these Ids.' },
    Command: { type: 'String[]', validateNotNull: true, sets: { Command: { mandatory: true } }, help: 'Gets the breakpoints set on these commands.' },
    Variable: { type: 'String[]', validateNotNull: true, sets: { Variable: { mandatory: true } }, help: 'Gets the breakpoints set on these variables.' },
    Type: {
      type: 'Enum[]',
      enum: BREAKPOINT_TYPE,
      validateNotNull: true,
      sets: { Type: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Gets the breakpoints of these types: Line, Variable, Command.',
    },
  },
  outputType: ['System.Management.Automation.CommandBreakpoint', 'System.Management.Automation.LineBreakpoint', 'System.Management.Automation.VariableBreakpoint'],
  examples: [
    { code: 'Set-PSBreakpoint -Command Get-Date | Out-Null; (Get-PSBreakpoint -Type Command).Command', remarks: 'Gets the command breakpoints.', shows: 'Get-Date' },
  ],
  related: ['Set-PSBreakpoint', 'Enable-PSBreakpoint', 'Disable-PSBreakpoint', 'Remove-PSBreakpoint'],
  process(params, ctx) {
    const location = ctx.session.getLocation();
    const full = (s: string) => {
      try {
        return ctx.fs.resolve(s, location).display.toLowerCase();
      } catch {
        return s.toLowerCase();
      }
    };
    const scripts = params.Script?.map(full);
    const same = (a: string | undefined, list: string[]) => a !== undefined && list.some((x) => x.toLowerCase() === a.toLowerCase());
    const keep = (b: SessionBreakpoint) => {
      if (scripts && !(b.script && scripts.includes(b.script.toLowerCase()))) return false;
      if (params.Id) return params.Id.includes(b.id);
      if (params.Command) return b.kind === 'Command' && same(b.command, params.Command);
      if (params.Variable) return b.kind === 'Variable' && same(b.variable, params.Variable);
      if (params.Type) return params.Type.some((t) => t === b.kind);
      return true;
    };
    for (const b of breakpointTable(ctx).list()) if (keep(b)) ctx.write(breakpointObject(b));
  },
});
