// Pre-generated 2048-bit keys for tests: building a lab needs four (the CA and three servers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeySource } from '../../src/exchange/setup.js';

const keyDir = join(__dirname, '..', '..', 'fixtures', 'keys');
const fixtureKeys = [1, 2, 3, 4].map((i) => readFileSync(join(keyDir, `rsa2048-${i}.key.pem`), 'utf8'));

/** Hands out the fixture keys in turn. */
export function fixtureKeySource(): KeySource {
  let n = 0;
  return async () => fixtureKeys[n++ % fixtureKeys.length]!;
}
