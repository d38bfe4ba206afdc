// The simulated organization at run time: servers and their certificate stores, over the
// persisted OrgState (mutated in place; the store saves it after each statement that changed it).

import type { CertificateInfo } from '../pki/index.js';
import { loadPki } from '../pki/load.js';
import type { PSObject } from '../protocol/values.js';
import {
  exchangeCertificateObject,
  factsOfCertificate,
  factsOfRequest,
  type CertificateContext,
  type CertificateFacts,
} from './certificate.js';
import type { CertRecord, ClientMachineState, OrgState, RequestRecord, ServerState } from './model.js';
import { ErrorRecord, TerminatingError } from '../protocol/errors.js';
import { findClient, findMachine } from './clients.js';
import { SERVICE_FLAGS, servicesOfRoles } from './services.js';
import { trustsIssuer } from './transport/select.js';
import type { ItemCollection } from './partition.js';

/** Builds a store record from a parsed certificate. */
export function certRecord(info: CertificateInfo, opts: { keyPem?: string; exportable: boolean; friendlyName: string; services?: number; labCaThumbprint?: string; labCaSubject?: string }): CertRecord {
  const domains: string[] = [];
  const add = (d: string | undefined) => {
    if (d && !domains.some((x) => x.toLowerCase() === d.toLowerCase())) domains.push(d);
  };
  add(info.commonName);
  info.dnsNames.forEach(add);
  return {
    thumbprint: info.thumbprint,
    certPem: info.pem,
    keyPem: opts.keyPem,
    exportable: opts.exportable,
    friendlyName: opts.friendlyName,
    services: opts.services ?? 0,
    subject: info.subject,
    issuer: info.issuer,
    serialNumber: info.serialNumber,
    notBefore: info.notBefore.toISOString(),
    notAfter: info.notAfter.toISOString(),
    domains,
    publicKeySize: info.publicKeySize,
    selfSigned: info.isSelfSigned,
    issuedByLabCa: opts.labCaSubject !== undefined && !info.isSelfSigned && info.issuer === opts.labCaSubject,
  };
}

export class ExchangeServer {
  constructor(
    readonly state: ServerState,
    private readonly org: Organization,
  ) {}

  get name(): string {
    return this.state.name;
  }

  get fqdn(): string {
    return this.state.fqdn;
  }

  /** Services the installed roles provide. */
  get installedServices(): number {
    return servicesOfRoles(this.state.roles);
  }

  /**
   * Domain members trust the enterprise CA (Group Policy); the Edge (workgroup) once its root is
   * imported (Import-LabTrustedRoot), as transport's certificate selection already counts it.
   */
  get trustsLabCa(): boolean {
    return this.state.domainJoined || trustsIssuer(this.state, this.org.state.ca.subject);
  }

  /** Services as Get-ExchangeCertificate shows them: IIS only on the bound certificate. */
  effectiveServices(r: CertRecord): number {
    let bits = r.services & ~SERVICE_FLAGS.IIS;
    if (this.state.iisThumbprint === r.thumbprint) bits |= SERVICE_FLAGS.IIS;
    return bits;
  }

  private context(r?: CertRecord): CertificateContext {
    return {
      now: () => this.org.now(),
      services: () => (r ? this.effectiveServices(r) : 0),
      trustsLabCa: this.trustsLabCa,
      serverFqdn: this.state.fqdn,
    };
  }

  /** Certificates then pending requests, newest NotBefore first (Exchange's listing order). */
  list(): CertificateFacts[] {
    const certs = this.state.certificates.map(factsOfCertificate).sort((a, b) => b.notBefore.getTime() - a.notBefore.getTime());
    return [...certs, ...this.state.requests.map(factsOfRequest)];
  }

  /** Thumbprint → position in state.certificates; a cache, checked on every hit. */
  private recordIndex = new Map<string, number>();

  record(thumbprint: string): CertRecord | undefined {
    const t = thumbprint.trim().toUpperCase();
    const certs = this.state.certificates;
    // A listing asks once per certificate: a linear search each time made 10,000 certificates
    // cost 50 million comparisons. A stale or missing entry rebuilds the index from the array.
    let i = this.recordIndex.get(t);
    if (i === undefined || certs[i]?.thumbprint !== t) {
      this.recordIndex = new Map(certs.map((c, k) => [c.thumbprint, k]));
      i = this.recordIndex.get(t);
    }
    return i === undefined ? undefined : certs[i];
  }

  request(thumbprint: string): RequestRecord | undefined {
    const t = thumbprint.trim().toUpperCase();
    return this.state.requests.find((c) => c.thumbprint === t);
  }

  find(thumbprint: string): CertificateFacts | undefined {
    const r = this.record(thumbprint);
    if (r) return factsOfCertificate(r);
    const q = this.request(thumbprint);
    return q ? factsOfRequest(q) : undefined;
  }

  object(f: CertificateFacts): PSObject {
    return exchangeCertificateObject(f, this.context(f.kind === 'certificate' ? this.record(f.thumbprint) : undefined));
  }

  /** Status of a certificate on this server (for refusals). */
  status(f: CertificateFacts): string {
    return String(this.object(f).get('Status'));
  }

  addCertificate(r: CertRecord): void {
    this.state.certificates.push(r);
    this.org.touchItem('certificates', this.name, r.thumbprint);
  }

  addRequest(r: RequestRecord): void {
    this.state.requests.push(r);
    this.org.touchItem('requests', this.name, r.thumbprint);
  }

  /** The pending request whose key the certificate carries (a CA response completes it). */
  async requestFor(info: CertificateInfo): Promise<RequestRecord | undefined> {
    const { keyMatchesCertificate } = await loadPki();
    return this.state.requests.find((q) => keyMatchesCertificate(q.keyPem, info));
  }

  removeRequest(thumbprint: string): void {
    this.state.requests = this.state.requests.filter((q) => q.thumbprint !== thumbprint);
    this.org.touchItem('requests', this.name, thumbprint);
  }

  /** Adds services (they accumulate); IIS moves the site binding to this certificate. */
  enable(r: CertRecord, bits: number, opts: { replaceInternalTransport: boolean; requireSsl?: boolean }): void {
    r.services |= bits & ~SERVICE_FLAGS.IIS;
    if (bits & SERVICE_FLAGS.IIS) {
      this.state.iisThumbprint = r.thumbprint;
      if (opts.requireSsl !== undefined) this.state.requireSsl = opts.requireSsl;
    }
    if (bits & SERVICE_FLAGS.SMTP && (opts.replaceInternalTransport || !this.state.internalTransportThumbprint)) {
      this.state.internalTransportThumbprint = r.thumbprint;
    }
    this.org.touchItem('certificates', this.name, r.thumbprint);
    this.org.touch();
  }

  remove(thumbprint: string): void {
    const t = thumbprint.toUpperCase();
    this.state.certificates = this.state.certificates.filter((c) => c.thumbprint !== t);
    this.state.requests = this.state.requests.filter((c) => c.thumbprint !== t);
    if (this.state.iisThumbprint === t) this.state.iisThumbprint = undefined;
    this.org.touchItem('certificates', this.name, t);
    this.org.touchItem('requests', this.name, t);
    this.org.touch();
  }

  internalTransport(): CertRecord | undefined {
    const t = this.state.internalTransportThumbprint;
    return t ? this.record(t) : undefined;
  }

  /**
   * The certificate the POP3 or IMAP4 service presents for SSL/TLS: the best match of its
   * X509CertificateName (matchDomain's order) that has its private key.
   */
  protocolCertificate(proto: 'Pop' | 'Imap'): CertificateFacts | undefined {
    const settings = proto === 'Pop' ? this.state.pop : this.state.imap;
    if (!settings) return undefined;
    return this.matchDomain(settings.x509CertificateName).find((f) => f.hasPrivateKey);
  }

  /** The certificate bound to the Default Web Site's HTTPS binding, when it has its key (what IIS presents). */
  iisCertificate(): CertRecord | undefined {
    const t = this.state.iisThumbprint;
    const r = t ? this.record(t) : undefined;
    return r?.keyPem ? r : undefined;
  }

  /** Certificates whose names match an FQDN, best first: exact over wildcard, CA over self-signed, newest. */
  matchDomain(fqdn: string): CertificateFacts[] {
    const name = fqdn.toLowerCase();
    const score = (f: CertificateFacts): number => {
      let best = 0;
      for (const d of f.domains.map((x) => x.toLowerCase())) {
        if (d === name) best = Math.max(best, 2);
        else if (d.startsWith('*.') && name.endsWith(d.slice(1)) && !name.slice(0, -d.length + 1).includes('.')) best = Math.max(best, 1);
      }
      return best;
    };
    const now = this.org.now().getTime();
    return this.list()
      .filter((f) => f.kind === 'certificate' && score(f) > 0)
      .sort((a, b) => {
        const valid = (f: CertificateFacts) => (now >= f.notBefore.getTime() && now <= f.notAfter.getTime() ? 1 : 0);
        return (
          valid(b) - valid(a) ||
          score(b) - score(a) ||
          Number(a.selfSigned) - Number(b.selfSigned) ||
          b.notBefore.getTime() - a.notBefore.getTime()
        );
      });
  }
}

/** Where the organization reports its changes (the lab store's journal, through compose.ts). */
export interface OrgChangeSink {
  /** Anything but a certificate or request record changed. */
  root(): void;
  /** One record was added, edited or removed. */
  item(collection: ItemCollection, server: string, thumbprint: string): void;
}

export class Organization {
  private servers = new Map<string, ExchangeServer>();
  /** Set when anything changed since the sink last took the changes (for callers without a sink). */
  dirty = false;
  /** Receives every change as it is marked. */
  sink?: OrgChangeSink;
  private _state: OrgState;

  constructor(
    state: OrgState,
    readonly now: () => Date,
  ) {
    this._state = state;
    this.indexServers();
  }

  get state(): OrgState {
    return this._state;
  }

  /**
   * Another session's changes (or a rollback) replaced the persisted document: work on the new
   * one. The machine this session is logged on to is this session's own and stays.
   */
  replaceState(state: OrgState): void {
    const current = this._state.currentMachine;
    this._state = state;
    if (findMachine(state, current)) state.currentMachine = current;
    this.indexServers();
  }

  private indexServers(): void {
    this.servers = new Map();
    for (const s of this._state.servers) this.servers.set(s.name.toLowerCase(), new ExchangeServer(s, this));
  }

  /** Marks a change to anything but certificate and request records (settings, logs, servers). */
  touch(): void {
    this.dirty = true;
    this.sink?.root();
  }

  /** Marks a change to one certificate or request record. */
  touchItem(collection: ItemCollection, server: string, thumbprint: string): void {
    this.dirty = true;
    this.sink?.item(collection, server, thumbprint);
  }

  /** Adds a newly installed server (Install-LabServer / setup.com). */
  addServer(state: ServerState): ExchangeServer {
    this.state.servers.push(state);
    const s = new ExchangeServer(state, this);
    this.servers.set(state.name.toLowerCase(), s);
    this.touch();
    for (const c of state.certificates) this.touchItem('certificates', state.name, c.thumbprint);
    for (const q of state.requests) this.touchItem('requests', state.name, q.thumbprint);
    return s;
  }

  allServers(): ExchangeServer[] {
    return [...this.servers.values()];
  }

  /** By name or FQDN, case-insensitive. */
  server(identity: string): ExchangeServer | undefined {
    const id = identity.trim().toLowerCase();
    return this.servers.get(id) ?? this.allServers().find((s) => s.fqdn.toLowerCase() === id);
  }

  /**
   * The Exchange server the shell is on. On a client machine (Enter-LabServer PC01) there is no
   * Exchange: the cmdlets that act on the local server stop with Exchange's "log on locally to an
   * Exchange server" error (2013 wording; 2007's is not known).
   */
  get current(): ExchangeServer {
    const s = this.server(this.state.currentMachine);
    if (s) return s;
    if (this.client(this.state.currentMachine)) throw new TerminatingError(notOnExchangeServer(this.state.currentMachine));
    return this.allServers()[0]!;
  }

  /** The name of the machine the shell is on (a server or a client). */
  get currentMachineName(): string {
    return findMachine(this.state, this.state.currentMachine)?.state.name ?? this.allServers()[0]!.name;
  }

  /** The client the shell is on, if it is on one. */
  get currentClient(): ClientMachineState | undefined {
    return this.server(this.state.currentMachine) ? undefined : this.client(this.state.currentMachine);
  }

  /** Logs this session on to another machine (server or client), by name or FQDN: the session's own, not a change to the lab. */
  setCurrent(name: string): void {
    const m = findMachine(this.state, name);
    if (!m) throw new RangeError(`Unknown machine ${name}`);
    this.state.currentMachine = m.state.name;
  }

  /** The client machines (issue 8). */
  allClients(): ClientMachineState[] {
    return this.state.clients ?? [];
  }

  client(name: string): ClientMachineState | undefined {
    return findClient(this.state, name);
  }

  /** Every machine name (servers, then clients): what `\\NAME\c$` and Enter-LabServer reach. */
  machineNames(): string[] {
    return [...this.allServers().map((s) => s.name), ...this.allClients().map((c) => c.name)];
  }

  get labCaSubject(): string {
    return this.state.ca.subject;
  }

  /** Accepted domains, default first. */
  acceptedDomainNames(): string[] {
    return [...this.state.acceptedDomains].sort((a, b) => Number(b.default) - Number(a.default)).map((d) => d.domainName);
  }
}

/** Exchange's refusal when a task runs on a machine that is not an Exchange server. */
export function notOnExchangeServer(machine: string): ErrorRecord {
  return new ErrorRecord({
    message: 'This operation can only be performed locally on an Exchange server.  Please log on locally to an Exchange server and try this operation again.',
    errorId: 'ErrorNotOnExchangeServer',
    category: 'InvalidOperation',
    exceptionType: 'InvalidOperationException',
    targetObject: machine,
  });
}
