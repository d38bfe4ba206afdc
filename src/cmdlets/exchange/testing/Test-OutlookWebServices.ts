// Test-OutlookWebServices (Exchange 2007, issue 8): runs Autodiscover for a mailbox against a
// Client Access server, then contacts every URL Autodiscover returned - the Availability service
// (AS), the Offline Address Book, UM - for the internal (EXCH) and, when Outlook Anywhere is on,
// the external (EXPR) provider, and RPC over HTTP. Each step is a real connection from the
// server you are on; a certificate that does not validate from there is reported with .NET's
// SslPolicyErrors (RemoteCertificateNameMismatch, RemoteCertificateChainErrors) and the test goes
// on, as 2007's did. Ids and wording follow 2007's sample output: 1003 start, 1006
// Autodiscover, 1016 AS, 1015 OAB, 1014 not configured, 1017 RPC/HTTP, 1005 a certificate error;
// 1013 (a service that could not be contacted) is the lab's id for what the samples do not show.

import { defineCmdlet, type CmdletContext } from '../../../protocol/cmdlet.js';
import { PSObject } from '../../../protocol/values.js';
import { registerView } from '../../../format/views.js';
import type { ClientService } from '../../../exchange/endpoints/network.js';
import { EXCHANGE_MODULE, exchangeError } from '../common.js';
import { labEndpoints } from '../../lab/endpoints-service.js';
import { org } from '../config-common.js';
import { localConnector, sslPolicyErrors, targetCas } from './common.js';

export const OWS_RESULT_TYPE = 'Microsoft.Exchange.Monitoring.TestOutlookWebServicesResult';
type Kind = 'Information' | 'Success' | 'Warning' | 'Error';

registerView({
  typeName: OWS_RESULT_TYPE,
  shape: 'table',
  table: { columns: [{ label: 'Id', property: 'Id', alignment: 'Right' }, { label: 'Type', property: 'Type' }, { label: 'Message', property: 'Message' }] },
});

function row(ctx: CmdletContext, id: number, type: Kind, message: string): void {
  ctx.write(PSObject.fromRecord({ Id: id, Type: type, Message: message }, [OWS_RESULT_TYPE, 'System.Object']));
}

/** `<Type>EXCH</Type> ... <ASUrl>x</ASUrl>` -> the URLs of each provider in an Autodiscover response. */
export function autodiscoverUrls(xml: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const m of xml.matchAll(/<Protocol>([\s\S]*?)<\/Protocol>/g)) {
    const body = m[1]!;
    const type = /<Type>([^<]+)<\/Type>/.exec(body)?.[1];
    if (!type) continue;
    const urls: Record<string, string> = {};
    for (const u of body.matchAll(/<(\w+Url|Server)>([^<]+)<\/\1>/g)) urls[u[1]!] = u[2]!.replace(/&amp;/g, '&');
    out[type] = urls;
  }
  return out;
}

export default defineCmdlet({
  name: 'Test-OutlookWebServices',
  module: EXCHANGE_MODULE,
  typeNamespace: 'Microsoft.Exchange.Management.SystemConfigurationTasks',
  synopsis: 'Tests Autodiscover and the web services it hands to Outlook 2007 (Availability, OAB, UM, Outlook Anywhere).',
  description:
    'Test-OutlookWebServices runs Autodiscover for a mailbox (-Identity, default the Administrator\'s) against a Client Access server (-ClientAccessServer, default this server if it is one, at its AutoDiscoverServiceInternalUri) and then contacts each URL the response gives: the Availability service (AS, EWS) and the Offline Address Book for the internal provider [EXCH] and, when Outlook Anywhere is enabled, for the external provider [EXPR] together with RPC over HTTP. ' +
    'Every contact is a real connection from the server you are on. A certificate that does not validate from there (issuer not trusted by this server, the URL\'s host name missing from it, outside its dates by the lab clock) is reported as Id 1005 with .NET\'s error, RemoteCertificateNameMismatch or RemoteCertificateChainErrors and the certificate\'s subject - the usual sign that the URLs use names the IIS certificate does not carry (KB940726: point InternalUrl at a name on the certificate). ' +
    'Each result has an Id, a Type (Information, Success, Warning, Error) and a Message.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Identity: { type: 'String', help: 'The mailbox (SMTP address, alias or name) to run Autodiscover for; default Administrator.', sets: { __AllParameterSets: { position: 0, fromPipeline: true } } },
    ClientAccessServer: { type: 'String', complete: 'machine', help: 'The Client Access server to run Autodiscover against.' },
    TargetAddress: { type: 'String[]', help: 'Mailboxes to test free/busy against (accepted).' },
    DomainController: { type: 'String', help: 'Accepted and ignored in the lab.' },
  },
  outputType: [OWS_RESULT_TYPE],
  examples: [
    { code: 'Test-OutlookWebServices -Identity alice@proexchange.global | Format-List', remarks: "Runs Autodiscover for Alice and contacts the URLs it returns; Ex2007EE does not trust its own self-signed certificate, so each contact reports RemoteCertificateChainErrors.", shows: 'RemoteCertificateChainErrors' },
  ],
  related: ['Test-LabClient', 'Set-WebServicesVirtualDirectory', 'Set-ClientAccessServer'],
  async process(p, ctx) {
    const o = org(ctx);
    const id = p.Identity === undefined ? 'Administrator' : String(p.Identity).trim();
    const mailbox = (o.state.mailboxes ?? []).find((m) => [m.primarySmtpAddress, m.alias, m.name].some((n) => n.toLowerCase() === id.toLowerCase()));
    if (!mailbox) {
      ctx.writeError(exchangeError(ctx, 'ErrorRecipientNotFound', `The operation could not be performed because object '${id}' could not be found on domain controller 'DC01.${o.state.adDomain}'.`, 'ObjectNotFound', id, 'ManagementObjectNotFoundException'));
      return;
    }
    const cas = targetCas(ctx, p.ClientAccessServer);
    if (!cas?.state.clientAccess) return;
    const adUrl = cas.state.clientAccess.autoDiscoverServiceInternalUri;
    if (!(await ctx.shouldProcess(mailbox.primarySmtpAddress, 'Test-OutlookWebServices'))) return;
    const { reach, ClientTestError } = await import('../../../exchange/endpoints/client-test.js');
    const view = { org: o, now: () => ctx.now() };
    const set = await labEndpoints(ctx);
    const who = localConnector(ctx);

    /** Contacts a URL; writes 1005 for a certificate error; returns the response body, or undefined when not contacted. */
    const contact = async (service: ClientService, url: string, method = 'GET'): Promise<{ body: string } | { error: string }> => {
      try {
        const r = await reach(view, set, who, service, url, method);
        if (r.failure) return { error: r.failure };
        if (r.checks && r.certificate) {
          const errors = sslPolicyErrors(r.checks);
          if (errors) row(ctx, 1005, 'Error', `When accessing ${url} the error "${errors}:${r.certificate.subject}" was reported.`);
        }
        const status = r.probe?.status;
        if (status !== undefined && status >= 403) return { error: `The remote server returned an error: (${status}).` };
        return { body: r.probe?.body ?? '' };
      } catch (e) {
        if (!(e instanceof ClientTestError)) throw e;
        return { error: e.message };
      }
    };

    row(ctx, 1003, 'Information', `About to test AutoDiscover with the e-mail address ${mailbox.primarySmtpAddress}.`);
    const ad = await contact('Autodiscover', adUrl, 'POST');
    if ('error' in ad) {
      row(ctx, 1013, 'Error', `When contacting ${adUrl} received the error ${ad.error}`);
      return;
    }
    row(ctx, 1006, 'Information', `Contacted AutoDiscover at ${adUrl}.`);
    const providers = autodiscoverUrls(ad.body);
    for (const type of ['EXCH', 'EXPR'] as const) {
      const urls = providers[type];
      if (!urls) continue;
      const tag = `[${type}]`;
      for (const [key, name, id, service] of [['ASUrl', 'AS', 1016, 'EWS'], ['OABUrl', 'OAB', 1015, 'OAB']] as const) {
        const url = urls[key];
        if (!url) {
          row(ctx, 1014, 'Information', `${tag}-The ${name} is not configured for this user.`);
          continue;
        }
        const r = await contact(service, url);
        if ('error' in r) row(ctx, 1013, 'Error', `${tag}-Error when contacting the ${name} service at ${url}: ${r.error}`);
        else row(ctx, id, 'Success', `${tag}-Successfully contacted the ${name} service at ${url}.`);
      }
      row(ctx, 1014, 'Information', `${tag}-The UM is not configured for this user.`);
      if (type === 'EXPR' && urls.Server) {
        const url = `https://${urls.Server}/Rpc`;
        const r = await contact('OutlookAnywhere', `https://${urls.Server}/rpc/rpcproxy.dll`);
        if ('error' in r) row(ctx, 1013, 'Error', `${tag}-Error when contacting the RPC/HTTP service at ${url}: ${r.error}`);
        else row(ctx, 1017, 'Success', `${tag}-Successfully contacted the RPC/HTTP service at ${url}.`);
      }
    }
    row(ctx, 1006, 'Success', 'Successfully tested AutoDiscover.');
  },
});
