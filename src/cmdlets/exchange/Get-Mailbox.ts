// Get-Mailbox: the lab's mailboxes (a few per mailbox server), with Exchange's recipient identity
// forms: name, alias, SMTP address, DOMAIN\alias, UPN or the OU path.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import type { MailboxState } from '../../exchange/model.js';
import type { Organization } from '../../exchange/organization.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import { AD_OBJECT_ID_TYPE, asADObjectIds } from '../../exchange/ad-object-id.js';
import { configDn, configObject, findObjects, findServers, guidOf, identityParameter, identityText, org, serverParameter, type PropSpec } from './config-common.js';
import { MAILBOX_TYPE } from './config-views.js';

const netbios = (o: Organization) => o.state.adDomain.split('.')[0]!.toUpperCase();

export function mailboxNames(o: Organization, m: MailboxState): string[] {
  return [m.name, m.alias, m.primarySmtpAddress, `${netbios(o)}\\${m.alias}`, `${m.alias}@${o.state.adDomain}`, `${o.state.adDomain}/Users/${m.name}`];
}

export function mailboxObject(o: Organization, m: MailboxState) {
  const id = () => `${o.state.adDomain}/Users/${m.name}`;
  const props: PropSpec[] = [
    // A mailbox's DN is in the domain; its database's is in the organization's configuration.
    ['Database', AD_OBJECT_ID_TYPE, () => asADObjectIds('Database', m.database, () => configDn(o, []))],
    ['UseDatabaseQuotaDefaults', 'System.Nullable`1[[System.Boolean]]', () => true],
    ['IssueWarningQuota', 'Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize]]', () => 'unlimited'],
    ['ProhibitSendQuota', 'Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize]]', () => 'unlimited'],
    ['ProhibitSendReceiveQuota', 'Microsoft.Exchange.Data.Unlimited`1[[Microsoft.Exchange.Data.ByteQuantifiedSize]]', () => 'unlimited'],
    ['ServerName', 'System.String', () => m.server.toLowerCase()],
    ['SamAccountName', 'System.String', () => m.alias],
    ['UserPrincipalName', 'System.String', () => `${m.alias}@${o.state.adDomain}`],
    ['Alias', 'System.String', () => m.alias],
    ['OrganizationalUnit', 'System.String', () => `${o.state.adDomain}/Users`],
    ['DisplayName', 'System.String', () => m.name],
    ['EmailAddresses', 'Microsoft.Exchange.Data.ProxyAddressCollection', () => [`SMTP:${m.primarySmtpAddress}`]],
    ['PrimarySmtpAddress', 'Microsoft.Exchange.Data.SmtpAddress', () => m.primarySmtpAddress],
    ['RecipientType', 'Microsoft.Exchange.Data.Directory.Recipient.RecipientType', () => 'UserMailbox'],
    ['RecipientTypeDetails', 'Microsoft.Exchange.Data.Directory.Recipient.RecipientTypeDetails', () => 'UserMailbox'],
    ['WindowsEmailAddress', 'Microsoft.Exchange.Data.SmtpAddress', () => m.primarySmtpAddress],
    ['Identity', 'Microsoft.Exchange.Data.ObjectId', id],
    ['IsValid', 'System.Boolean', () => true],
    ['Name', 'System.String', () => m.name],
    ['DistinguishedName', 'System.String', () => `CN=${m.name},CN=Users,${o.state.adDomain.split('.').map((p) => `DC=${p}`).join(',')}`],
    ['Guid', 'System.Guid', () => guidOf(id())],
  ];
  return configObject([MAILBOX_TYPE, 'Microsoft.Exchange.Data.Directory.Management.MailEnabledOrgPerson'], id, props);
}

export default defineCmdlet({
  name: 'Get-Mailbox',
  module: EXCHANGE_MODULE,
  typeNamespace: 'Microsoft.Exchange.Management.RecipientTasks',
  synopsis: 'Lists mailboxes.',
  description:
    'Get-Mailbox returns mailboxes. -Identity accepts a name, alias, SMTP address, DOMAIN\\alias, user principal name or the Active Directory path (proexchange.local/Users/Alice), with * wildcards; -Server lists the mailboxes stored on one mailbox server. The table shows name, alias, the mailbox server (in lower case, as Exchange 2007 shows it) and the send quota.',
  defaultParameterSet: 'Identity',
  parameters: {
    Identity: identityParameter('The mailbox: name, alias, SMTP address, DOMAIN\\alias, UPN; * wildcards allowed.', false, 'Identity'),
    Server: serverParameter('Lists the mailboxes on this mailbox server.', 'Server', true),
    Database: { type: 'String', help: 'Lists the mailboxes in this database (Server\\Storage group\\Database).', sets: { Database: { mandatory: true } } },
    ResultSize: { type: 'String', help: 'The maximum number of mailboxes to return, or Unlimited (default 1000).' },
    DomainController: domainControllerParameter,
  },
  outputType: [MAILBOX_TYPE],
  examples: [
    { code: 'Get-Mailbox', remarks: 'Lists every mailbox with its server.', shows: 'ProhibitSendQuota' },
    { code: 'Get-Mailbox -Server Ex2007SE', remarks: 'The mailboxes of the Site-B server.', shows: 'carol' },
    { code: 'Get-Mailbox alice | Format-List Name,PrimarySmtpAddress,Database', remarks: 'One mailbox by alias, with its address and database.', shows: 'alice@proexchange.global' },
  ],
  process(p, ctx) {
    const o = org(ctx);
    let list = o.state.mailboxes ?? [];
    if (ctx.parameterSetName === 'Server') {
      const s = findServers(ctx, String(p.Server), { single: true, terminating: false });
      if (!s) return;
      list = list.filter((m) => m.server.toLowerCase() === s[0]!.name.toLowerCase());
    } else if (ctx.parameterSetName === 'Database') {
      const d = String(p.Database).toLowerCase();
      list = list.filter((m) => m.database.toLowerCase() === d || m.database.toLowerCase().endsWith(`\\${d}`));
    } else if (p.Identity !== undefined && p.Identity !== null) {
      const id = identityText(p.Identity);
      const found = findObjects(ctx, list, id, (m) => mailboxNames(o, m), false);
      if (!found) return;
      if (found.length > 1 && !id.includes('*')) {
        findObjects(ctx, list, id, (m) => mailboxNames(o, m), true);
        return;
      }
      list = found;
    }
    const limit = p.ResultSize === undefined || /^unlimited$/i.test(String(p.ResultSize)) ? Infinity : Number(p.ResultSize) || 1000;
    for (const m of list.slice(0, limit)) ctx.write(mailboxObject(o, m));
  },
});
