// ForEach-Object: runs script blocks per input object (`% { $_.Thumbprint }`), or reads a
// property / calls a method by name (`% Name`, `% ToUpper`).

import { stateKey, madeInBegin, ALL_SETS, defineCmdlet, type CmdletContext, type BoundParameters, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { getMember, hasMember, invokeMethod, memberNames } from '../../protocol/members.js';
import { PSHashtable, PSObject, type ScriptBlockValue } from '../../protocol/values.js';
import { isPromise } from '../../protocol/maybe-promise.js';

interface Blocks {
  begin?: ScriptBlockValue;
  process: ScriptBlockValue[];
  end?: ScriptBlockValue;
}

/**
 * PowerShell's reading of `% {a} {b} {c}`: with no -Begin, the first of two or more blocks is
 * the begin block; with no -End, the last of the remaining two or more is the end block.
 */
function splitBlocks(params: Params, ctx: CmdletContext): Blocks {
  const list = [
    ...(params.Process ?? []),
    ...(params.RemainingScripts ?? []),
  ];
  let begin = params.Begin;
  let end = params.End;
  if (!ctx.bound.has('Begin') && list.length >= 2) begin = list.shift();
  if (!ctx.bound.has('End') && list.length >= 2) end = list.pop();
  return { begin, process: list, end };
}

function writeAll(out: unknown[], ctx: CmdletContext): void {
  for (let i = 0; i < out.length; i++) ctx.write(out[i]);
}

/** True when the value has a property of that name (so `% Name` reads it). */
function hasPropertyNamed(obj: unknown, name: string): boolean {
  if (obj instanceof PSObject) return obj.has(name);
  if (obj instanceof PSHashtable && obj.has(name)) return true;
  const lower = name.toLowerCase();
  return memberNames(obj).some((m) => /Property$/.test(m.memberType) && m.name.toLowerCase() === lower);
}

function hasMethodNamed(obj: unknown, name: string): boolean {
  if (obj instanceof PSObject && obj.method(name)) return true;
  const lower = name.toLowerCase();
  return memberNames(obj).some((m) => /Method$/.test(m.memberType) && m.name.toLowerCase() === lower);
}

// Blocks are split once per invocation; the context object identifies the invocation.
const BLOCKS = stateKey<Blocks>('ForEach-Object blocks');

const PARAMETERS = {
  InputObject: {
    type: 'PSObject',
    sets: { [ALL_SETS]: { fromPipeline: true } },
    help: 'Specifies the input objects. Usually piped in.',
  },
  Begin: { type: 'ScriptBlock', sets: { ScriptBlockSet: {} }, help: 'Specifies a script block that runs before the first input object.' },
  Process: {
    type: 'ScriptBlock[]',
    sets: { ScriptBlockSet: { position: 0, mandatory: true } },
    help: 'Specifies the script block run for each input object.',
  },
  End: { type: 'ScriptBlock', sets: { ScriptBlockSet: {} }, help: 'Specifies a script block that runs after the last input object.' },
  RemainingScripts: {
    type: 'ScriptBlock[]',
    sets: { ScriptBlockSet: { fromRemainingArguments: true } },
    help: 'Takes the script blocks that no other parameter takes.',
  },
  MemberName: {
    type: 'String',
    sets: { PropertyAndMethodSet: { position: 0, mandatory: true } },
    help: 'Specifies the property to get or the method to call on each object.',
  },
  ArgumentList: {
    type: 'Object[]',
    aliases: ['Args'],
    sets: { PropertyAndMethodSet: {} },
    help: 'Specifies the arguments of the method named by -MemberName.',
  },
} satisfies Record<string, ParameterDeclaration>;

/** The parameters as the cmdlet's blocks and helpers receive them. */
type Params = BoundParameters<typeof PARAMETERS>;

export default defineCmdlet({
  name: 'ForEach-Object',
  aliases: ['%', 'foreach'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Performs an operation against each item in a collection of input objects.',
  description:
    'The ForEach-Object cmdlet runs a script block for each object passed to it; $_ is the current ' +
    'object. -Begin runs once before the first object and -End once after the last. With ' +
    '-MemberName, it gets the value of a property of each object, or calls a method of each ' +
    'object with the arguments of -ArgumentList.',
  defaultParameterSet: 'ScriptBlockSet',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: PARAMETERS,
  outputType: ['System.Object'],
  examples: [
    {
      code: '1..3 | ForEach-Object { $_ * 10 }',
      remarks: 'Multiplies each number by 10.',
      shows: '10\n20\n30',
    },
    {
      code: "'iis','smtp' | ForEach-Object ToUpper",
      remarks: 'Calls the ToUpper method of each string.',
      shows: 'IIS\nSMTP',
    },
    {
      code: "1..4 | % -Begin { $t = 0 } -Process { $t += $_ } -End { \"Total: $t\" }",
      remarks: 'Adds the numbers up, and writes the total at the end.',
      shows: 'Total: 10',
    },
  ],
  related: ['Where-Object', 'Select-Object'],
  async begin(params, ctx) {
    if (ctx.parameterSetName === 'PropertyAndMethodSet') return;
    const blocks = ctx.runState(BLOCKS, () => splitBlocks(params, ctx));
    if (blocks.begin) writeAll(await ctx.invoke(blocks.begin, { dotSource: true }), ctx);
  },
  process(params, ctx) {
    const input = params.InputObject;
    const name = params.MemberName;
    if (name !== undefined) {
      // PropertyAndMethodSet, where -MemberName is mandatory.
      if (input === null || input === undefined) return;
      if (hasPropertyNamed(input, name)) {
        ctx.write(getMember(input, name), true);
      } else if (hasMethodNamed(input, name)) {
        const args = params.ArgumentList ?? [];
        ctx.write(invokeMethod(input, name, args), true);
      } else if (hasMember(input, name)) {
        // Members the adapters know without listing them (a type's FullName).
        ctx.write(getMember(input, name), true);
      } else {
        ctx.writeError(
          ctx.error({
            message: `Input name "${name}" cannot be resolved to a method.`,
            errorId: 'MethodNotFound',
            category: 'InvalidArgument',
            exceptionType: 'PSArgumentException',
            targetObject: input,
          }),
        );
      }
      return;
    }
    const blocks = ctx.runState(BLOCKS, madeInBegin);
    const dollarUnder = ctx.expectingInput || ctx.bound.has('InputObject') ? input : null;
    if (blocks.process.length === 1) {
      // The hot path: one block, no per-object allocation beyond the block's output.
      const out = ctx.invoke(blocks.process[0], { dollarUnder, dotSource: true });
      if (!isPromise(out)) return writeAll(out, ctx);
      return out.then((o) => writeAll(o, ctx));
    }
    return (async () => {
      for (const block of blocks.process) writeAll(await ctx.invoke(block, { dollarUnder, dotSource: true }), ctx);
    })();
  },
  async end(params, ctx) {
    if (ctx.parameterSetName === 'PropertyAndMethodSet') return;
    const blocks = ctx.runState(BLOCKS, madeInBegin);
    if (blocks.end) writeAll(await ctx.invoke(blocks.end, { dotSource: true }), ctx);
  },
});
