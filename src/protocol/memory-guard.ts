// Memory-hungry work stops with an error before V8 aborts the process. Node has no recoverable
// out-of-memory: when the heap reaches its limit the process dies (after a long garbage-collection
// crawl), the lab unsaved. So the places where work accumulates — every pipeline object and loop
// iteration (the runtime's tick), the collecting cmdlets, and allocations whose size is known in
// advance (ranges, `*` on strings and arrays) — ask here first, and fail with .NET's
// InsufficientMemoryException when the heap is nearly full or the allocation would fill it.
// The check reads V8's heap statistics (under a microsecond) and allocates nothing.

import { getHeapStatistics } from 'node:v8';
import { PipelineStoppedError, runtimeError, type TerminatingError } from './errors.js';

/** The share of the old generation's limit past which growing work stops. */
const HIGH_WATER = 0.8;

/**
 * V8's heap_size_limit counts the young generation's reserve (two semi-spaces and the new large
 * object space: 48 MiB on 64-bit Node 20) on top of the old generation's limit, and the process
 * dies when the old generation fills. Measured against the whole limit, a high-water mark of 80%
 * lay past the old generation's end whenever the heap was small (--max-old-space-size=128 gives a
 * 176 MiB limit: 80% of it is 141 MiB, the old generation dies at 128), and the check caught
 * the heap in time only when the young generation happened to be full. So the mark is taken
 * from the old generation's limit (never less than a quarter of the whole limit).
 */
const YOUNG_GENERATION_RESERVE = 48 * 1024 * 1024;

export function insufficientMemory(): TerminatingError {
  return runtimeError('Insufficient memory to continue the execution of the program.', 'InsufficientMemoryException', 'OperationStopped', 'InsufficientMemoryException');
}

/** Bytes that may still be used before the high-water mark. */
export function heapHeadroom(): number {
  const s = getHeapStatistics();
  const oldGenerationLimit = Math.max(s.heap_size_limit - YOUNG_GENERATION_RESERVE, s.heap_size_limit / 4);
  return oldGenerationLimit * HIGH_WATER - s.used_heap_size;
}

/** Throws InsufficientMemoryException when the heap is past its high-water mark. */
export function checkMemory(): void {
  if (heapHeadroom() < 0) throw insufficientMemory();
}

/** Throws InsufficientMemoryException when `bytes` more would pass the high-water mark. */
export function ensureHeadroom(bytes: number): void {
  if (!(bytes < heapHeadroom())) throw insufficientMemory();
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
