// The engine's public surface.
export { Session, rawArguments } from './session.js';
export type { SessionOptions, ExecuteOptions, ExecuteResult } from './session.js';
export { CONFIRM_CHOICES } from './context.js';
