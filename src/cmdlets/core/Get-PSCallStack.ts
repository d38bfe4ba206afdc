// Get-PSCallStack (gcs): the current call stack as CallStackFrame objects, innermost first: each
// function, script, script block or trap body running, where its code is now (Position,
// ScriptName, ScriptLineNumber, Location), its $MyInvocation, its arguments and its variables.

import { registerView } from '../../format/views.js';
import { defineCmdlet, type CallStackEntry, type SourceExtent } from '../../protocol/cmdlet.js';
import { convertToString, registerTypeName } from '../../protocol/convert.js';
import { getMember } from '../../protocol/members.js';
import { PSHashtable, PSObject, isTruthy } from '../../protocol/values.js';
import { variableObject } from './variables.js';

const SMA = 'System.Management.Automation';
const FRAME = `${SMA}.CallStackFrame`;
const EXTENT = `${SMA}.Language.InternalScriptExtent`;
registerTypeName(FRAME);

/** An IScriptExtent over a place in a script or command line. */
function extentObject(x: SourceExtent): PSObject {
  const o = new PSObject([EXTENT, 'System.Object']);
  const prop = (name: string, typeName: string, value: unknown) => o.addProperty({ name, memberType: 'Property', typeName, get: () => value });
  prop('File', 'string', x.file ?? null);
  prop('StartLineNumber', 'int', x.startLine);
  prop('StartColumnNumber', 'int', x.startColumn);
  prop('EndLineNumber', 'int', x.endLine);
  prop('EndColumnNumber', 'int', x.endColumn);
  prop('Text', 'string', x.text);
  prop('StartOffset', 'int', x.startOffset);
  prop('EndOffset', 'int', x.endOffset);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => x.text });
  return o;
}

/** `{name=value, arg, ...}`: the bound parameters, then the arguments no parameter took (5.1's Arguments property). */
function argumentsText(e: CallStackEntry): string {
  const parts: string[] = [];
  const bound = e.invocation === null ? null : getMember(e.invocation, 'BoundParameters');
  if (bound instanceof PSHashtable) for (const [k, v] of bound.entries()) parts.push(`${convertToString(k)}=${isTruthy(v) ? convertToString(v) : ''}`);
  for (const a of e.unboundArguments) parts.push(isTruthy(a) ? convertToString(a) : '$null');
  return `{${parts.join(', ')}}`;
}

function frameObject(e: CallStackEntry): PSObject {
  const o = new PSObject([FRAME, 'System.Object']);
  const file = e.position.file ?? null;
  const location = file ? `${file.split('\\').pop()}: line ${e.position.startLine}` : '<No file>';
  const prop = (name: string, typeName: string, get: () => unknown) => o.addProperty({ name, memberType: 'Property', typeName, get });
  prop('ScriptName', 'string', () => file);
  prop('ScriptLineNumber', 'int', () => e.position.startLine);
  prop('InvocationInfo', `${SMA}.InvocationInfo`, () => e.invocation);
  prop('Position', `${SMA}.Language.IScriptExtent`, () => extentObject(e.position));
  prop('FunctionName', 'string', () => e.functionName);
  // The members types.ps1xml adds: Command (the command's name, else the function's), Location, Arguments.
  const command = () => {
    if (e.invocation === null) return e.functionName;
    const name = convertToString(getMember(getMember(e.invocation, 'MyCommand'), 'Name') ?? '');
    return name !== '' ? name : e.functionName;
  };
  o.addProperty({ name: 'Command', memberType: 'ScriptProperty', typeName: 'System.Object', get: command });
  o.addProperty({ name: 'Location', memberType: 'ScriptProperty', typeName: 'System.Object', get: () => location });
  o.addProperty({ name: 'Arguments', memberType: 'ScriptProperty', typeName: 'System.Object', get: () => argumentsText(e) });
  o.addMethod({ name: 'GetScriptLocation', definition: 'string GetScriptLocation()', invoke: () => location });
  o.addMethod({
    name: 'GetFrameVariables',
    definition: 'System.Collections.Generic.Dictionary[string,psvariable] GetFrameVariables()',
    invoke: () => {
      const d = new PSHashtable();
      d.dotnetType = `System.Collections.Generic.Dictionary\`2[[System.String],[${SMA}.PSVariable]]`;
      for (const v of e.variables()) d.set(v.name, variableObject(v.name, v.value, v));
      return d;
    },
  });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `at ${e.functionName}, ${file ?? '<No file>'}: line ${e.position.startLine}` });
  return o;
}

registerView({
  typeName: FRAME,
  shape: 'table',
  table: {
    columns: [
      { label: 'Command', property: 'Command' },
      { label: 'Arguments', property: 'Arguments' },
      { label: 'Location', property: 'Location' },
    ],
  },
});

export default defineCmdlet({
  name: 'Get-PSCallStack',
  aliases: ['gcs'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Displays the current call stack.',
  description:
    'The Get-PSCallStack cmdlet returns the current call stack as CallStackFrame objects, the innermost ' +
    'first: each function, script, script block and trap body that is running, with where its code is ' +
    '(ScriptName, ScriptLineNumber, Position, Location), its InvocationInfo, its Arguments, and its ' +
    'variables (GetFrameVariables()). The last frame is the command line itself.',
  parameters: {},
  outputType: [FRAME],
  examples: [
    {
      code: 'function Get-Depth { (Get-PSCallStack).Count }; function Outer { Get-Depth }; Outer',
      remarks: 'Counts the frames: Get-Depth, Outer and the command line.',
      shows: '3',
    },
    {
      code: "function Show-Caller($Server) { (Get-PSCallStack)[0].Arguments }; Show-Caller EX01",
      remarks: 'Shows the arguments of the innermost frame.',
      shows: '{Server=EX01}',
    },
  ],
  related: ['Set-PSBreakpoint', 'Get-PSBreakpoint'],
  end(_params, ctx) {
    for (const e of ctx.callStack?.() ?? []) ctx.write(frameObject(e));
  },
});
