// Edge Subscription and EdgeSync: the subscription file the Edge writes (its
// internal transport certificate and the bootstrap account), and the synchronization session:
// a real mutual TLS connection over loopback (standing in for LDAP over SSL to ADAM on port
// 50636) in which each side trusts exactly the certificate published for the other - the Hub
// compares the Edge's certificate with the thumbprint imported from the subscription, the Edge
// compares the Hub's with the Hub certificates EdgeSync replicated to ADAM. No CA is consulted.

import { randomBytes, X509Certificate } from 'node:crypto';
import { createServer as createTlsServer } from 'node:tls';
import type { CertRecord, EdgeSubscriptionState, OrgState, ServerState } from '../model.js';
import { isHub } from './config.js';
import { internalTransportCertificate } from './select.js';
import { contextFor, describeCertificate, overLoopbackTls, peerCertificate, replyOf, type SeenCertificate } from './tls.js';

export const ADAM_SSL_PORT = 50636;
/** The bootstrap account's lifetime: the file must be imported within it. */
export const SUBSCRIPTION_MINUTES = 1440;

export interface SubscriptionFile {
  edgeServerName: string;
  edgeServerFqdn: string;
  certificatePem: string;
  thumbprint: string;
  esraUsername: string;
  effectiveDate: Date;
  durationMinutes: number;
  adamSslPort: number;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function der(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

/** The file New-EdgeSubscription writes on the Edge. */
export function subscriptionXml(edge: ServerState, cert: CertRecord, now: Date): string {
  const el = (name: string, value: string) => `  <${name}>${xmlEscape(value)}</${name}>`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<EdgeSubscriptionData xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    el('EdgeServerName', edge.name),
    el('EdgeServerFQDN', edge.fqdn),
    el('EdgeCertificateBlob', der(cert.certPem).toString('base64')),
    el('ESRAUsername', `ESRA.${edge.name}.0`),
    el('ESRAPassword', randomBytes(24).toString('base64')),
    el('EffectiveDate', now.toISOString()),
    el('Duration', String(SUBSCRIPTION_MINUTES)),
    el('AdamSslPort', String(ADAM_SSL_PORT)),
    el('ServerType', 'Edge'),
    el('ProductID', ''),
    el('VersionNumber', edge.adminDisplayVersion),
    '</EdgeSubscriptionData>',
    '',
  ].join('\r\n');
}

/** Reads a subscription file; a string is the reason it is not one. */
export function parseSubscriptionXml(text: string): SubscriptionFile | string {
  const get = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1]?.trim();
  if (!/<EdgeSubscriptionData[\s>]/.test(text)) return 'The file is not an Edge Subscription file.';
  const blob = get('EdgeCertificateBlob');
  const name = get('EdgeServerName');
  if (!blob || !name) return 'The Edge Subscription file is missing the Edge server name or its certificate.';
  let x: X509Certificate;
  try {
    x = new X509Certificate(Buffer.from(blob, 'base64'));
  } catch {
    return 'The certificate in the Edge Subscription file cannot be read.';
  }
  const b64 = x.raw.toString('base64');
  return {
    edgeServerName: name,
    edgeServerFqdn: get('EdgeServerFQDN') ?? name,
    certificatePem: `-----BEGIN CERTIFICATE-----\n${(b64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END CERTIFICATE-----\n`,
    thumbprint: describeCertificate(x).thumbprint,
    esraUsername: get('ESRAUsername') ?? '',
    effectiveDate: new Date(get('EffectiveDate') ?? 0),
    durationMinutes: Number(get('Duration') ?? SUBSCRIPTION_MINUTES),
    adamSslPort: Number(get('AdamSslPort') ?? ADAM_SSL_PORT),
  };
}

export interface SyncOutcome {
  ok: boolean;
  failure?: string;
  /** What the Hub saw from the Edge, and the Edge from the Hub. */
  edgeCertificate?: SeenCertificate;
  hubCertificate?: SeenCertificate;
  protocol?: string;
  elapsedMs: number;
}

export const edgeSyncMessages = {
  edgeMismatch: (fqdn: string, seen: string, published: string) =>
    `The certificate presented by Edge Transport server ${fqdn} (thumbprint ${seen}) is not the direct trust certificate published for it in Active Directory (thumbprint ${published}). EdgeSync can't establish a secure LDAP connection. Subscribe the Edge Transport server again by using the New-EdgeSubscription cmdlet.`,
  hubNotTrusted: (hub: string, fqdn: string, seen: string) =>
    `Edge Transport server ${fqdn} did not accept the certificate of Hub Transport server ${hub} (thumbprint ${seen}): it is not a certificate replicated to ADAM for this subscription.`,
  noEdgeCertificate: (fqdn: string) => `Edge Transport server ${fqdn} has no valid internal transport certificate to offer for LDAP over SSL (port ${ADAM_SSL_PORT}).`,
  noHubCertificate: (hub: string) => `Hub Transport server ${hub} has no valid internal transport certificate to authenticate with.`,
};

/** The Hub certificates the Edge knows from ADAM for a subscription (replicated by EdgeSync). */
export function hubCertificatesKnownToEdge(org: OrgState): Set<string> {
  return new Set(org.servers.filter((s) => isHub(s) && s.internalTransportThumbprint).map((s) => s.internalTransportThumbprint!));
}

/** One EdgeSync session: real mutual TLS, each side checking the other's published thumbprint. */
export async function edgeSyncConnect(org: OrgState, hub: ServerState, edge: ServerState, sub: EdgeSubscriptionState, now: Date): Promise<SyncOutcome> {
  const started = performance.now();
  const edgeCert = internalTransportCertificate(edge, now);
  const hubCert = internalTransportCertificate(hub, now);
  if (!edgeCert) return { ok: false, failure: edgeSyncMessages.noEdgeCertificate(edge.fqdn), elapsedMs: 0 };
  if (!hubCert) return { ok: false, failure: edgeSyncMessages.noHubCertificate(hub.name), elapsedMs: 0 };
  const knownHubs = hubCertificatesKnownToEdge(org);
  let edgeSide: { hub?: SeenCertificate; refused?: string } = {};
  // tls.Server builds its own context from key/cert (it ignores a prebuilt secureContext).
  const server = createTlsServer({ key: edgeCert.keyPem, cert: edgeCert.certPem, requestCert: true, rejectUnauthorized: false }, (s) => {
    s.on('error', () => undefined);
    const peer = peerCertificate(s);
    edgeSide = { hub: peer };
    if (!peer || !knownHubs.has(peer.thumbprint)) {
      edgeSide.refused = edgeSyncMessages.hubNotTrusted(hub.name, edge.fqdn, peer?.thumbprint ?? '(none)');
      s.end('REFUSED\n');
      return;
    }
    s.end(`OK ${sub.site}\n`);
  });
  try {
    return await overLoopbackTls(server, { secureContext: contextFor(hubCert), rejectUnauthorized: false, checkServerIdentity: () => undefined }, async (client) => {
      const seen = peerCertificate(client);
      const protocol = client.getProtocol() ?? undefined;
      if (!seen || seen.thumbprint !== sub.edgeCertificateThumbprint) {
        return { ok: false, failure: edgeSyncMessages.edgeMismatch(edge.fqdn, seen?.thumbprint ?? '(none)', sub.edgeCertificateThumbprint), edgeCertificate: seen, protocol, elapsedMs: performance.now() - started };
      }
      const ok = (await replyOf(client)).startsWith('OK');
      return { ok, failure: ok ? undefined : (edgeSide.refused ?? 'The Edge Transport server closed the connection.'), edgeCertificate: seen, hubCertificate: edgeSide.hub, protocol, elapsedMs: performance.now() - started };
    });
  } catch (e) {
    return { ok: false, failure: `The secure LDAP connection to ${edge.fqdn}:${ADAM_SSL_PORT} failed: ${(e as Error).message}`, elapsedMs: performance.now() - started };
  }
}
