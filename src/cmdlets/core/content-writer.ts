// What Set-Content and Add-Content share: values to lines (CRLF, as on Windows) or bytes,
// one ShouldProcess per file, and the first write of an invocation either truncating
// (Set-Content) or appending (Add-Content); later pipeline objects append.

import { stateKey, type CmdletContext, type ResolvedPath } from '../../protocol/cmdlet.js';
import { toDisplayText } from '../../protocol/values.js';
import { attempt, encodeText, expandPath, flattenValues, requestedPaths, toBytes, writeForced } from './file-common.js';
import { hasWildcard } from '../../protocol/wildcard.js';

export interface ContentWriteParams {
  Path?: (string | null)[] | null;
  LiteralPath?: (string | null)[] | null;
  Value?: unknown;
  Encoding?: string;
  NoNewline?: boolean;
  PassThru?: boolean;
  Force?: boolean;
  Stream?: string | null;
}

interface State {
  /** hostPath → allowed (true) / declined (false) */
  decided: Map<string, boolean>;
}

const STATE = stateKey<State>('content writer');

const stateOf = (ctx: CmdletContext): State => ctx.runState(STATE, () => ({ decided: new Map() }));

export function beginContent(ctx: CmdletContext): void {
  stateOf(ctx);
}

export async function writeContent(
  params: ContentWriteParams,
  ctx: CmdletContext,
  mode: { append: boolean; action: string },
): Promise<void> {
  const state = stateOf(ctx);
  const values = flattenValues(params.Value).filter((v) => v !== null && v !== undefined);
  const isByte = params.Encoding?.toLowerCase() === 'byte';
  const { items, literal } = requestedPaths(params);
  const location = ctx.session.getLocation();
  for (const item of items) {
    const targets = attempt(ctx, () =>
      literal || !hasWildcard(item) ? [ctx.fs.resolve(item, location)] : expandPath(ctx.fs, item, location),
    );
    for (const file of targets ?? []) {
      const stream = params.Stream ?? undefined;
      const target = stream === undefined ? file : attempt(ctx, () => ctx.fs.stream(file, stream));
      if (!target) continue;
      const first = !state.decided.has(target.hostPath);
      if (first) state.decided.set(target.hostPath, await ctx.shouldProcess(`Path: ${target.display}`, mode.action));
      if (!state.decided.get(target.hostPath)) continue;
      const append = mode.append || !first;
      const ok = attempt(ctx, () => {
        const data = isByte ? toBytes(ctx, values) : encodeText(textOf(values, params.NoNewline), params.Encoding, needsPreamble(ctx, target, append));
        writeForced(ctx.fs, file, params.Force, () => ctx.fs.writeBytes(target, data, append));
        return true;
      });
      if (ok && params.PassThru) ctx.write(values, true);
    }
  }
}

function textOf(values: unknown[], noNewline?: boolean): string {
  const texts = values.map((v) => toDisplayText(v));
  return noNewline ? texts.join('') : texts.map((t) => t + '\r\n').join('');
}

/** A byte order mark goes only at the start of a file. */
function needsPreamble(ctx: CmdletContext, target: ResolvedPath, append: boolean): boolean {
  if (!append) return true;
  const st = ctx.fs.stat(target);
  return !st || st.length === 0;
}
