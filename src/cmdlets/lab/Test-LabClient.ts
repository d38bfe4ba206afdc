// Test-LabClient and Get-LabClient (issue 8): what the lab's clients see when they use the
// organization's services, over real TLS on loopback, judged by each client's own trust.

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { registerView } from '../../format/views.js';
import { trustedRootStore } from '../../exchange/clients.js';
import { CLIENT_SERVICES, SERVICES_OF, type ClientService } from '../../exchange/endpoints/network.js';
import type { ClientMachineState } from '../../exchange/model.js';
import { org } from '../exchange/common.js';
import { labEndpoints } from './endpoints-service.js';

export const CLIENT_TEST_TYPE = 'Emsh.Lab.ClientTestResult';
export const LAB_CLIENT_TYPE = 'Emsh.Lab.LabClient';
const LAB_MODULE = 'emsh.Lab';
const LAB_NAMESPACE = 'Emsh.Lab.Commands';

/** The lab client a name means, or an error record (written, non-terminating). */
export function findLabClient(ctx: CmdletContext, name: string): ClientMachineState | undefined {
  const o = org(ctx);
  const c = o.client(name);
  if (!c) {
    ctx.writeError(
      ctx.error({
        message: `The lab client "${name}" was not found. Lab clients: ${o.allClients().map((x) => x.name).join(', ')}.`,
        errorId: 'LabClientNotFound',
        category: 'ObjectNotFound',
        exceptionType: 'ManagementObjectNotFoundException',
        targetObject: name,
      }),
    );
  }
  return c;
}

const oneLine = (o: unknown) => (o instanceof PSObject ? String(o.get('Message') ?? '').replace(/\n/g, ' ') : '');

registerView({
  typeName: CLIENT_TEST_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Client', property: 'Client' },
      { label: 'Service', property: 'Service' },
      { label: 'Result', property: 'Result' },
      { label: 'Trusted', property: 'Trusted' },
      { label: 'NameMatch', property: 'NameMatch' },
      { label: 'TimeValid', property: 'TimeValid' },
      { label: 'Message', value: oneLine },
    ],
  },
});

registerView({
  typeName: LAB_CLIENT_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Name', property: 'Name' },
      { label: 'Kind', property: 'Kind' },
      { label: 'Network', property: 'Network' },
      { label: 'DomainJoined', property: 'DomainJoined' },
      { label: 'Services', property: 'Services' },
    ],
  },
});

export const testLabClient = defineCmdlet({
  name: 'Test-LabClient',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: 'Shows what a lab client sees when it uses a service: a real TLS handshake, its own trust, and the 2007 verdict.',
  description:
    'Test-LabClient makes a lab client (PC01, HOME01, PHONE01, OCS01, GW01; see Get-LabClient) use a service of the organization the way its program does. ' +
    'It takes the URL that client would use (a domain member finds Autodiscover through the SCP, Outlook on the Internet through autodiscover.<domain>, EWS and OAB come from Autodiscover, Outlook Anywhere uses the ExternalHostname, OWA and ActiveSync the published name) or the one given with -Url, resolves the host name as the lab\'s DNS does from where the client is (Internet clients see only published names), ' +
    'and connects to the server\'s listener on loopback: a real TLS handshake in which the server presents the certificate it really uses for that service (the IIS certificate, the POP3/IMAP4 certificate chosen by X509CertificateName, the STARTTLS certificate, the UM certificate). ' +
    "The client then makes its three checks: does the certificate chain to a root in the client's Trusted Root store (Trusted), does it carry the host name asked for (NameMatch), is it within its dates by the lab clock (TimeValid). " +
    'Result is what that client does in Exchange 2007 times, always one of three values: Success (it connects and shows nothing), Warning (it shows a certificate warning the user may accept: Outlook\'s Security Alert for Autodiscover from outside the domain and for EWS free/busy, the browser\'s certificate error page for OWA, Outlook\'s Internet Security Warning for POP3/IMAP4/SMTP), ' +
    'Failure (it refuses or cannot connect: Outlook Anywhere and ActiveSync refuse any certificate problem, OCS and the UM IP gateway refuse an untrusted UM certificate, or the service is not reachable). Message has the client\'s words. ' +
    'A domain member\'s Outlook finds Autodiscover through the SCP and does not warn about the issuer there. PHONE01 presents its user certificate when the ActiveSync directory asks for one (ClientCertAuth). ' +
    'Remedies change the outcome: import the server\'s certificate (Export-Certificate, then Import-Certificate -CertStoreLocation Cert:\\LocalMachine\\Root on the client), or enable a CA-issued certificate with the right names.',
  parameters: {
    From: { type: 'String', aliases: ['Client', 'Name'], complete: 'machine', help: 'The lab client: PC01, HOME01, PHONE01, OCS01 or GW01.', sets: { __AllParameterSets: { position: 0, mandatory: true, fromPipelineByPropertyName: true } } },
    Service: { type: 'String[]', validateSet: CLIENT_SERVICES, help: `The service: ${CLIENT_SERVICES.join(', ')}.`, sets: { __AllParameterSets: { position: 1, mandatory: true } } },
    Url: { type: 'String', help: 'The URL (or for POP3, IMAP4, SMTP and UM the host, or host:port) the client uses instead of its default.' },
  },
  outputType: [CLIENT_TEST_TYPE],
  examples: [
    { code: 'Test-LabClient -From PC01 -Service Autodiscover', remarks: "Outlook 2007 on the domain member finds Autodiscover through the SCP: the setup certificate names the server, and Outlook does not question its issuer there.", shows: 'Success' },
    { code: 'Test-LabClient -From HOME01 -Service OWA | Format-List Url,Trusted,NameMatch,Result,Message', remarks: 'From home, OWA at mail.proexchange.global shows the browser\'s certificate error: the self-signed certificate is not trusted and does not carry that name.', shows: "There is a problem with this website's security certificate." },
    {
      setup: "Enable-OutlookAnywhere -Server Ex2007EE -ExternalHostname mail.proexchange.global -ClientAuthenticationMethod Basic -SSLOffloading $false | Out-Null",
      code: '(Test-LabClient -From HOME01 -Service OutlookAnywhere).Result',
      remarks: 'Outlook Anywhere refuses the self-signed certificate outright.',
      shows: 'Failure',
    },
    {
      setup: "$c = New-ExchangeCertificate -SubjectName 'cn=mail.proexchange.global' -DomainName mail.proexchange.global -Services IIS -Force; $c | Export-Certificate -FilePath c:\\mail.cer | Out-Null",
      code: "Enter-LabServer PHONE01; Import-Certificate -FilePath \\\\Ex2007EE\\c$\\mail.cer -CertStoreLocation Cert:\\LocalMachine\\Root | Out-Null; (Test-LabClient PHONE01 ActiveSync).Result",
      remarks: 'A self-signed certificate for the published name, enabled for IIS and installed on the device: ActiveSync now succeeds.',
      shows: 'Success',
    },
  ],
  related: ['Get-LabClient', 'Import-Certificate', 'Export-Certificate', 'Start-LabEndpoint'],
  async process(p, ctx) {
    const client = findLabClient(ctx, String(p.From));
    if (!client) return;
    const o = org(ctx);
    const set = await labEndpoints(ctx);
    const { testClient, ClientTestError } = await import('../../exchange/endpoints/client-test.js');
    for (const service of p.Service.map((x) => CLIENT_SERVICES.find((s) => s.toLowerCase() === x.toLowerCase())!)) {
      try {
        const r = await testClient({ org: o, now: () => ctx.now() }, set, client, service as ClientService, p.Url === undefined ? undefined : String(p.Url));
        ctx.write(
          PSObject.fromRecord(
            {
              Client: r.client,
              Service: r.service,
              Url: r.url,
              Server: r.server ?? null,
              Certificate: r.certificate?.thumbprint ?? null,
              Subject: r.certificate?.subject ?? null,
              Trusted: r.checks ? r.checks.trusted : null,
              NameMatch: r.checks ? r.checks.nameMatch : null,
              TimeValid: r.checks ? r.checks.time === 'Valid' : null,
              Result: r.result,
              Message: r.message,
            },
            [CLIENT_TEST_TYPE, 'System.Object'],
          ),
        );
      } catch (e) {
        if (!(e instanceof ClientTestError)) throw e;
        const [category, exceptionType] =
          e.reason === 'HostNotFound' ? (['ResourceUnavailable', 'WebException'] as const) : e.reason === 'BadUrl' ? (['InvalidArgument', 'UriFormatException'] as const) : (['InvalidOperation', 'InvalidOperationException'] as const);
        ctx.writeError(ctx.error({ message: e.message, errorId: e.reason, category, exceptionType, targetObject: p.Url ?? service }));
      }
    }
  },
});

export const getLabClient = defineCmdlet({
  name: 'Get-LabClient',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: "Lists the lab's client machines and what they trust.",
  description:
    'Get-LabClient lists the client machines of the lab: PC01 (a domain member inside the network: Outlook 2007, Internet Explorer 7), HOME01 (a home computer on the Internet, not domain-joined), PHONE01 (an ActiveSync device on the Internet), OCS01 (Office Communications Server 2007, a domain member) and GW01 (the UM IP gateway). ' +
    'TrustedRoots lists the roots in its Trusted Root store: the enterprise CA comes to domain members through Group Policy; anything else must be imported (Import-Certificate on the client, Import-LabTrustedRoot). Nobody trusts a server\'s self-signed certificate until it is imported. Enter-LabServer <name> logs on to a client.',
  parameters: {
    Identity: { type: 'String', help: 'A client name; all clients when omitted.', sets: { __AllParameterSets: { position: 0 } } },
  },
  outputType: [LAB_CLIENT_TYPE],
  examples: [
    { code: 'Get-LabClient', remarks: "The lab's clients.", shows: 'PHONE01' },
    { code: 'Get-LabClient PC01 | Format-List Name,TrustedRoots', remarks: 'PC01 trusts the enterprise CA through Group Policy.', shows: 'ProExchange Root CA' },
  ],
  related: ['Test-LabClient', 'Enter-LabServer'],
  process(p, ctx) {
    const o = org(ctx);
    const list = p.Identity === undefined ? o.allClients() : [findLabClient(ctx, String(p.Identity))].filter((c): c is ClientMachineState => Boolean(c));
    for (const c of list) {
      ctx.write(
        PSObject.fromRecord(
          {
            Name: c.name,
            Fqdn: c.fqdn,
            Kind: c.kind,
            Network: c.network,
            DomainJoined: c.domainJoined,
            OperatingSystem: c.os,
            Software: [...c.software],
            Services: [...SERVICES_OF[c.kind]],
            TrustedRoots: trustedRootStore(o.state, c).map((r) => `${r.subject} (${r.source === 'GroupPolicy' ? 'Group Policy' : 'imported'})`),
            PersonalCertificates: c.personal.map((x) => x.subject),
          },
          [LAB_CLIENT_TYPE, 'System.Object'],
        ),
      );
    }
  },
});
