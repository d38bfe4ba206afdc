// Unified Messaging over TLS: in SIPSecured or Secured mode the UM service
// answers SIP on 5061 with the certificate enabled for UM. The Office Communications Server peer
// speaks only TLS and accepts only certificates whose issuer it trusts (the enterprise CA): a real
// TLS client on loopback, so a self-signed UM certificate fails the handshake check and a lab-CA
// issued one passes.

import { createServer as createTlsServer } from 'node:tls';
import type { OrgState, ServerState } from '../model.js';
import { selectUmCertificate } from './select.js';
import { findClient, rootPems } from '../clients.js';
import { chainsToRoot, judge, overLoopbackTls, peerCertificate, peerX509, replyOf, type Judgement } from './tls.js';

export const OCS_FQDN = 'ocs01';

export type VoipSecurity = 'Unsecured' | 'SIPSecured' | 'Secured';

/** The mode a UM server runs in: its dial plans' VoIPSecurity (they must agree in 2007). */
export function umMode(org: OrgState, um: ServerState): VoipSecurity {
  const modes = (um.um?.dialPlans ?? []).map((n) => org.umDialPlans?.find((d) => d.name.toLowerCase() === n.toLowerCase())?.voipSecurity ?? 'Unsecured');
  return modes.find((m) => m !== 'Unsecured') ?? 'Unsecured';
}

export interface UmPeerCheck {
  ok: boolean;
  mode: VoipSecurity;
  thumbprint?: string;
  judgement?: Judgement;
  detail: string;
}

/** What OCS01 trusts: its Trusted Root store (the enterprise CA through Group Policy, and imported roots). */
function ocsRoots(org: OrgState): string[] {
  const ocs = findClient(org, 'OCS01');
  return ocs ? rootPems(org, ocs) : [org.ca.certPem];
}

/** Office Communications Server calling the UM server: SIP over TLS, trusting what OCS01 trusts. */
export async function ocsPeerCheck(org: OrgState, um: ServerState, now: Date): Promise<UmPeerCheck> {
  const mode = umMode(org, um);
  const ocs = `${OCS_FQDN}.${org.adDomain}`;
  if (mode === 'Unsecured') {
    return { ok: false, mode, detail: `${ocs} speaks SIP over TLS only (port 5061); ${um.name} runs unsecured (SIP over TCP, port 5060). Set the dial plan's VoIPSecurity to SIPSecured or Secured.` };
  }
  const cert = selectUmCertificate(um, now);
  if (!cert) return { ok: false, mode, detail: `No valid certificate on ${um.name} is enabled for UM, so the UM service cannot answer on 5061 (Enable-ExchangeCertificate -Services UM).` };
  const server = createTlsServer({ key: cert.keyPem, cert: cert.certPem }, (s) => {
    s.on('error', () => undefined);
    s.on('data', () => s.end(`SIP/2.0 200 OK\r\nServer: ${um.name} Microsoft Exchange Unified Messaging\r\n\r\n`));
  });
  try {
    return await overLoopbackTls(server, { ca: [org.ca.certPem], rejectUnauthorized: false, servername: um.fqdn, checkServerIdentity: () => undefined }, async (client): Promise<UmPeerCheck> => {
      const seen = peerCertificate(client);
      const seenX = peerX509(client);
      const j = judge(seen, { chainTrusted: seenX ? chainsToRoot(seenX, ocsRoots(org)) : false, expectedName: um.fqdn, now });
      if (j.verdict !== 'Trusted') {
        const why =
          j.verdict === 'SelfSigned' || j.verdict === 'UntrustedRoot'
            ? `was issued by '${seen?.issuer}', an issuer ${ocs} does not trust`
            : j.verdict === 'NameMismatch'
              ? `does not name ${um.fqdn}`
              : 'is not valid';
        return { ok: false, mode, thumbprint: seen?.thumbprint, judgement: j, detail: `${ocs} refused the TLS connection: the certificate of ${um.fqdn} (thumbprint ${seen?.thumbprint}) ${why}.` };
      }
      const reply = replyOf(client);
      client.write(`OPTIONS sip:${um.fqdn}:5061;transport=tls SIP/2.0\r\nFrom: <sip:${ocs}>\r\n\r\n`);
      const ok = (await reply).startsWith('SIP/2.0 200');
      return { ok, mode, thumbprint: seen?.thumbprint, judgement: j, detail: ok ? `SIP OPTIONS over TLS answered 200 OK; ${ocs} trusts the issuer '${seen?.issuer}'.` : 'The UM server did not answer.' };
    });
  } catch (e) {
    return { ok: false, mode, detail: `TLS negotiation with ${um.fqdn}:5061 failed: ${(e as Error).message}` };
  }
}
