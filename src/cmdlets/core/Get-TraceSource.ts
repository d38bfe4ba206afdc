// Get-TraceSource: the PowerShell components that can be traced (PSTraceSource objects), sorted by
// name. As in .NET they are process-wide: every call returns the same objects. emsh writes no
// trace output, so each source's Options stay None and its one listener is the Default one.

import { registerView } from '../../format/views.js';
import { defineCmdlet } from '../../protocol/cmdlet.js';
import { enumValue, registerEnum, registerTypeName } from '../../protocol/convert.js';
import { PSObject, markList } from '../../protocol/values.js';
import { matchesWildcard } from '../../protocol/wildcard.js';

const TRACE_SOURCE = 'System.Management.Automation.PSTraceSource';
const OPTIONS = 'System.Management.Automation.PSTraceSourceOptions';
registerTypeName(TRACE_SOURCE);
registerEnum({
  typeName: OPTIONS,
  flags: true,
  values: ['None', 'Constructor', 'Dispose', 'Finalizer', 'Method', 'Property', 'Delegates', 'Events', 'Exception', 'Lock', 'Error', 'Warning', 'Verbose', 'WriteLine', 'Scope', 'Assert'],
  numbers: [0, 0x1, 0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000, 0x4000],
});

/** The trace sources of a console session's engine: name and description, as the engine declares them. */
const SOURCES: readonly [string, string][] = [
  ['CommandDiscovery', 'Traces the discovery of cmdlets, scripts, functions, applications, etc.'],
  ['CommandHelpProvider', 'CommandHelpProvider'],
  ['CommandSearch', 'CommandSearch'],
  ['ConsoleHost', 'ConsoleHost subclass of S.M.A.PSHost'],
  ['ConsoleHostRunspaceInit', "Initialization code for ConsoleHost's Runspace"],
  ['ConsoleHostUserInterface', "Console host's subclass of S.M.A.Host.Console"],
  ['ConsoleLineOutput', 'ConsoleLineOutput'],
  ['DisplayDataQuery', 'DisplayDataQuery'],
  ['ETS', 'Extended Type System'],
  ['FileSystemProvider', 'The namespace navigation provider for the file system'],
  ['FormatFileLoading', 'Loading format files'],
  ['FormatViewBinding', 'Format view binding'],
  ['GetHelpCommand', 'GetHelpCommand'],
  ['MemberResolution', 'Traces the resolution from member name to the member. A member can be a property, method, etc.'],
  ['MethodInvocation', 'Traces the invocation of .NET methods.'],
  ['Modules', 'Module loading and analysis'],
  ['ParameterBinderBase', 'A abstract helper class for the CommandProcessor that binds parameters to the specified object.'],
  ['ParameterBinderController', 'Controls the interaction between the command processor and the parameter binder(s).'],
  ['ParameterBinding', 'Traces the process of binding the arguments to the parameters of cmdlets, scripts, and applications.'],
  ['PSSnapInLoadUnload', 'Loading and unloading mshsnapins'],
  ['RunspaceInit', 'Initialization code for Runspace'],
  ['TypeConversion', 'Traces the type conversion algorithm'],
  ['TypeMatch', 'F&O TypeMatch'],
];

function defaultListener(): PSObject {
  const o = new PSObject(['System.Diagnostics.DefaultTraceListener', 'System.Diagnostics.TraceListener', 'System.MarshalByRefObject', 'System.Object']);
  o.addNote('Name', 'Default');
  o.addNote('AssertUiEnabled', true);
  o.addNote('LogFileName', null);
  o.addNote('IndentLevel', 0);
  o.addNote('IndentSize', 4);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => 'System.Diagnostics.DefaultTraceListener' });
  return o;
}

function traceSource(name: string, description: string): PSObject {
  const o = new PSObject([TRACE_SOURCE, 'System.Object']);
  const sourceSwitch = new PSObject(['System.Diagnostics.SourceSwitch', 'System.Diagnostics.Switch', 'System.Object']);
  sourceSwitch.addNote('Level', enumValue('System.Diagnostics.SourceLevels', 'Off'));
  sourceSwitch.addNote('DisplayName', name);
  sourceSwitch.addNote('Description', description);
  const listeners = [defaultListener()];
  const prop = (n: string, typeName: string, get: () => unknown) => o.addProperty({ name: n, memberType: 'Property', typeName, get });
  prop('Attributes', 'System.Collections.Specialized.StringDictionary', () => markList([], { typeName: 'System.Collections.Specialized.StringDictionary', addReturnsIndex: false }));
  prop('Description', 'string', () => description);
  prop('Listeners', 'System.Diagnostics.TraceListenerCollection', () => listeners);
  prop('Name', 'string', () => name);
  prop('Options', OPTIONS, () => enumValue(OPTIONS, 'None'));
  prop('Switch', 'System.Diagnostics.SourceSwitch', () => sourceSwitch);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => TRACE_SOURCE });
  return o;
}

registerEnum({ typeName: 'System.Diagnostics.SourceLevels', values: ['Off', 'Critical', 'Error', 'Warning', 'Information', 'Verbose', 'ActivityTracing', 'All'], numbers: [0, 1, 3, 7, 15, 31, 0xff00, -1] });

/** Made on first use, then the same objects for the life of the process (.NET keeps them statically). */
let made: PSObject[] | undefined;
const allSources = () => (made ??= SOURCES.map(([n, d]) => traceSource(n, d)).sort((a, b) => String(a.get('Name')).localeCompare(String(b.get('Name')))));

registerView({
  typeName: TRACE_SOURCE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Options', property: 'Options', width: 8 },
      { label: 'Name', property: 'Name', width: 20 },
      { label: 'Listeners', property: 'Listeners', width: 20 },
      { label: 'Description', property: 'Description' },
    ],
  },
});

export default defineCmdlet({
  name: 'Get-TraceSource',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Gets PowerShell components that are instrumented for tracing.',
  description:
    'The Get-TraceSource cmdlet gets the trace sources of PowerShell components (PSTraceSource objects), ' +
    'sorted by name; -Name (wildcards permitted) picks some of them. emsh writes no trace output: each ' +
    'source\'s Options are None and its listener is the Default one.',
  parameters: {
    Name: {
      type: 'String[]',
      supportsWildcards: true,
      validateNotNullOrEmpty: true,
      sets: { __AllParameterSets: { position: 0, fromPipeline: true, fromPipelineByPropertyName: true } },
      help: 'Specifies the trace sources to get (wildcards are permitted); all of them when omitted.',
    },
  },
  outputType: [TRACE_SOURCE],
  examples: [
    { code: '(Get-TraceSource -Name Param*).Name', remarks: 'Gets the trace sources whose names start with Param.', shows: 'ParameterBinderBase\nParameterBinderController\nParameterBinding' },
  ],
  related: ['Trace-Command'],
  process(params, ctx) {
    const names = params.Name ?? ['*'];
    ctx.write(allSources().filter((s) => names.some((n) => matchesWildcard(String(s.get('Name')), n))), true);
  },
});
