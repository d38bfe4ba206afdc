// Values that are ready now or later. Hot paths (one call per pipeline object) stay synchronous
// when nothing waits, and only chain a promise when something does.

export type MaybePromise<T> = T | Promise<T>;

export function isPromise(v: unknown): v is Promise<unknown> {
  return typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';
}
