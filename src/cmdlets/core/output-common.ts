// What the output cmdlets share: per-invocation input buffers, calculated properties evaluated
// through ctx.invoke ahead of (synchronous) formatting, and the parameters they all have.

import { stateKey, type CmdletContext, type ParameterDeclaration, type ResolvedPath } from '../../protocol/cmdlet.js';
import { commandError, writeForced } from './file-common.js';
import { ALL_SETS } from '../../protocol/cmdlet.js';
import { TerminatingError } from '../../protocol/errors.js';
import { ScriptBlockValue, typeNamesOf } from '../../protocol/values.js';
import { findView, viewsFor, type ViewSpec } from '../../format/views.js';
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

/**
 * The parameters every Format-* cmdlet of 5.1 has beside -Property and its own: -GroupBy, -View,
 * -ShowError, -DisplayError, -Force and -Expand.
 */
export const FORMAT_COMMON = {
  GroupBy: {
    type: 'Object',
    help: 'Starts a new group, with its own header, each time the value of this property (or calculated property) changes.',
  },
  View: { type: 'String', help: 'Specifies the name of an alternate view.' },
  ShowError: { type: 'Switch', help: 'Sends errors through the pipeline.' },
  DisplayError: { type: 'Switch', help: 'Displays errors at the command line.' },
  Force: { type: 'Switch', help: 'Directs the cmdlet to display all the error information.' },
  Expand: {
    type: 'String',
    validateSet: ['CoreOnly', 'EnumOnly', 'Both'],
    help: 'Formats the collection object, as well as the objects in the collection.',
  },
} satisfies Record<string, ParameterDeclaration>;

/**
 * -View checks of the Format-* cmdlets: not together with -Property, and a name that is a view
 * of the first object's types for this shape (a built-in view is named by its type name, a loaded
 * one by its <Name>), else 5.1's FormatViewNotFound listing the views there are.
 */
export function checkView(params: { View?: string | null; Property?: unknown }, first: unknown, shape: 'Table' | 'List' | 'Wide' | 'Custom', ctx: CmdletContext): void {
  if (params.View === undefined || params.View === null) return;
  if (params.Property !== undefined) {
    ctx.fail(
      ctx.error({
        message: 'Cannot specify both a view and a property. Specify either the view or the property.',
        errorId: 'FormatCannotSpecifyViewAndProperty',
        category: 'InvalidArgument',
        exceptionType: 'PSArgumentException',
      }),
    );
  }
  if (first === undefined) return;
  const fits = (v: ViewSpec) => (shape === 'Table' ? !!v.table : shape === 'List' ? !!v.list : shape === 'Custom' ? !!v.custom : !!(v.table || v.list));
  if (findView(first, { name: params.View, fits })) return;
  const name = params.View;
  const names = [...new Set(viewsFor(first, { fits }).map((v) => v.name ?? v.typeName))];
  const message = names.length
    ? `The view name ${name} cannot be found. Specify one of the following ${shape} views and try again: ${names.join(', ')}.`
    : `The view name ${name} cannot be found. There are no existing ${shape} views for ${typeNamesOf(first)[0] ?? 'System.Object'} objects.`;
  ctx.fail(ctx.error({ message, errorId: 'FormatViewNotFound', category: 'ObjectNotFound', exceptionType: 'PipelineStoppedException', targetObject: name }));
}

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

/**
 * Writes the file of an output cmdlet (Out-File, Export-*, Tee-Object), as 5.1's shared file
 * opener does: -Force writes over the ReadOnly attribute (and keeps it); a file it cannot open
 * is the command's terminating FileOpenFailure.
 */
export function writeOutputFile(ctx: CmdletContext, target: ResolvedPath, data: Uint8Array, append: boolean, force?: boolean): void {
  try {
    writeForced(ctx.fs, target, force, () => ctx.fs.writeBytes(target, data, append));
  } catch (err) {
    const record = commandError(ctx, err);
    if (record.exceptionType !== 'UnauthorizedAccessException') ctx.fail(record);
    ctx.fail(ctx.error({ message: record.message, errorId: 'FileOpenFailure', category: 'OpenError', exceptionType: record.exceptionType }));
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
