// New-EdgeSubscription: on the Edge, writes the subscription file (the Edge's internal transport
// certificate and the bootstrap account); on a Hub, imports it for an Active Directory site, so
// that the Hub trusts exactly that certificate for the Edge (direct trust).

import { defineCmdlet, type CmdletContext } from '../../../protocol/cmdlet.js';
import { TerminatingError } from '../../../protocol/errors.js';
import type { EdgeSubscriptionState, SendConnectorState } from '../../../exchange/model.js';
import { sendConnectorState } from '../../../exchange/defaults.js';
import { isEdge, isHub } from '../../../exchange/transport/config.js';
import { parseSubscriptionXml, subscriptionXml, SUBSCRIPTION_MINUTES } from '../../../exchange/transport/edgesync.js';
import { internalTransportCertificate } from '../../../exchange/transport/select.js';
import { EXCHANGE_MODULE, domainControllerParameter, exchangeError, org, shouldProcess } from '../common.js';
import { resolveSite } from '../../../exchange/identity.js';

export const edgeSubscriptionMessages = {
  creating: 'Creating an Edge Subscription.',
  xmlExtension: 'The subscription file must have an .xml extension.',
  noCertificate: 'The task cannot locate the certificate to produce the subscription file. Check the local machine certificate store to ensure a certificate is installed for this server.',
  duplicate: (t: string) =>
    `The direct trust certificate of the subscribed Edge Transport server with thumbprint ${t} is a duplicate of the certificate of one of the HubTransport servers. Sharing the same certificate between Edge and Hub Transport servers is not allowed.`,
  // Lab wording (2007's exact texts for these were not found).
  confirmOnEdge: (minutes: number) =>
    `After the Edge Subscription is created, EdgeSync manages this Edge Transport server: accepted domains, remote domains, message classifications and Send connectors created here by hand are replaced by the organization's. The Hub Transport servers of the site and this server must resolve each other's FQDN. Import the file on a Hub Transport server within ${minutes} minutes, before the bootstrap account expires.`,
  wrongRole: 'New-EdgeSubscription runs on an Edge Transport server (to write the subscription file) or on a Hub Transport server (to import it).',
  siteNotFound: (site: string) => `The Active Directory site "${site}" was not found. Please make sure you typed the name correctly.`,
  noHubInSite: (site: string) => `There is no Hub Transport server in Active Directory site "${site}" to synchronize with the Edge Transport server.`,
  expired: (minutes: number) =>
    `The bootstrap account in the subscription file has expired (it is valid for ${minutes} minutes). Run New-EdgeSubscription on the Edge Transport server again and import the new file.`,
  unreadable: (reason: string) => `The subscription file cannot be read: ${reason}`,
};

function readText(ctx: CmdletContext, path: string): string | { error: string } {
  try {
    const bytes = ctx.fs.readBytes(ctx.fs.resolve(path, ctx.session.getLocation()));
    let text = Buffer.from(bytes).toString('utf8');
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = Buffer.from(bytes.subarray(2)).toString('utf16le');
    return text.replace(/^\uFEFF/, '');
  } catch (e) {
    if (e instanceof TerminatingError) return { error: e.record.message };
    throw e;
  }
}

function edgeSyncConnector(name: string, addressSpace: string, edge: string, smartHosts: string[]): SendConnectorState {
  return sendConnectorState(name, [addressSpace], [edge], smartHosts);
}

export default defineCmdlet({
  name: 'New-EdgeSubscription',
  module: EXCHANGE_MODULE,
  typeNamespace: 'Microsoft.Exchange.Management.SystemConfigurationTasks',
  synopsis: 'Creates an Edge Subscription: exports the subscription file on the Edge, imports it on a Hub.',
  description:
    'On an Edge Transport server, New-EdgeSubscription -FileName writes the subscription file: XML with the Edge\'s internal transport (default SMTP) certificate and the EdgeSync bootstrap replication account, which must be imported within 1440 minutes. ' +
    'On a Hub Transport server, New-EdgeSubscription -FileName <file> -Site <site> imports it: the Edge\'s certificate is published in Active Directory and from then on it is the only certificate the Hub Transport servers trust for that Edge (direct trust, no CA involved). The EdgeSync Send connectors "EdgeSync - <site> to Internet" and "EdgeSync - Inbound to <site>" are created unless turned off. ' +
    'If the Edge\'s internal transport certificate is replaced later (Enable-ExchangeCertificate -Services SMTP on the Edge), synchronization and mail from the Edge fail until the Edge is subscribed again.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  parameters: {
    FileName: { type: 'String', complete: 'path', help: 'The subscription file: written on the Edge (c:\\edge.xml), read on the Hub (\\\\EDGE01\\c$\\edge.xml).', sets: { __AllParameterSets: { mandatory: true } } },
    Site: { type: 'String', help: 'On a Hub: the Active Directory site the Edge is subscribed to (default: the Hub\'s site).' },
    CreateInternetSendConnector: { type: 'Boolean', help: 'On a Hub: creates "EdgeSync - <site> to Internet" (default $true).' },
    CreateInboundSendConnector: { type: 'Boolean', help: 'On a Hub: creates "EdgeSync - Inbound to <site>" (default $true).' },
    Force: { type: 'Switch', help: 'On the Edge: writes the file without the confirmation question.' },
    DomainController: domainControllerParameter,
  },
  examples: [
    {
      code: "Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force; Get-Content c:\\edge.xml | Where-Object { $_ -like '*EdgeServerFQDN*' }",
      remarks: 'On the Edge: writes the subscription file with the Edge\'s SMTP certificate.',
      shows: '<EdgeServerFQDN>EDGE01.proexchange.global</EdgeServerFQDN>',
    },
    {
      setup: 'Enter-LabServer EDGE01; New-EdgeSubscription -FileName c:\\edge.xml -Force; Enter-LabServer Ex2007EE',
      code: 'New-EdgeSubscription -FileName \\\\EDGE01\\c$\\edge.xml -Site Site-A; Get-EdgeSubscription',
      remarks: 'On a Hub of Site-A: imports the file; the Edge\'s certificate thumbprint is now published for direct trust.',
      shows: 'Site-A',
    },
  ],
  async process(p, ctx) {
    const o = org(ctx);
    const server = o.current.state;
    const file = String(p.FileName);
    if (!/\.xml$/i.test(file.trim())) {
      ctx.writeError(exchangeError(ctx, 'ErrorSubscriptionFileExtension', edgeSubscriptionMessages.xmlExtension, 'InvalidArgument', file));
      return;
    }
    if (isEdge(server)) {
      const cert = internalTransportCertificate(server, ctx.now());
      if (!cert) {
        ctx.writeError(exchangeError(ctx, 'ErrorCannotFindCertificate', edgeSubscriptionMessages.noCertificate, 'ObjectNotFound', server.name));
        return;
      }
      if (!(await shouldProcess(ctx, edgeSubscriptionMessages.creating))) return;
      if (!p.Force && !(await ctx.shouldContinue(edgeSubscriptionMessages.confirmOnEdge(SUBSCRIPTION_MINUTES), 'Confirm'))) return;
      try {
        const target = ctx.fs.resolve(file, ctx.session.getLocation());
        ctx.fs.writeBytes(target, new Uint8Array(Buffer.from(subscriptionXml(server, cert, ctx.now()), 'utf8')));
      } catch (e) {
        if (!(e instanceof TerminatingError)) throw e;
        ctx.writeError(exchangeError(ctx, 'ErrorSubscriptionFileWrite', `The subscription file cannot be written: ${e.record.message}`, 'WriteError', file, 'IOException'));
      }
      return;
    }
    if (!isHub(server)) {
      ctx.writeError(exchangeError(ctx, 'ErrorEdgeSubscriptionWrongRole', edgeSubscriptionMessages.wrongRole, 'InvalidOperation', server.name));
      return;
    }
    const site = p.Site === undefined ? server.site ?? '' : String(p.Site).trim();
    const siteName = resolveSite(o, site);
    if (!siteName) {
      ctx.writeError(exchangeError(ctx, 'ErrorSiteNotFound', edgeSubscriptionMessages.siteNotFound(site), 'ObjectNotFound', site, 'ManagementObjectNotFoundException'));
      return;
    }
    if (!o.state.servers.some((s) => isHub(s) && s.site === siteName)) {
      ctx.writeError(exchangeError(ctx, 'ErrorNoHubInSite', edgeSubscriptionMessages.noHubInSite(siteName), 'InvalidOperation', siteName));
      return;
    }
    const text = readText(ctx, file);
    if (typeof text !== 'string') {
      ctx.writeError(exchangeError(ctx, 'ErrorSubscriptionFileRead', edgeSubscriptionMessages.unreadable(text.error), 'ReadError', file, 'IOException'));
      return;
    }
    const data = parseSubscriptionXml(text);
    if (typeof data === 'string') {
      ctx.writeError(exchangeError(ctx, 'ErrorSubscriptionFileInvalid', edgeSubscriptionMessages.unreadable(data), 'InvalidData', file));
      return;
    }
    if (ctx.now().getTime() > data.effectiveDate.getTime() + data.durationMinutes * 60000) {
      ctx.writeError(exchangeError(ctx, 'ErrorSubscriptionExpired', edgeSubscriptionMessages.expired(data.durationMinutes), 'InvalidOperation', file));
      return;
    }
    if (o.state.servers.some((s) => isHub(s) && s.certificates.some((c) => c.thumbprint === data.thumbprint))) {
      ctx.writeError(exchangeError(ctx, 'ErrorDuplicateDirectTrustCertificate', edgeSubscriptionMessages.duplicate(data.thumbprint), 'InvalidOperation', data.thumbprint));
      return;
    }
    const edge = o.server(data.edgeServerName);
    if (!edge || !isEdge(edge.state)) {
      ctx.writeError(exchangeError(ctx, 'ErrorEdgeNotFound', `Exchange server "${data.edgeServerName}" was not found. Please make sure you typed the name correctly.`, 'ObjectNotFound', data.edgeServerName, 'ManagementObjectNotFoundException'));
      return;
    }
    if (!(await shouldProcess(ctx, edgeSubscriptionMessages.creating))) return;
    const sub: EdgeSubscriptionState = {
      edge: edge.name,
      site: siteName,
      edgeCertificateThumbprint: data.thumbprint,
      edgeCertificatePem: data.certificatePem,
      createdAt: ctx.now().toISOString(),
    };
    const subs = (o.state.edgeSubscriptions ??= []);
    const i = subs.findIndex((s) => s.edge.toLowerCase() === edge.name.toLowerCase());
    if (i >= 0) subs[i] = sub;
    else subs.push(sub);
    const connectors = o.state.sendConnectors;
    if (connectors) {
      const add = (c: SendConnectorState) => {
        if (!connectors.some((x) => x.name.toLowerCase() === c.name.toLowerCase())) connectors.push(c);
      };
      if (p.CreateInternetSendConnector !== false) add(edgeSyncConnector(`EdgeSync - ${siteName} to Internet`, 'SMTP:*;100', edge.name, []));
      if (p.CreateInboundSendConnector !== false) add(edgeSyncConnector(`EdgeSync - Inbound to ${siteName}`, 'SMTP:--;100', edge.name, ['--']));
    }
    o.touch();
  },
});
