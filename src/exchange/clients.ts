// The client machines of the built-in lab (issue 8): what the article's clients are, and what
// each trusts. A client's Trusted Root Certification Authorities store holds the enterprise CA
// only when it is a domain member (Group Policy puts it there), plus whatever was imported by hand
// (Import-Certificate ... -CertStoreLocation Cert:\LocalMachine\Root, Import-LabTrustedRoot).
// Nobody trusts a server's self-signed certificate until it is imported.
//
//   PC01     domain member inside the network: Windows XP SP2, Outlook 2007, Internet Explorer 7
//   HOME01   a home computer on the Internet, not domain-joined: Windows Vista, Outlook 2007, IE 7
//   PHONE01  an Exchange ActiveSync device on the Internet: Windows Mobile 6
//   OCS01    Office Communications Server 2007, a domain member (talks SIP/TLS to UM)
//   GW01     the UM IP gateway (a VoIP gateway device: trusts only what is installed on it)

import type { ClientKind, ClientMachineState, OrgState, ServerState, TrustedRootState } from './model.js';

export const LAB_CLIENT_NAMES = ['PC01', 'HOME01', 'PHONE01', 'OCS01', 'GW01'] as const;

/** The clients the built-in lab has; labs created before them get them when opened. */
export function clientDefaults(org: Pick<OrgState, 'adDomain'>): ClientMachineState[] {
  const c = (name: string, kind: ClientKind, network: 'Internal' | 'Internet', domainJoined: boolean, os: string, software: string[]): ClientMachineState => ({
    name,
    fqdn: domainJoined || kind === 'UMIPGateway' ? `${name}.${org.adDomain}` : name,
    kind,
    network,
    domainJoined,
    os,
    software,
    trustedRoots: [],
    personal: [],
  });
  return [
    c('PC01', 'DomainMember', 'Internal', true, 'Windows XP Professional Service Pack 2', ['Microsoft Office Outlook 2007', 'Windows Internet Explorer 7']),
    c('HOME01', 'HomeComputer', 'Internet', false, 'Windows Vista Home Premium', ['Microsoft Office Outlook 2007', 'Windows Internet Explorer 7']),
    c('PHONE01', 'ActiveSyncDevice', 'Internet', false, 'Windows Mobile 6.0', ['Exchange ActiveSync (ActiveSync 4.5)']),
    c('OCS01', 'CommunicationsServer', 'Internal', true, 'Windows Server 2003 R2 Enterprise Edition', ['Microsoft Office Communications Server 2007']),
    c('GW01', 'UMIPGateway', 'Internal', false, 'VoIP gateway firmware', ['UM IP gateway (SIP)']),
  ];
}

/** A lab machine: an Exchange server or a client. */
export type LabMachine = { kind: 'server'; state: ServerState } | { kind: 'client'; state: ClientMachineState };

/** Where a root in a machine's Trusted Root store came from. */
export type RootSource = 'GroupPolicy' | 'Imported';

export interface RootEntry extends TrustedRootState {
  source: RootSource;
}

/** The Trusted Root store of a machine: the enterprise CA on domain members (Group Policy), then imported roots. */
export function trustedRootStore(org: Pick<OrgState, 'ca'>, m: { domainJoined: boolean; trustedRoots?: TrustedRootState[] }): RootEntry[] {
  const out: RootEntry[] = [];
  if (m.domainJoined) out.push({ subject: org.ca.subject, thumbprint: org.ca.thumbprint, certPem: org.ca.certPem, source: 'GroupPolicy' });
  for (const r of m.trustedRoots ?? []) if (!out.some((x) => x.thumbprint === r.thumbprint)) out.push({ ...r, source: 'Imported' });
  return out;
}

/** The PEMs a machine validates peers against (its Trusted Root store). */
export function rootPems(org: Pick<OrgState, 'ca'>, m: { domainJoined: boolean; trustedRoots?: TrustedRootState[] }): string[] {
  return trustedRootStore(org, m).map((r) => r.certPem);
}

export function findClient(org: Pick<OrgState, 'clients'>, name: string): ClientMachineState | undefined {
  const n = name.trim().toLowerCase();
  return (org.clients ?? []).find((c) => c.name.toLowerCase() === n || c.fqdn.toLowerCase() === n);
}

/** A machine of the lab by name or FQDN: servers first, then clients. */
export function findMachine(org: Pick<OrgState, 'servers' | 'clients'>, name: string): LabMachine | undefined {
  const n = name.trim().toLowerCase();
  const s = org.servers.find((x) => x.name.toLowerCase() === n || x.fqdn.toLowerCase() === n);
  if (s) return { kind: 'server', state: s };
  const c = findClient(org, name);
  return c ? { kind: 'client', state: c } : undefined;
}

/** Adds a root to a machine's store (idempotent); true when it was not there. */
export function addTrustedRoot(m: { trustedRoots?: TrustedRootState[] }, root: TrustedRootState): boolean {
  const roots = (m.trustedRoots ??= []);
  if (roots.some((r) => r.thumbprint === root.thumbprint)) return false;
  roots.push({ subject: root.subject, thumbprint: root.thumbprint, certPem: root.certPem });
  return true;
}
