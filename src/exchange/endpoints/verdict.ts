// What a client shows (issue 8): a pure function of the three checks every 2007-era client made
// on a server certificate - does it chain to a root the client trusts, does it carry the name the
// client asked for, is it within its dates by the lab clock - and of which program is asking.
//
// Result (stable; exercises test it):
//   Success  the client connects and shows nothing;
//   Warning  the client shows a certificate warning the user can accept (Outlook's Security Alert,
//            the browser's certificate error page, Outlook's Internet Security Warning);
//   Failure  the client refuses to connect (Outlook Anywhere, ActiveSync devices, OCS and the UM IP
//            gateway), or the service cannot be reached.
//
// Wording: the Outlook Anywhere name text and the Security Alert bullets come from Microsoft's
// KB articles (KB940726, KB2006728, the 2007 help); the Windows Mobile support codes are WinInet's
// certificate errors (0x80072F0D invalid CA, 0x80072F06 name, 0x80072F05 date). The IE7 page, the
// Internet Security Warning and the Security Alert's other lines are the texts those programs show;
// where a source gave only a pattern, the lab fills it in the same style.

import type { ClientMachineState } from '../model.js';
import type { ClientService } from './network.js';

export type ClientResult = 'Success' | 'Warning' | 'Failure';

export interface CertificateChecks {
  trusted: boolean;
  nameMatch: boolean;
  time: 'Valid' | 'Expired' | 'NotYetValid';
}

/** How a program reacts to certificate problems. */
type Behaviour = 'OutlookScp' | 'OutlookAlert' | 'OutlookAnywhere' | 'ActiveSync' | 'Browser' | 'MailClient' | 'UmPeer';

export function behaviourOf(client: ClientMachineState, service: ClientService): Behaviour {
  switch (service) {
    case 'Autodiscover':
      // Outlook 2007 on a domain member finds Autodiscover through the SCP and does not question
      // the issuer there (the setup certificate works silently); names and dates it does check.
      return client.domainJoined ? 'OutlookScp' : 'OutlookAlert';
    case 'EWS':
    case 'OAB':
      return 'OutlookAlert';
    case 'OutlookAnywhere':
      return 'OutlookAnywhere';
    case 'ActiveSync':
      return 'ActiveSync';
    case 'OWA':
      return 'Browser';
    case 'POP3':
    case 'IMAP4':
    case 'SMTP':
      return 'MailClient';
    case 'UM':
      return 'UmPeer';
  }
}

const ALERT = {
  issuerOk: 'The security certificate is from a trusted certifying authority.',
  issuerBad: 'The security certificate was issued by a company you have not chosen to trust. View the certificate to determine whether you want to trust the certifying authority.',
  dateOk: 'The security certificate date is valid.',
  dateBad: 'The security certificate has expired or is not yet valid.',
  nameOk: 'The security certificate has a valid name matching the name of the page you are trying to view.',
  nameBad: 'The name of the security certificate is invalid or does not match the name of the site.',
};

function securityAlert(host: string, c: CertificateChecks): string {
  return [
    `Security Alert (${host}): Information you exchange with this site cannot be viewed or changed by others. However, there is a problem with the site's security certificate.`,
    c.trusted ? ALERT.issuerOk : ALERT.issuerBad,
    c.time === 'Valid' ? ALERT.dateOk : ALERT.dateBad,
    c.nameMatch ? ALERT.nameOk : ALERT.nameBad,
    'Do you want to proceed?',
  ].join('\n');
}

function browserPage(c: CertificateChecks): string {
  const lines = ["There is a problem with this website's security certificate."];
  if (!c.trusted) lines.push('The security certificate presented by this website was not issued by a trusted certificate authority.');
  if (c.time !== 'Valid') lines.push('The security certificate presented by this website has expired or is not yet valid.');
  if (!c.nameMatch) lines.push("The security certificate presented by this website was issued for a different website's address.");
  lines.push('Security certificate problems may indicate an attempt to fool you or intercept any data you send to the server.', 'Continue to this website (not recommended).');
  return lines.join('\n');
}

function internetSecurityWarning(host: string, c: CertificateChecks): string {
  // Outlook shows the first reason Windows' chain check gives.
  const reason = !c.trusted
    ? 'A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.'
    : c.time !== 'Valid'
      ? 'A required certificate is not within its validity period when verifying against the current system clock or the timestamp in the signed file.'
      : 'The target principal name is incorrect.';
  return [`Internet Security Warning (${host}): The server you are connected to is using a security certificate that cannot be verified.`, reason, 'Do you want to continue using this server?'].join('\n');
}

function outlookAnywhereRefusal(host: string, c: CertificateChecks): string {
  const head = "There is a problem with the proxy server's security certificate.";
  if (!c.trusted) return `${head} The security certificate is not from a trusted certifying authority. Outlook is unable to connect to the proxy server.`;
  if (!c.nameMatch) return `${head} The name on the security certificate is invalid or does not match the name of the target site ${host}. Outlook is unable to connect to the proxy server.`;
  return `${head} The security certificate has expired or is not yet valid. Outlook is unable to connect to the proxy server.`;
}

function activeSyncRefusal(c: CertificateChecks): string {
  const code = !c.trusted ? '0x80072F0D' : c.time !== 'Valid' ? '0x80072F05' : '0x80072F06';
  const why = !c.trusted ? 'the certificate authority is not trusted by the device' : c.time !== 'Valid' ? 'the certificate has expired or is not yet valid' : 'the name on the certificate does not match the server name';
  return `ActiveSync encountered a problem on the server. Support code: ${code} (${why}). Synchronization stopped.`;
}

function umRefusal(client: ClientMachineState, host: string, c: CertificateChecks): string {
  const why = !c.trusted ? 'its issuer is not in the trusted root store' : c.time !== 'Valid' ? 'it has expired or is not yet valid' : `it does not name ${host}`;
  return `${client.name} closed the TLS connection to ${host}:5061 (SIP): the certificate the UM server presented is not accepted because ${why}.`;
}

/** The verdict of a client on a certificate it was shown, for the service it was using. */
export function certificateVerdict(client: ClientMachineState, service: ClientService, host: string, c: CertificateChecks): { result: ClientResult; message: string } {
  const ok = c.trusted && c.nameMatch && c.time === 'Valid';
  const behaviour = behaviourOf(client, service);
  if (ok) return { result: 'Success', message: `${client.name} connected to ${host} over SSL: the certificate is trusted, names ${host} and is valid.` };
  switch (behaviour) {
    case 'OutlookScp':
      if (c.nameMatch && c.time === 'Valid') {
        return { result: 'Success', message: `Outlook found Autodiscover through the SCP and connected to ${host} without a warning (a domain member's Outlook 2007 does not question the issuer on this path; the certificate is not from a trusted authority).` };
      }
      return { result: 'Warning', message: securityAlert(host, c) };
    case 'OutlookAlert':
      return { result: 'Warning', message: securityAlert(host, c) };
    case 'Browser':
      return { result: 'Warning', message: browserPage(c) };
    case 'MailClient':
      return { result: 'Warning', message: internetSecurityWarning(host, c) };
    case 'OutlookAnywhere':
      return { result: 'Failure', message: outlookAnywhereRefusal(host, c) };
    case 'ActiveSync':
      return { result: 'Failure', message: activeSyncRefusal(c) };
    case 'UmPeer':
      return { result: 'Failure', message: umRefusal(client, host, c) };
  }
}
