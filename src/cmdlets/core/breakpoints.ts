// What the *-PSBreakpoint cmdlets share: Breakpoint objects (LineBreakpoint, CommandBreakpoint,
// VariableBreakpoint, live over the session's breakpoint), their 5.1 table view, and picking
// breakpoints by object or by Id.

import { registerView } from '../../format/views.js';
import type { BreakpointTable, CmdletContext, ParameterDeclaration, SessionBreakpoint } from '../../protocol/cmdlet.js';
import { registerTypeName } from '../../protocol/convert.js';
import { getMember } from '../../protocol/members.js';
import { PSObject } from '../../protocol/values.js';

const SMA = 'System.Management.Automation';
const BREAKPOINT_OF = new WeakMap<PSObject, SessionBreakpoint>();
for (const t of ['Breakpoint', 'LineBreakpoint', 'CommandBreakpoint', 'VariableBreakpoint']) registerTypeName(`${SMA}.${t}`);

export function breakpointTable(ctx: CmdletContext): BreakpointTable {
  const table = ctx.session.breakpoints;
  if (!table) throw new Error('breakpoints are not available in this session');
  return table;
}

/** The one object of each breakpoint: every cmdlet returns the same one, as .NET's debugger does. */
const OBJECT_OF = new WeakMap<SessionBreakpoint, PSObject>();

/** A Breakpoint object as 5.1 shows it (properties in its order, ToString as its debugger says). */
export function breakpointObject(bp: SessionBreakpoint): PSObject {
  const made = OBJECT_OF.get(bp);
  if (made) return made;
  const o = new PSObject([`${SMA}.${bp.kind}Breakpoint`, `${SMA}.Breakpoint`, 'System.Object']);
  const prop = (name: string, typeName: string, get: () => unknown) => o.addProperty({ name, memberType: 'Property', typeName, get });
  if (bp.kind === 'Line') {
    prop('Column', 'int', () => bp.column ?? 0);
    prop('Line', 'int', () => bp.line);
  } else if (bp.kind === 'Command') {
    prop('Command', 'string', () => bp.command);
  } else {
    prop('AccessMode', `${SMA}.VariableAccessMode`, () => bp.accessMode);
    prop('Variable', 'string', () => bp.variable);
  }
  prop('Action', 'scriptblock', () => bp.action);
  prop('Enabled', 'bool', () => bp.enabled);
  prop('HitCount', 'int', () => bp.hitCount);
  prop('Id', 'int', () => bp.id);
  prop('Script', 'string', () => bp.script);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => breakpointText(bp) });
  BREAKPOINT_OF.set(o, bp);
  OBJECT_OF.set(bp, o);
  return o;
}

function breakpointText(bp: SessionBreakpoint): string {
  if (bp.kind === 'Line') return bp.column ? `Line breakpoint on '${bp.script}:${bp.line}, ${bp.column}'` : `Line breakpoint on '${bp.script}:${bp.line}'`;
  if (bp.kind === 'Command') return `Command breakpoint on '${bp.command}'`;
  return `Variable breakpoint on '$${bp.variable}' (${bp.accessMode} access)`;
}

/** -Breakpoint / -Id of Enable-, Disable- and Remove-PSBreakpoint. */
export const SELECTION_PARAMETERS = {
  Breakpoint: {
    type: 'PSObject[]',
    netType: `${SMA}.Breakpoint[]`,
    sets: { Breakpoint: { position: 0, mandatory: true, fromPipeline: true } },
    help: 'Specifies the breakpoints (objects from Get-PSBreakpoint or Set-PSBreakpoint).',
  },
  Id: {
    type: 'Int32[]',
    sets: { Id: { position: 0, mandatory: true, fromPipelineByPropertyName: true } },
    help: 'Specifies the breakpoints by their Id.',
  },
} satisfies Record<string, ParameterDeclaration>;

/**
 * The session's breakpoints -Breakpoint or -Id name. An object that is not a Breakpoint is taken
 * by its Id property (one Id or several), as 5.1's binder takes it by property name; an Id that is
 * not there is an error.
 */
export function selectedBreakpoints(ctx: CmdletContext, params: { Breakpoint?: unknown[] | null; Id?: number[] | null }): SessionBreakpoint[] {
  const table = breakpointTable(ctx);
  const ids: number[] = [...(params.Id ?? [])];
  const out: SessionBreakpoint[] = [];
  for (const o of params.Breakpoint ?? []) {
    const bp = o instanceof PSObject ? (BREAKPOINT_OF.get(o) ?? BREAKPOINT_OF.get(o.baseObject as PSObject)) : undefined;
    if (bp) out.push(bp);
    else for (const id of [getMember(o, 'Id')].flat()) ids.push(Number(id));
  }
  for (const id of ids) {
    const bp = table.list().find((b) => b.id === id);
    if (bp) out.push(bp);
    else
      ctx.writeError(
        ctx.error({
          message: `Cannot find breakpoint with ID ${id}.`,
          errorId: 'PSBreakpoint:BreakpointIdNotFound',
          category: 'InvalidArgument',
          exceptionType: 'ArgumentException',
          targetObject: id,
        }),
      );
  }
  return out;
}

registerView({
  typeName: `${SMA}.Breakpoint`,
  shape: 'table',
  table: {
    columns: [
      { label: 'ID', property: 'Id', width: 3, alignment: 'Right' },
      { label: 'Script', width: 10, value: (o) => String(getMember(o, 'Script') ?? '').split('\\').pop() },
      { label: 'Line', width: 4, alignment: 'Right', value: (o) => getMember(o, 'Line') ?? '' },
      { label: 'Command', width: 12, value: (o) => getMember(o, 'Command') ?? '' },
      { label: 'Variable', width: 12, value: (o) => getMember(o, 'Variable') ?? '' },
      { label: 'Action', width: 12, value: (o) => getMember(o, 'Action') ?? '' },
    ],
  },
});
