// Pre-generated 2048-bit keys for tests: building a lab needs four (the CA and three servers).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeySource } from '../../src/exchange/setup.js';
import { repoRoot } from './repo.js';

let fixtureKeys: string[] | undefined;

/** Hands out the fixture keys in turn. */
export function fixtureKeySource(): KeySource {
  fixtureKeys ??= [1, 2, 3, 4].map((i) => readFileSync(join(repoRoot(), 'fixtures', 'keys', `rsa2048-${i}.key.pem`), 'utf8'));
  const keys = fixtureKeys;
  let n = 0;
  return async () => keys[n++ % keys.length]!;
}
