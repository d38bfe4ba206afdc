// System.Diagnostics.Stopwatch: elapsed time of the process (the monotonic clock Measure-Command
// uses), not the lab clock — a stopwatch measures how long something took, not what time it is.

import { overloadError } from '../protocol/members.js';
import { int64 } from '../protocol/numbers.js';
import { timeSpan } from '../protocol/operators.js';
import { PSObject } from '../protocol/values.js';

export const STOPWATCH_TYPE = 'System.Diagnostics.Stopwatch';

/** Stopwatch.Frequency on Windows: ticks of QueryPerformanceCounter per second (10 MHz). */
const FREQUENCY = 10_000_000;

/** Stopwatch.GetTimestamp(): the monotonic clock in Frequency ticks. */
function timestamp(): number {
  return Number(process.hrtime.bigint() / 100n);
}

export function newStopwatch(args: unknown[], start = false): PSObject {
  if (args.length) overloadError('new', args.length);
  let elapsed = 0;
  let startedAt: number | undefined;
  const ticks = () => elapsed + (startedAt === undefined ? 0 : timestamp() - startedAt);
  const o = new PSObject([STOPWATCH_TYPE, 'System.Object']);
  const prop = (name: string, typeName: string, get: () => unknown) => o.addProperty({ name, memberType: 'Property', typeName, get });
  prop('IsRunning', 'System.Boolean', () => startedAt !== undefined);
  prop('Elapsed', 'System.TimeSpan', () => timeSpan(ticks() / 10_000));
  prop('ElapsedMilliseconds', 'System.Int64', () => int64(BigInt(Math.floor(ticks() / 10_000))));
  prop('ElapsedTicks', 'System.Int64', () => int64(BigInt(ticks())));
  const method = (name: string, run: () => void) =>
    o.addMethod({
      name,
      definition: `void ${name}()`,
      invoke: (a) => {
        if (a.length) overloadError(name, a.length);
        run();
        return undefined;
      },
    });
  method('Start', () => {
    startedAt ??= timestamp();
  });
  method('Stop', () => {
    elapsed = ticks();
    startedAt = undefined;
  });
  method('Reset', () => {
    elapsed = 0;
    startedAt = undefined;
  });
  method('Restart', () => {
    elapsed = 0;
    startedAt = timestamp();
  });
  if (start) startedAt = timestamp();
  return o;
}

/** `[Diagnostics.Stopwatch]::StartNew()` / `::GetTimestamp()`; undefined for other names. */
export function stopwatchStatic(name: string, args: unknown[]): unknown {
  switch (name.toLowerCase()) {
    case 'startnew':
      return newStopwatch(args, true);
    case 'gettimestamp':
      if (args.length) overloadError(name, args.length);
      return int64(BigInt(timestamp()));
  }
  return undefined;
}

/** `[Diagnostics.Stopwatch]::Frequency` / `::IsHighResolution`. */
export function stopwatchField(name: string): unknown {
  switch (name.toLowerCase()) {
    case 'frequency':
      return int64(BigInt(FREQUENCY));
    case 'ishighresolution':
      return true;
  }
  return null;
}
