// Pre-generated test keys (fixtures/keys) so tests do not pay for prime searches.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../../fixtures/keys/', import.meta.url));
const load = (name: string) => readFileSync(dir + name, 'utf8');

export const keyPath = (name: string) => dir + name;
export const RSA1 = load('rsa2048-1.key.pem');
export const RSA2 = load('rsa2048-2.key.pem');
export const RSA3 = load('rsa2048-3.key.pem');
export const RSA4 = load('rsa2048-4.key.pem');
export const RSA1024 = load('rsa1024-1.key.pem');
export const EC1 = load('ec-p256-1.key.pem');

/** A fixed lab clock. */
export const T0 = new Date('2008-03-14T09:30:15Z');
export const T1Y = new Date('2009-03-14T09:30:15Z');
