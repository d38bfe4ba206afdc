// The lab clock (issue 8): the one "now" of a lab. It runs with real time, moved by an offset
// kept in the lab state (or frozen at an instant), so a lab can jump a year ahead and watch its
// certificates expire. Everything that needs the time reads it from here (through the session's
// now): certificate status and validity, TLS verdicts, logs, Get-Date, conversions.
//
// The clock may move forward or back, but never before the lab was created: the organization's
// history (setup, certificates, logs) starts there.

/** The persisted part (LabState.clock): lab time = real time + offsetMs, or frozenAt when set. */
export interface ClockState {
  offsetMs: number;
  frozenAt?: string | null;
}

export class LabClockBeforeCreationError extends Error {
  constructor(
    readonly requested: Date,
    readonly createdAt: Date,
  ) {
    super('The lab clock cannot go back before the lab was created.');
  }
}

export class LabClock {
  constructor(
    /** The clock in the lab state now (the state object is replaced when another session saved). */
    private readonly clockState: () => ClockState,
    /** The lab time the session reads (real time moved by this state). */
    readonly now: () => Date,
    /** The real time under it (for the offset Get-LabDate -Detailed shows). */
    readonly realNow: () => Date,
    readonly createdAt: Date,
    /** Marks the change for saving (the organization's touch()). */
    private readonly changed: () => void,
  ) {}

  /** True when the lab time does not run (a frozen lab: tests, recorded demos). */
  get frozen(): boolean {
    return Boolean(this.clockState().frozenAt);
  }

  /** Moves the clock so that it reads `target` now. Throws LabClockBeforeCreationError, changing nothing. */
  set(target: Date): Date {
    const t = target.getTime();
    if (!Number.isFinite(t)) throw new RangeError('Invalid date.');
    if (t < this.createdAt.getTime()) throw new LabClockBeforeCreationError(target, this.createdAt);
    const state = this.clockState();
    if (state.frozenAt) state.frozenAt = new Date(t).toISOString();
    else state.offsetMs += t - this.now().getTime();
    this.changed();
    return this.now();
  }

  /** Moves the clock by a span (milliseconds, may be negative). */
  add(ms: number): Date {
    return this.set(new Date(this.now().getTime() + ms));
  }
}
