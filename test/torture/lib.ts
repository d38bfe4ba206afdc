// The torture suites, bundled to dist/torture-lib.mjs by scripts/build.mjs for run.mjs.
// A new suite is a file in this folder exporting a TortureSuite, listed here.
import { cmdletsSuite } from './cmdlets.js';
import type { TortureSuite } from './suite.js';

export type { TortureSuite, SuiteResult } from './suite.js';

export const suites: TortureSuite[] = [cmdletsSuite];
