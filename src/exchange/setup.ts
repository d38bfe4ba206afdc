// What Exchange 2007 setup does with certificates: each Client Access, Hub Transport, Unified
// Messaging and Edge server gets a self-signed certificate (CN=<host>, SANs host and FQDN,
// one year, key not exportable) enabled for its roles' services; Mailbox-only servers get none.

import { loadPki } from '../pki/load.js';
import type { ServerState } from './model.js';
import { certRecord } from './organization.js';
import { servicesOfRoles, SERVICE_FLAGS, type ServerRole } from './services.js';

/** A source of RSA private keys (PEM): real generation, or fixture keys in tests. */
export type KeySource = (bits: number) => Promise<string>;

export const SETUP_FRIENDLY_NAME = 'Microsoft Exchange';
export const SETUP_KEY_SIZE = 2048;

/** Roles whose setup creates the self-signed certificate. */
export function rolesCreatingCertificate(roles: readonly ServerRole[]): boolean {
  return roles.some((r) => r === 'ClientAccess' || r === 'HubTransport' || r === 'UnifiedMessaging' || r === 'Edge');
}

export async function installSetupCertificate(server: ServerState, installedAt: Date, keys: KeySource): Promise<void> {
  if (!rolesCreatingCertificate(server.roles)) return;
  const keyPem = await keys(SETUP_KEY_SIZE);
  const notAfter = new Date(installedAt);
  notAfter.setFullYear(notAfter.getFullYear() + 1);
  const { createSelfSigned } = await loadPki();
  const info = createSelfSigned({
    subject: `CN=${server.name}`,
    dnsNames: [server.name, server.fqdn],
    notBefore: installedAt,
    notAfter,
    privateKeyPem: keyPem,
  });
  const services = servicesOfRoles(server.roles);
  server.certificates.push(
    certRecord(info, { keyPem, exportable: false, friendlyName: SETUP_FRIENDLY_NAME, services }),
  );
  if (services & SERVICE_FLAGS.IIS) {
    server.iisThumbprint = info.thumbprint;
    server.requireSsl = true;
  }
  if (services & SERVICE_FLAGS.SMTP) server.internalTransportThumbprint = info.thumbprint;
}
