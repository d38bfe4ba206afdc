// The torture suites, bundled to dist/torture-lib.mjs by scripts/build.mjs for run.mjs.
// A new suite is a file in this folder exporting a TortureSuite, listed here.
import { cmdletsSuite } from './cmdlets.js';
import { fuzzSuite } from './fuzz.js';

export { fuzzBatches } from './fuzz.js';
import { secretsSuite } from './secrets.js';
import { traversalSuite } from './traversal.js';
import { concurrencySuite, killSuite, saveFailSuite } from './durability.js';
import type { TortureSuite } from './suite.js';

export type { TortureSuite, SuiteResult } from './suite.js';

export const suites: TortureSuite[] = [concurrencySuite, killSuite, saveFailSuite, secretsSuite, traversalSuite, cmdletsSuite, fuzzSuite];
