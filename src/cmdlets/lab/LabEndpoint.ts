// Start-LabEndpoint / Get-LabEndpoint / Stop-LabEndpoint (issue 8): the lab's servers listening
// on loopback for tools outside emsh (openssl s_client, curl, a mail client), while the shell
// runs. Each listener presents, on every new connection, the certificate the server uses for
// that service at that moment. All endpoints stop when the shell exits.

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { registerView } from '../../format/views.js';
import type { Endpoint, LabView } from '../../exchange/endpoints/listeners.js';
import { LISTENER_KINDS, STANDARD_PORTS, runsListener, type ListenerKind } from '../../exchange/endpoints/network.js';
import type { ExchangeServer } from '../../exchange/organization.js';
import { findServers, org } from '../exchange/config-common.js';
import { labEndpoints } from './endpoints-service.js';

export const ENDPOINT_TYPE = 'Emsh.Lab.Endpoint';
const LAB_MODULE = 'emsh.Lab';
const LAB_NAMESPACE = 'Emsh.Lab.Commands';

/** An endpoint as the cmdlets and `emsh -Serve` show it; Thumbprint is what a connection would be shown now. */
export function endpointObject(e: Endpoint, view: () => LabView, presented: (v: LabView, server: string, kind: ListenerKind) => { thumbprint: string } | undefined): PSObject {
  const o = new PSObject([ENDPOINT_TYPE, 'System.Object']);
  const prop = (name: string, typeName: string, get: () => unknown) => o.addProperty({ name, memberType: 'Property', typeName, get });
  prop('Server', 'System.String', () => e.server);
  prop('Service', 'System.String', () => e.kind);
  prop('Address', 'System.String', () => e.address);
  prop('Port', 'System.Int32', () => e.port);
  prop('StandardPort', 'System.Int32', () => STANDARD_PORTS[e.kind]);
  prop('Thumbprint', 'System.String', () => (e.kind === 'HTTP' ? null : (presented(view(), e.server, e.kind)?.thumbprint ?? null)));
  prop('Listening', 'System.Boolean', () => e.listening);
  return o;
}

registerView({
  typeName: ENDPOINT_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Server', property: 'Server' },
      { label: 'Service', property: 'Service' },
      { label: 'Port', property: 'Port', alignment: 'Right' },
      { label: 'Thumbprint', property: 'Thumbprint' },
    ],
  },
});

const SERVICE_PARAMETER = { type: 'String[]' as const, validateSet: LISTENER_KINDS, help: `The listeners: ${LISTENER_KINDS.join(', ')} (HTTPS serves OWA, EWS, Autodiscover, OAB, ActiveSync and RPC over HTTP on one port; HTTP is the same site without SSL).` };

function serversOf(ctx: CmdletContext, server: unknown): ExchangeServer[] | undefined {
  if (server === undefined || server === null) return org(ctx).allServers();
  return findServers(ctx, String(server), { single: false, terminating: false });
}

function kindsOf(service: unknown): ListenerKind[] {
  return service === undefined || service === null ? [...LISTENER_KINDS] : (service as string[]).map((s) => LISTENER_KINDS.find((k) => k.toLowerCase() === s.toLowerCase())!);
}

export const startLabEndpoint = defineCmdlet({
  name: 'Start-LabEndpoint',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: "Makes lab servers listen on loopback, so tools outside emsh can connect to them.",
  description:
    "Start-LabEndpoint starts listeners on 127.0.0.1 for the lab's servers (default: every server, every listener it runs): HTTPS (the Default Web Site: OWA, EWS, Autodiscover, OAB, ActiveSync, RPC over HTTP), HTTP (the same site without SSL: the OAB answers, the others refuse while the site requires SSL), POP3 and IMAP4 over SSL, SMTP with STARTTLS, and SIP over TLS for UM. " +
    "Each listener presents, on every new connection, the certificate the server uses for that service at that moment (IIS's binding, the POP3/IMAP4 certificate by X509CertificateName, the STARTTLS selection, the UM certificate): enable another certificate and the next connection shows it. Try: openssl s_client -connect 127.0.0.1:<port> -servername mail.proexchange.global. " +
    'Ports are chosen free unless -Port is given (one server and one service). The listeners run until Stop-LabEndpoint or the end of the shell. `emsh -Serve` does the same without a shell.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Server: { type: 'String', complete: 'machine', help: 'The server (default: all servers).', sets: { __AllParameterSets: { position: 0 } } },
    Service: SERVICE_PARAMETER,
    Port: { type: 'Int32', validateRange: [1, 65535], help: 'The port to listen on (with one -Server and one -Service).' },
  },
  outputType: [ENDPOINT_TYPE],
  examples: [
    { code: 'Start-LabEndpoint -Server Ex2007EE -Service HTTPS', remarks: "Ex2007EE's web site listens on a free loopback port; the table shows the port and the certificate a connection gets.", shows: 'HTTPS' },
    { code: 'Start-LabEndpoint; Get-LabEndpoint | Measure-Object | Select-Object -ExpandProperty Count', remarks: 'Every listener of every server.', shows: /\d+/ },
  ],
  related: ['Get-LabEndpoint', 'Stop-LabEndpoint', 'Test-LabClient'],
  async process(p, ctx) {
    const servers = serversOf(ctx, p.Server);
    if (!servers) return;
    const kinds = kindsOf(p.Service);
    const port = p.Port === undefined ? 0 : Number(p.Port);
    const pairs = servers.flatMap((s) => kinds.filter((k) => runsListener(s.state, k)).map((k) => [s, k] as const));
    if (port !== 0 && pairs.length !== 1) {
      return ctx.fail(ctx.error({ message: '-Port needs exactly one server and one service that server runs (use -Server and -Service).', errorId: 'PortNeedsOneEndpoint', category: 'InvalidArgument', exceptionType: 'ArgumentException', targetObject: port }));
    }
    if (pairs.length === 0) {
      return ctx.writeError(ctx.error({ message: `${servers.map((s) => s.name).join(', ')} run${servers.length === 1 ? 's' : ''} none of the listeners ${kinds.join(', ')}.`, errorId: 'NoSuchEndpoint', category: 'InvalidArgument', exceptionType: 'ArgumentException', targetObject: p.Service }));
    }
    const set = await labEndpoints(ctx);
    const { presentedCertificate, EndpointError } = await import('../../exchange/endpoints/listeners.js');
    const view = () => ({ org: org(ctx), now: () => ctx.now() });
    for (const [s, k] of pairs) {
      if (!(await ctx.shouldProcess(`${s.name} ${k}${port ? ` on 127.0.0.1:${port}` : ''}`, 'Start-LabEndpoint'))) continue;
      try {
        const { endpoint } = await set.start(s.state, k, port);
        ctx.write(endpointObject(endpoint, view, presentedCertificate));
      } catch (e) {
        if (!(e instanceof EndpointError)) throw e;
        ctx.writeError(ctx.error({ message: e.message, errorId: e.code === 'AddressInUse' ? 'AddressAlreadyInUse' : 'EndpointNotStarted', category: e.code === 'AddressInUse' ? 'ResourceUnavailable' : 'InvalidOperation', exceptionType: 'SocketException', targetObject: port || k }));
      }
    }
  },
});

export const getLabEndpoint = defineCmdlet({
  name: 'Get-LabEndpoint',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: 'Lists the lab endpoints listening on loopback.',
  description: 'Get-LabEndpoint lists the listeners Start-LabEndpoint started in this shell: server, service, port, and the thumbprint of the certificate a connection gets now.',
  parameters: {
    Server: { type: 'String', complete: 'machine', help: 'Only this server\'s listeners.', sets: { __AllParameterSets: { position: 0 } } },
    Service: SERVICE_PARAMETER,
  },
  outputType: [ENDPOINT_TYPE],
  examples: [{ code: 'Start-LabEndpoint Ex2007EE -Service SMTP | Out-Null; Get-LabEndpoint', remarks: 'The running listeners.', shows: 'SMTP' }],
  related: ['Start-LabEndpoint', 'Stop-LabEndpoint'],
  async process(p, ctx) {
    const set = await labEndpoints(ctx);
    const { presentedCertificate } = await import('../../exchange/endpoints/listeners.js');
    const kinds = kindsOf(p.Service);
    const view = () => ({ org: org(ctx), now: () => ctx.now() });
    for (const e of set.list()) {
      if (p.Server !== undefined && p.Server !== null && e.server.toLowerCase() !== String(p.Server).toLowerCase() && org(ctx).server(String(p.Server))?.name !== e.server) continue;
      if (!kinds.includes(e.kind)) continue;
      ctx.write(endpointObject(e, view, presentedCertificate));
    }
  },
});

export const stopLabEndpoint = defineCmdlet({
  name: 'Stop-LabEndpoint',
  module: LAB_MODULE,
  typeNamespace: LAB_NAMESPACE,
  synopsis: 'Stops lab endpoints.',
  description: 'Stop-LabEndpoint stops the listeners Start-LabEndpoint started (default: all of them; -Server and -Service narrow it, or pipe Get-LabEndpoint objects). Open connections are closed.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Server: { type: 'String', complete: 'machine', help: "Only this server's listeners.", sets: { __AllParameterSets: { position: 0, fromPipelineByPropertyName: true } } },
    Service: { ...SERVICE_PARAMETER, sets: { __AllParameterSets: { fromPipelineByPropertyName: true } } },
  },
  examples: [{ code: 'Start-LabEndpoint Ex2007EE -Service HTTPS | Out-Null; Stop-LabEndpoint; (Get-LabEndpoint | Measure-Object).Count', remarks: 'Stops every listener.', shows: '0' }],
  related: ['Start-LabEndpoint', 'Get-LabEndpoint'],
  async process(p, ctx) {
    const set = await labEndpoints(ctx);
    const kinds = kindsOf(p.Service);
    const server = p.Server === undefined || p.Server === null ? undefined : (org(ctx).server(String(p.Server))?.name ?? String(p.Server));
    for (const e of set.list()) {
      if (server && e.server.toLowerCase() !== server.toLowerCase()) continue;
      if (!kinds.includes(e.kind)) continue;
      if (!(await ctx.shouldProcess(`${e.server} ${e.kind} on 127.0.0.1:${e.port}`, 'Stop-LabEndpoint'))) continue;
      await set.stop(e);
    }
  },
});
