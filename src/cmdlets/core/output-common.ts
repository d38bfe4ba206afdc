// What the output cmdlets share: per-invocation input buffers, calculated properties evaluated
// through ctx.invoke ahead of (synchronous) formatting, and the parameters they all have.

import { stateKey, type CmdletContext, type ParameterDeclaration, type ResolvedPath } from '../../protocol/cmdlet.js';
import { commandError } from './file-common.js';
import { ALL_SETS } from '../../protocol/cmdlet.js';
import { TerminatingError } from '../../protocol/errors.js';
import { ScriptBlockValue } from '../../protocol/values.js';
import { PropertyArgError, parsePropertyArgs, scriptBlocksOf, type Evaluate, type FormatProperty } from '../../format/index.js';
import { expandForFormat } from '../../format/display.js';

const BUFFER = stateKey<unknown[]>('input buffer');

/** The input objects collected so far for this invocation. */
export function buffer(ctx: CmdletContext): unknown[] {
  return ctx.runState(BUFFER, () => []);
}

/** Collects -InputObject / the pipeline object when there is one. */
export function collect(params: { InputObject?: unknown }, ctx: CmdletContext): void {
  if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
  buffer(ctx).push(params.InputObject);
}

export const INPUT_OBJECT: ParameterDeclaration = {
  type: 'PSObject',
  sets: { [ALL_SETS]: { fromPipeline: true } },
  help: 'Specifies the objects to work on. Usually piped in.',
};

/** -Message of Write-Verbose, Write-Debug and Write-Warning. */
export const STREAM_MESSAGE: ParameterDeclaration = {
  type: 'String',
  aliases: ['Msg'],
  allowEmptyString: true,
  sets: { [ALL_SETS]: { position: 0, mandatory: true, fromPipeline: true } },
  help: 'Specifies the message text.',
};

/** -Property arguments parsed, with a bad hashtable reported as this command's error. */
export function properties(args: unknown, kind: 'table' | 'list', ctx: CmdletContext): FormatProperty[] | undefined {
  if (args === undefined || args === null) return undefined;
  try {
    return parsePropertyArgs(Array.isArray(args) ? args : [args], kind);
  } catch (err) {
    if (!(err instanceof PropertyArgError)) throw err;
    throw new TerminatingError(
      ctx.error({ message: err.message, errorId: err.errorId, category: 'InvalidArgument', exceptionType: 'NotSupportedException' }),
    );
  }
}

function single(out: unknown[]): unknown {
  if (out.length === 0) return null;
  return out.length === 1 ? out[0] : out;
}

/** The buffered input as the formatter walks it (collections unrolled, hashtables as entries). */
export function expandedInput(ctx: CmdletContext): unknown[] {
  return buffer(ctx).flatMap((o) => [...expandForFormat(o)]);
}

/**
 * Runs every script block of `props` for every object (as PowerShell does, with $_ = the
 * object; pass expandedInput) and returns a synchronous lookup for the formatter. A failing block gives $null.
 */
export async function evaluateAll(objects: unknown[], props: FormatProperty[], ctx: CmdletContext): Promise<Evaluate> {
  const blocks = scriptBlocksOf(props);
  const results = new Map<ScriptBlockValue, Map<unknown, unknown>>();
  for (const block of blocks) {
    const m = new Map<unknown, unknown>();
    results.set(block, m);
    for (const obj of objects) {
      if (m.has(obj)) continue;
      try {
        m.set(obj, single(await ctx.invoke(block, { dollarUnder: obj })));
      } catch {
        m.set(obj, null);
      }
    }
  }
  return (block, obj) => results.get(block)?.get(obj) ?? null;
}

/** A path on the lab drive, or this command's terminating error. */
export function resolveTarget(ctx: CmdletContext, path: string): ResolvedPath {
  try {
    return ctx.fs.resolve(path, ctx.session.getLocation());
  } catch (err) {
    return ctx.fail(commandError(ctx, err));
  }
}

/** -NoClobber: an existing file is this command's terminating error unless -Append adds to it. */
export function refuseClobber(ctx: CmdletContext, target: ResolvedPath, params: { NoClobber?: unknown; Append?: unknown }): void {
  if (!params.NoClobber || params.Append || !ctx.fs.exists(target)) return;
  ctx.fail(
    ctx.error({
      message: `The file '${target.display}' already exists.`,
      errorId: 'NoClobber',
      category: 'ResourceExists',
      exceptionType: 'IOException',
      targetObject: target.display,
    }),
  );
}
