// Views of the configuration objects. Where the 2007 sources give the default table (Get-
// ExchangeServer, Get-Mailbox, Get-UMServer) it is copied; elsewhere (connectors, virtual
// directories, POP/IMAP, transport server, dial plans) they show none, so the columns
// are the ones later Exchange versions show, or the ones a 2007 admin looks at (noted per view).

import { registerView, type ColumnSpec } from '../../format/views.js';

const SC = 'Microsoft.Exchange.Data.Directory.SystemConfiguration';
const MGMT = 'Microsoft.Exchange.Data.Directory.Management';

export const EXCHANGE_SERVER_TYPE = `${MGMT}.ExchangeServer`;
export const MAILBOX_TYPE = `${MGMT}.Mailbox`;
export const ACCEPTED_DOMAIN_TYPE = `${SC}.AcceptedDomain`;
export const TRANSPORT_SERVER_TYPE = `${MGMT}.TransportServer`;
export const RECEIVE_CONNECTOR_TYPE = `${SC}.ReceiveConnector`;
export const SEND_CONNECTOR_TYPE = `${SC}.SmtpSendConnectorConfig`;
export const TRANSPORT_CONFIG_TYPE = `${SC}.TransportConfigContainer`;
export const CLIENT_ACCESS_SERVER_TYPE = `${MGMT}.ClientAccessServer`;
export const OUTLOOK_ANYWHERE_TYPE = `${SC}.ADRpcHttpVirtualDirectory`;
export const POP_SETTINGS_TYPE = `${SC}.Pop3AdConfiguration`;
export const IMAP_SETTINGS_TYPE = `${SC}.Imap4AdConfiguration`;
export const UM_SERVER_TYPE = `${MGMT}.UMServer`;
export const UM_DIAL_PLAN_TYPE = `${SC}.UMDialPlan`;
/** Virtual directory object types by directory name. */
export const VDIR_TYPES = {
  owa: `${SC}.ADOwaVirtualDirectory`,
  OAB: `${SC}.ADOabVirtualDirectory`,
  'Microsoft-Server-ActiveSync': `${SC}.ADMobileVirtualDirectory`,
  EWS: `${SC}.ADWebServicesVirtualDirectory`,
  Autodiscover: `${SC}.ADAutodiscoverVirtualDirectory`,
  UnifiedMessaging: `${SC}.ADUMVirtualDirectory`,
} as const;

const col = (label: string, width?: number): ColumnSpec => ({ label, property: label, width });
const table = (typeName: string, columns: ColumnSpec[]) => registerView({ typeName, shape: 'table', table: { columns } });

// The 2007/2010 default table.
table(EXCHANGE_SERVER_TYPE, [col('Name', 19), col('Site', 20), col('ServerRole', 11), col('Edition', 11), col('AdminDisplayVersion')]);
// 2007 Get-Mailbox: ServerName is shown in lower case, as the directory stores it.
table(MAILBOX_TYPE, [col('Name', 25), col('Alias', 20), col('ServerName', 16), col('ProhibitSendQuota')]);
table(ACCEPTED_DOMAIN_TYPE, [col('Name', 30), col('DomainName', 30), col('DomainType', 18), col('Default')]);
// Not in the sources: the logging settings a trainee changes.
table(TRANSPORT_SERVER_TYPE, [col('Name', 16), col('IntraOrgConnectorProtocolLoggingLevel', 37), col('SendProtocolLogMaxAge', 21), col('ReceiveProtocolLogMaxAge')]);
// Exchange 2010's default tables.
table(RECEIVE_CONNECTOR_TYPE, [col('Identity', 40), col('Bindings', 30), col('Enabled')]);
table(SEND_CONNECTOR_TYPE, [col('Identity', 30), col('AddressSpaces', 30), col('Enabled')]);
registerView({ typeName: TRANSPORT_CONFIG_TYPE, shape: 'list' });
// Not in the sources: name, server and the URLs the certificate must cover.
for (const t of Object.values(VDIR_TYPES)) table(t, [col('Name'), col('Server'), col('InternalUrl'), col('ExternalUrl')]);
table(OUTLOOK_ANYWHERE_TYPE, [col('ServerName', 12), col('ExternalHostname', 30), col('ClientAuthenticationMethod', 26), col('SSLOffloading')]);
table(CLIENT_ACCESS_SERVER_TYPE, [col('Name', 16), col('OutlookAnywhereEnabled', 22), col('AutoDiscoverServiceInternalUri')]);
// Exchange 2010's default POP/IMAP table.
for (const t of [POP_SETTINGS_TYPE, IMAP_SETTINGS_TYPE]) table(t, [col('UnencryptedOrTLSBindings', 25), col('SSLBindings', 22), col('LoginType', 19), col('X509CertificateName')]);
// The fields of a 2007 sample.
table(UM_SERVER_TYPE, [col('Name', 17), col('DialPlans', 20), col('Languages', 20), col('Status')]);
table(UM_DIAL_PLAN_TYPE, [col('Name', 20), col('NumberOfDigitsInExtension', 25), col('URIType', 10), col('VoIPSecurity')]);
