// AllowedServices, the [Flags] enum behind -Services and the Services column (Exchange 2007:
// None, IMAP, POP, UM, IIS, SMTP; 2010 added Federation = 32, 2013 UMCallRouter = 64).

import { enumValue, registerEnum } from '../protocol/convert.js';
import type { EnumValue } from '../protocol/values.js';

export const SERVICE_FLAGS = { IMAP: 1, POP: 2, UM: 4, IIS: 8, SMTP: 16 } as const;
export type ServiceName = keyof typeof SERVICE_FLAGS;
export const SERVICE_NAMES: readonly ServiceName[] = ['IMAP', 'POP', 'UM', 'IIS', 'SMTP'];

/** The enum as the binder and help see it. */
export const ALLOWED_SERVICES_ENUM = {
  typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.AllowedServices',
  values: ['None', 'IMAP', 'POP', 'UM', 'IIS', 'SMTP'] as const,
  numbers: [0, 1, 2, 4, 8, 16] as const,
  flags: true,
};
registerEnum(ALLOWED_SERVICES_ENUM);

/** The Services property's value: the flags as a typed AllowedServices (`[int]` gives the bits). */
export function servicesValue(bits: number): EnumValue {
  return enumValue(ALLOWED_SERVICES_ENUM.typeName, bits);
}

/** Turns what the binder hands over (`'IIS, SMTP'`, `['IIS','SMTP']`, a number) into flag bits. */
export function parseServices(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value & 31;
  const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(','));
  let bits = 0;
  for (const raw of parts) {
    const name = raw.trim().toUpperCase();
    if (name === '' || name === 'NONE') continue;
    const flag = (SERVICE_FLAGS as Record<string, number>)[name];
    if (flag === undefined) throw new RangeError(`Unknown service '${raw.trim()}'.`);
    bits |= flag;
  }
  return bits;
}

/** The flags enum's ToString: `IMAP, POP, IIS, SMTP`, or `None`. */
export function servicesToString(bits: number): string {
  const names = SERVICE_NAMES.filter((n) => bits & SERVICE_FLAGS[n]);
  return names.length ? names.join(', ') : 'None';
}

/** The 2007 table form, one letter per service in the order I P U W S: `IP.WS`. */
export function servicesLetters(bits: number): string {
  const letters: [ServiceName, string][] = [['IMAP', 'I'], ['POP', 'P'], ['UM', 'U'], ['IIS', 'W'], ['SMTP', 'S']];
  return letters.map(([n, l]) => (bits & SERVICE_FLAGS[n] ? l : '.')).join('');
}

export type ServerRole = 'Mailbox' | 'ClientAccess' | 'UnifiedMessaging' | 'HubTransport' | 'Edge';

/**
 * ServerRole, the [Flags] enum of a server's ServerRole property (the bits of the directory's
 * msExchCurrentServerRoles): Mailbox 2, ClientAccess 4, UnifiedMessaging 16, HubTransport 32, Edge 64.
 */
export const SERVER_ROLE_ENUM = {
  typeName: 'Microsoft.Exchange.Data.Directory.SystemConfiguration.ServerRole',
  values: ['None', 'Mailbox', 'ClientAccess', 'UnifiedMessaging', 'HubTransport', 'Edge'] as const,
  numbers: [0, 2, 4, 16, 32, 64] as const,
  flags: true,
};
registerEnum(SERVER_ROLE_ENUM);

/** The ServerRole property's value: `Mailbox, ClientAccess, HubTransport` as the flags enum (`[int]` gives 38). */
export function serverRoleValue(roles: readonly ServerRole[]): EnumValue {
  let bits = 0;
  SERVER_ROLE_ENUM.values.forEach((name, i) => {
    if (roles.includes(name as ServerRole)) bits |= SERVER_ROLE_ENUM.numbers[i]!;
  });
  return enumValue(SERVER_ROLE_ENUM.typeName, bits);
}

/** Which services a server's roles provide (what Enable-ExchangeCertificate may turn on). */
export function servicesOfRoles(roles: readonly ServerRole[]): number {
  let bits = 0;
  if (roles.includes('ClientAccess')) bits |= SERVICE_FLAGS.IIS | SERVICE_FLAGS.POP | SERVICE_FLAGS.IMAP;
  if (roles.includes('HubTransport') || roles.includes('Edge')) bits |= SERVICE_FLAGS.SMTP;
  if (roles.includes('UnifiedMessaging')) bits |= SERVICE_FLAGS.UM;
  return bits;
}
