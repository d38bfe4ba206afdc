// What a torture suite is: a named, bounded run of many cases against the real shell that
// prints its figures (cases, failures) and fails on any failure. The runner (run.mjs) picks
// the suites and their case counts; suites live one per file in this folder and are listed
// in lib.ts.

export interface SuiteOptions {
  /** How many cases to run (a suite with a fixed set of cases may take it as an upper bound). */
  cases: number;
  /** Seed for suites that generate their cases. */
  seed: number;
  /** Prints a progress or detail line. */
  log(line: string): void;
}

export interface SuiteResult {
  cases: number;
  /** One line per failed case: what went wrong, with the input that did it. */
  failures: string[];
  /** Extra figures worth printing (distinct inputs, timings, ...). */
  figures?: Record<string, string | number>;
}

export interface TortureSuite {
  name: string;
  /** One line: what the suite proves. */
  summary: string;
  /**
   * Case counts: `--quick` (CI), the default run (a few minutes in all), `--full`. Without a
   * standard count the default is the full one.
   */
  cases: { quick: number; standard?: number; full: number };
  run(opts: SuiteOptions): Promise<SuiteResult>;
}
