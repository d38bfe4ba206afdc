// Memory-hungry work stops with an error before V8 aborts the process. Node has no recoverable
// out-of-memory: when the heap reaches its limit the process dies (after a long garbage-collection
// crawl), the lab unsaved. So the places where work accumulates — every pipeline object and loop
// iteration (the runtime's tick), the collecting cmdlets, and allocations whose size is known in
// advance (ranges, `*` on strings and arrays) — ask here first, and fail with .NET's
// InsufficientMemoryException when the heap is nearly full or the allocation would fill it.
// The check reads V8's heap statistics (under a microsecond) and allocates nothing.

import { getHeapStatistics } from 'node:v8';
import { ErrorRecord, PipelineStoppedError, TerminatingError } from './errors.js';

/** The share of V8's heap limit past which growing work stops. */
const HIGH_WATER = 0.8;

export function insufficientMemory(): ErrorRecord {
  return new ErrorRecord({
    message: 'Insufficient memory to continue the execution of the program.',
    errorId: 'InsufficientMemoryException',
    category: 'OperationStopped',
    exceptionType: 'InsufficientMemoryException',
  });
}

/** Bytes that may still be used before the high-water mark. */
export function heapHeadroom(): number {
  const s = getHeapStatistics();
  return s.heap_size_limit * HIGH_WATER - s.used_heap_size;
}

/** Throws InsufficientMemoryException when the heap is past its high-water mark. */
export function checkMemory(): void {
  if (heapHeadroom() < 0) throw new TerminatingError(insufficientMemory());
}

/** Throws InsufficientMemoryException when `bytes` more would pass the high-water mark. */
export function ensureHeadroom(bytes: number): void {
  if (!(bytes < heapHeadroom())) throw new TerminatingError(insufficientMemory());
}

/**
 * For long loops inside a cmdlet: checks memory, lets the event loop run (Ctrl+C, signals,
 * redraws), and stops when the pipeline was stopped meanwhile.
 */
export async function breathe(signal: AbortSignal): Promise<void> {
  checkMemory();
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (signal.aborted) throw new PipelineStoppedError();
}
