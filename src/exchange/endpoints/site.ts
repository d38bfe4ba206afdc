// The Default Web Site of a Client Access server, as far as clients of the lab need it: which
// virtual directory a path is, IIS's "Require SSL" (the site's, and the OAB directory's own
// RequireSSL), ActiveSync client certificate authentication, and the answers (Autodiscover's
// POX response with the server's URLs; the other directories answer as IIS does before a logon).

import { X509Certificate } from 'node:crypto';
import type { OrgState, ServerState, VirtualDirectoryState } from '../model.js';
import { rootPems } from '../clients.js';
import { chainsToRoot, timeValidity } from '../transport/tls.js';

export interface SiteRequest {
  method: string;
  path: string;
  /** True over HTTPS. */
  secure: boolean;
  /** The certificate the client presented (mutual TLS), if any. */
  clientCertificate?: X509Certificate;
}

export interface SiteResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
}

/** IIS's texts for the refusals clients meet (IIS 6, the Windows Server 2003 that 2007 ran on). */
export const IIS_ERRORS = {
  sslRequired: 'HTTP Error 403.4 - Forbidden: SSL is required to view this resource.',
  clientCertificateRequired: 'HTTP Error 403.7 - Forbidden: SSL client certificate is required.',
  clientCertificateUntrusted: 'HTTP Error 403.16 - Forbidden: Client certificate is untrusted or invalid.',
  notFound: 'HTTP Error 404 - File or directory not found.',
};

/** Virtual directory path prefixes (lower case) -> the directory name in the lab's model. */
const VDIRS: [prefix: string, name: string][] = [
  ['/owa', 'owa'],
  ['/oab', 'OAB'],
  ['/ews', 'EWS'],
  ['/autodiscover', 'Autodiscover'],
  ['/microsoft-server-activesync', 'Microsoft-Server-ActiveSync'],
  ['/rpc', 'Rpc'],
];

function vdirOfPath(path: string): string | undefined {
  const p = path.toLowerCase().split('?')[0]!;
  return VDIRS.find(([prefix]) => p === prefix || p.startsWith(`${prefix}/`))?.[1];
}

function page(status: number, reason: string, text: string, headers: Record<string, string> = {}): SiteResponse {
  return { status, reason, headers: { 'Content-Type': 'text/html', Server: 'Microsoft-IIS/6.0', ...headers }, body: `<html><head><title>${reason}</title></head><body><h1>${text}</h1></body></html>\r\n` };
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Autodiscover's Outlook response (2006a schema): EXCH with the internal URLs, EXPR when Outlook Anywhere is on, WEB. */
export function autodiscoverXml(org: OrgState, s: ServerState): string {
  const ca = s.clientAccess!;
  const url = (name: string, which: 'internalUrl' | 'externalUrl') => ca.virtualDirectories.find((v) => v.name.toLowerCase() === name.toLowerCase())?.[which] ?? null;
  const el = (name: string, v: string | null) => (v ? `<${name}>${xmlEscape(v)}</${name}>` : '');
  const exch = ['<Protocol>', '<Type>EXCH</Type>', el('Server', s.fqdn), el('ASUrl', url('EWS', 'internalUrl')), el('OOFUrl', url('EWS', 'internalUrl')), el('OABUrl', url('OAB', 'internalUrl')), '</Protocol>'];
  const oa = ca.outlookAnywhere;
  const expr = oa.enabled && oa.externalHostname
    ? ['<Protocol>', '<Type>EXPR</Type>', el('Server', oa.externalHostname), '<SSL>On</SSL>', el('AuthPackage', oa.clientAuthenticationMethod), el('ASUrl', url('EWS', 'externalUrl')), el('OOFUrl', url('EWS', 'externalUrl')), el('OABUrl', url('OAB', 'externalUrl')), '</Protocol>']
    : [];
  const web = ['<Protocol>', '<Type>WEB</Type>', '<Internal>', url('owa', 'internalUrl') ? `<OWAUrl AuthenticationMethod="Basic, Fba">${xmlEscape(url('owa', 'internalUrl')!)}</OWAUrl>` : '', '</Internal>', '</Protocol>'];
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">',
    '<Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a">',
    '<Account><AccountType>email</AccountType><Action>settings</Action>',
    ...exch,
    ...expr,
    ...web,
    '</Account>',
    '</Response>',
    '</Autodiscover>',
    '',
  ].filter(Boolean).join('\r\n');
}

/** Whether the client certificate passes IIS's check: it chains to a root the server trusts and is in date (lab clock). */
function clientCertificateValid(org: OrgState, s: ServerState, cert: X509Certificate, now: Date): boolean {
  return chainsToRoot(cert, rootPems(org, s)) && timeValidity({ notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo) }, now) === 'Valid';
}

/** The response of the Default Web Site of `s` to a request. */
export function siteResponse(org: OrgState, s: ServerState, req: SiteRequest, now: Date): SiteResponse {
  const ca = s.clientAccess;
  const name = vdirOfPath(req.path);
  if (!ca || !name) return page(404, 'Not Found', IIS_ERRORS.notFound);
  const vdir: VirtualDirectoryState | undefined = ca.virtualDirectories.find((v) => v.name.toLowerCase() === name.toLowerCase());
  if (name === 'Rpc' && !ca.outlookAnywhere.enabled) return page(404, 'Not Found', IIS_ERRORS.notFound);
  if (name !== 'Rpc' && !vdir) return page(404, 'Not Found', IIS_ERRORS.notFound);
  // Require SSL: the OAB directory has its own setting (off by default); the others follow the site.
  const sslRequired = name === 'OAB' ? Boolean(vdir?.requireSsl) : name === 'Rpc' ? !ca.outlookAnywhere.sslOffloading : s.requireSsl;
  if (!req.secure && sslRequired) return page(403, 'Forbidden', IIS_ERRORS.sslRequired);
  if (name === 'Microsoft-Server-ActiveSync' && req.secure) {
    const mode = vdir?.clientCertAuth ?? 'Ignore';
    if (mode === 'Required' && !req.clientCertificate) return page(403, 'Forbidden', IIS_ERRORS.clientCertificateRequired);
    if (mode !== 'Ignore' && req.clientCertificate && !clientCertificateValid(org, s, req.clientCertificate, now)) return page(403, 'Forbidden', IIS_ERRORS.clientCertificateUntrusted);
  }
  switch (name) {
    case 'Autodiscover':
      return { status: 200, reason: 'OK', headers: { 'Content-Type': 'text/xml; charset=utf-8', Server: 'Microsoft-IIS/6.0' }, body: autodiscoverXml(org, s) };
    case 'Microsoft-Server-ActiveSync':
      return {
        status: 200,
        reason: 'OK',
        headers: { Server: 'Microsoft-IIS/6.0', 'MS-Server-ActiveSync': '8.1', 'MS-ASProtocolVersions': '1.0,2.0,2.1,2.5,12.0,12.1', 'MS-ASProtocolCommands': 'Sync,SendMail,SmartForward,SmartReply,GetAttachment,GetHierarchy,CreateCollection,DeleteCollection,MoveCollection,FolderSync,FolderCreate,FolderDelete,FolderUpdate,MoveItems,GetItemEstimate,MeetingResponse,Search,Settings,Ping,ItemOperations,Provision,ResolveRecipients,ValidateCert' },
        body: '',
      };
    case 'OAB':
      return { status: 200, reason: 'OK', headers: { 'Content-Type': 'text/xml', Server: 'Microsoft-IIS/6.0' }, body: '<?xml version="1.0" encoding="utf-8"?>\r\n<OAB><OAL name="\\Global Address List"/></OAB>\r\n' };
    case 'owa':
      return page(200, 'OK', 'Outlook Web Access');
    default:
      // EWS and RPC over HTTP ask for credentials first: the service is there.
      return page(401, 'Unauthorized', 'HTTP Error 401.2 - Unauthorized: Access is denied due to server configuration.', { 'WWW-Authenticate': 'Negotiate' });
  }
}
