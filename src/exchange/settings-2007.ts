// Exchange 2007 SP1's documented settings of the configuration objects, with 2007's defaults
// (from the 2007 SP1 cmdlet reference; where it gives none, the value a 2007 server shows after
// setup). Declarations only: src/cmdlets/exchange/settings-params.ts turns them into parameters
// and properties. The settings the lab acts on (TLS, bindings, logging ...) keep their typed
// fields in model.ts and are not repeated here.

import { enumSetting, setting, type SettingSpec } from './settings.js';

const SC = 'Microsoft.Exchange.Data.Directory.SystemConfiguration';
const byRole = <V>(hub: V, edge: V) => (c: { edge: boolean }) => (c.edge ? edge : hub);

/** Receive connector settings (Set-/New-ReceiveConnector). */
export const RECEIVE_CONNECTOR_SETTINGS: SettingSpec[] = [
  setting('Banner', 'string', null),
  setting('BinaryMimeEnabled', 'bool', true),
  setting('ChunkingEnabled', 'bool', true),
  { ...setting('DefaultDomain', 'string', null), typeName: 'Microsoft.Exchange.Data.Directory.ADObjectId' },
  setting('DeliveryStatusNotificationEnabled', 'bool', true),
  setting('EightBitMimeEnabled', 'bool', true),
  setting('EnhancedStatusCodesEnabled', 'bool', true),
  setting('LongAddressesEnabled', 'bool', false),
  setting('OrarEnabled', 'bool', false),
  setting('Comment', 'string', null),
  setting('ConnectionTimeout', 'timespan', byRole('00:10:00', '00:05:00')),
  setting('ConnectionInactivityTimeout', 'timespan', byRole('00:05:00', '00:01:00')),
  setting('MessageRateLimit', 'unlimitedInt', byRole<string | number>('unlimited', 600), { range: [1, 2147483647] }),
  setting('MaxInboundConnection', 'unlimitedInt', 5000, { range: [1, 2147483647] }),
  setting('MaxInboundConnectionPerSource', 'unlimitedInt', 100, { range: [1, 10000] }),
  setting('MaxInboundConnectionPercentagePerSource', 'int', 2, { range: [1, 100] }),
  setting('MaxHeaderSize', 'size', '64KB'),
  setting('MaxHopCount', 'int', 30, { range: [1, 500] }),
  setting('MaxLocalHopCount', 'int', 8, { range: [0, 50] }),
  setting('MaxLogonFailures', 'int', 3, { range: [0, 10] }),
  setting('MaxMessageSize', 'size', '10MB'),
  setting('MaxProtocolErrors', 'unlimitedInt', 5, { range: [0, 2147483647] }),
  setting('MaxRecipientsPerMessage', 'int', 200, { range: [1, 512000] }),
  setting('PipeliningEnabled', 'bool', true),
  setting('RequireEHLODomain', 'bool', false),
  setting('EnableAuthGSSAPI', 'bool', false),
  enumSetting('SizeEnabled', 'Microsoft.Exchange.Data.SizeMode', ['Disabled', 'Enabled', 'EnabledWithoutValue'], 'Enabled'),
  setting('TarpitInterval', 'timespan', '00:00:05'),
];

/** 2007's Format-List order of a ReceiveConnector (before the directory object's tail). */
export const RECEIVE_CONNECTOR_ORDER = [
  'AuthMechanism', 'Banner', 'BinaryMimeEnabled', 'Bindings', 'ChunkingEnabled', 'DefaultDomain', 'DeliveryStatusNotificationEnabled',
  'EightBitMimeEnabled', 'DomainSecureEnabled', 'EnhancedStatusCodesEnabled', 'LongAddressesEnabled', 'OrarEnabled', 'Fqdn', 'Comment', 'Enabled',
  'ConnectionTimeout', 'ConnectionInactivityTimeout', 'MessageRateLimit', 'MaxInboundConnection', 'MaxInboundConnectionPerSource',
  'MaxInboundConnectionPercentagePerSource', 'MaxHeaderSize', 'MaxHopCount', 'MaxLocalHopCount', 'MaxLogonFailures', 'MaxMessageSize',
  'MaxProtocolErrors', 'MaxRecipientsPerMessage', 'PermissionGroups', 'PipeliningEnabled', 'ProtocolLoggingLevel', 'RemoteIPRanges',
  'RequireEHLODomain', 'RequireTLS', 'EnableAuthGSSAPI', 'Server', 'SizeEnabled', 'TarpitInterval',
] as const;

export const SMART_HOST_AUTH_VALUES = ['None', 'BasicAuth', 'BasicAuthRequireTLS', 'ExchangeServer', 'ExternalAuthoritative'] as const;

/** Send connector settings (Set-/New-SendConnector). */
export const SEND_CONNECTOR_SETTINGS: SettingSpec[] = [
  setting('AuthenticationCredential', 'credential', null),
  setting('Comment', 'string', null),
  setting('ConnectionInactivityTimeOut', 'timespan', '00:10:00'),
  setting('ForceHELO', 'bool', false),
  setting('IsScopedConnector', 'bool', false),
  { ...setting('LinkedReceiveConnector', 'string', null), typeName: 'Microsoft.Exchange.Data.Directory.ADObjectId' },
  setting('MaxMessageSize', 'unlimitedSize', '10MB'),
  setting('Port', 'int', 25, { range: [0, 65535] }),
  enumSetting('SmartHostAuthMechanism', `${SC}.SmtpSendConnectorConfig+AuthMechanisms`, SMART_HOST_AUTH_VALUES, 'None'),
  setting('SourceIPAddress', 'ipAddress', '0.0.0.0'),
  setting('UseExternalDNSServersEnabled', 'bool', false),
];

/** 2007's Format-List order of a Send connector (alphabetical, as its type declares them). */
export const SEND_CONNECTOR_ORDER = [
  'AddressSpaces', 'AuthenticationCredential', 'Comment', 'ConnectedDomains', 'ConnectionInactivityTimeOut', 'DNSRoutingEnabled',
  'DomainSecureEnabled', 'Enabled', 'ForceHELO', 'Fqdn', 'HomeMTA', 'HomeMtaServerId', 'Identity', 'IgnoreSTARTTLS', 'IsScopedConnector',
  'IsSmtpConnector', 'LinkedReceiveConnector', 'MaxMessageSize', 'Name', 'Port', 'ProtocolLoggingLevel', 'RequireTLS', 'SmartHostAuthMechanism',
  'SmartHosts', 'SmartHostsString', 'SourceIPAddress', 'SourceRoutingGroup', 'SourceTransportServers', 'UseExternalDNSServersEnabled',
] as const;

const TR = 'C:\\Program Files\\Microsoft\\Exchange Server\\TransportRoles';
const DNS_OPTION = ['Any', 'UseUdpOnly', 'UseTcpOnly'] as const;

/** Transport server settings (Set-TransportServer) besides the protocol log ones the lab uses. */
export const TRANSPORT_SERVER_SETTINGS: SettingSpec[] = [
  setting('AntispamAgentsEnabled', 'bool', byRole(false, true)),
  setting('ConnectivityLogEnabled', 'bool', false),
  setting('ConnectivityLogMaxAge', 'timespan', '30.00:00:00'),
  setting('ConnectivityLogMaxDirectorySize', 'unlimitedSize', '1000MB'),
  setting('ConnectivityLogMaxFileSize', 'unlimitedSize', '10MB'),
  setting('ConnectivityLogPath', 'path', `${TR}\\Logs\\Connectivity`),
  setting('ContentConversionTracingEnabled', 'bool', false),
  setting('DelayNotificationTimeout', 'timespan', '04:00:00'),
  setting('ExternalDelayDsnEnabled', 'bool', true),
  setting('ExternalDNSAdapterEnabled', 'bool', true),
  setting('ExternalDNSAdapterGuid', 'guid', '00000000-0000-0000-0000-000000000000'),
  enumSetting('ExternalDNSProtocolOption', `${SC}.ProtocolOption`, DNS_OPTION, 'Any'),
  setting('ExternalDNSServers', 'ipAddresses', []),
  setting('ExternalDsnDefaultLanguage', 'culture', null),
  setting('ExternalDsnLanguageDetectionEnabled', 'bool', true),
  setting('ExternalDsnMaxMessageAttachSize', 'size', '10MB'),
  { ...setting('ExternalDsnReportingAuthority', 'fqdn', null), typeName: 'Microsoft.Exchange.Data.SmtpDomain' },
  setting('ExternalDsnSendHtml', 'bool', true),
  setting('ExternalIPAddress', 'ipAddress', null),
  setting('ExternalPostmasterAddress', 'smtpAddress', null),
  setting('InternalDelayDsnEnabled', 'bool', true),
  setting('InternalDNSAdapterEnabled', 'bool', true),
  setting('InternalDNSAdapterGuid', 'guid', '00000000-0000-0000-0000-000000000000'),
  enumSetting('InternalDNSProtocolOption', `${SC}.ProtocolOption`, DNS_OPTION, 'Any'),
  setting('InternalDNSServers', 'ipAddresses', []),
  setting('InternalDsnDefaultLanguage', 'culture', null),
  setting('InternalDsnLanguageDetectionEnabled', 'bool', true),
  setting('InternalDsnMaxMessageAttachSize', 'size', '10MB'),
  { ...setting('InternalDsnReportingAuthority', 'fqdn', null), typeName: 'Microsoft.Exchange.Data.SmtpDomain' },
  setting('InternalDsnSendHtml', 'bool', true),
  setting('MaxConcurrentMailboxDeliveries', 'int', 20, { range: [1, 256] }),
  setting('MaxConcurrentMailboxSubmissions', 'int', 20, { range: [1, 256] }),
  setting('MaxConnectionRatePerMinute', 'int', 1200, { range: [1, 2147483647] }),
  setting('MaxOutboundConnections', 'unlimitedInt', 1000, { range: [1, 2147483647] }),
  setting('MaxPerDomainOutboundConnections', 'unlimitedInt', 20, { range: [1, 2147483647] }),
  setting('MessageExpirationTimeout', 'timespan', '2.00:00:00'),
  setting('MessageRetryInterval', 'timespan', '00:01:00'),
  setting('MessageTrackingLogEnabled', 'bool', true),
  setting('MessageTrackingLogMaxAge', 'timespan', '30.00:00:00'),
  setting('MessageTrackingLogMaxDirectorySize', 'unlimitedSize', '250MB'),
  setting('MessageTrackingLogMaxFileSize', 'size', '10MB'),
  setting('MessageTrackingLogPath', 'path', `${TR}\\Logs\\MessageTracking`),
  setting('MessageTrackingLogSubjectLoggingEnabled', 'bool', true),
  setting('OutboundConnectionFailureRetryInterval', 'timespan', '00:10:00'),
  setting('PickupDirectoryMaxHeaderSize', 'size', '64KB'),
  setting('PickupDirectoryMaxMessagesPerMinute', 'int', 100, { range: [1, 20000] }),
  setting('PickupDirectoryMaxRecipientsPerMessage', 'int', 100, { range: [1, 10000] }),
  setting('PickupDirectoryPath', 'path', `${TR}\\Pickup`),
  setting('PipelineTracingEnabled', 'bool', false),
  setting('PipelineTracingPath', 'path', `${TR}\\Logs\\PipelineTracing`),
  setting('PipelineTracingSenderAddress', 'smtpAddress', null),
  setting('PoisonMessageDetectionEnabled', 'bool', true),
  setting('PoisonThreshold', 'int', 2, { range: [1, 10] }),
  setting('QueueMaxIdleTime', 'timespan', '00:03:00'),
  setting('RecipientValidationCacheEnabled', 'bool', byRole(false, true)),
  setting('ReplayDirectoryPath', 'path', `${TR}\\Replay`),
  setting('RootDropDirectoryPath', 'string', null),
  setting('RoutingTableLogMaxAge', 'timespan', '7.00:00:00'),
  setting('RoutingTableLogMaxDirectorySize', 'unlimitedSize', '50MB'),
  setting('RoutingTableLogPath', 'path', `${TR}\\Logs\\Routing`),
  setting('TransientFailureRetryAttempts', 'int', 6, { range: [0, 15] }),
  setting('TransientFailureRetryInterval', 'timespan', '00:05:00'),
];

/** 2007's Format-List order of a TransportServer (names the lab computes are placed too). */
export const TRANSPORT_SERVER_ORDER = [
  'Name', 'AntispamAgentsEnabled', 'ConnectivityLogEnabled', 'ConnectivityLogMaxAge', 'ConnectivityLogMaxDirectorySize', 'ConnectivityLogMaxFileSize',
  'ConnectivityLogPath', 'ContentConversionTracingEnabled', 'DelayNotificationTimeout', 'ExternalDelayDsnEnabled', 'ExternalDNSAdapterEnabled',
  'ExternalDNSAdapterGuid', 'ExternalDNSProtocolOption', 'ExternalDNSServers', 'ExternalDsnDefaultLanguage', 'ExternalDsnLanguageDetectionEnabled',
  'ExternalDsnMaxMessageAttachSize', 'ExternalDsnReportingAuthority', 'ExternalDsnSendHtml', 'ExternalIPAddress', 'ExternalPostmasterAddress',
  'InternalDelayDsnEnabled', 'InternalDNSAdapterEnabled', 'InternalDNSAdapterGuid', 'InternalDNSProtocolOption', 'InternalDNSServers',
  'InternalDsnDefaultLanguage', 'InternalDsnLanguageDetectionEnabled', 'InternalDsnMaxMessageAttachSize', 'InternalDsnReportingAuthority',
  'InternalDsnSendHtml', 'IntraOrgConnectorProtocolLoggingLevel', 'MaxConcurrentMailboxDeliveries', 'MaxConcurrentMailboxSubmissions',
  'MaxConnectionRatePerMinute', 'MaxOutboundConnections', 'MaxPerDomainOutboundConnections', 'MessageExpirationTimeout', 'MessageRetryInterval',
  'MessageTrackingLogEnabled', 'MessageTrackingLogMaxAge', 'MessageTrackingLogMaxDirectorySize', 'MessageTrackingLogMaxFileSize',
  'MessageTrackingLogPath', 'MessageTrackingLogSubjectLoggingEnabled', 'OutboundConnectionFailureRetryInterval', 'PickupDirectoryMaxHeaderSize',
  'PickupDirectoryMaxMessagesPerMinute', 'PickupDirectoryMaxRecipientsPerMessage', 'PickupDirectoryPath', 'PipelineTracingEnabled',
  'PipelineTracingPath', 'PipelineTracingSenderAddress', 'PoisonMessageDetectionEnabled', 'PoisonThreshold', 'QueueMaxIdleTime',
  'ReceiveProtocolLogMaxAge', 'ReceiveProtocolLogMaxDirectorySize', 'ReceiveProtocolLogMaxFileSize', 'ReceiveProtocolLogPath',
  'RecipientValidationCacheEnabled', 'ReplayDirectoryPath', 'RootDropDirectoryPath', 'RoutingTableLogMaxAge', 'RoutingTableLogMaxDirectorySize',
  'RoutingTableLogPath', 'SendProtocolLogMaxAge', 'SendProtocolLogMaxDirectorySize', 'SendProtocolLogMaxFileSize', 'SendProtocolLogPath',
  'TransientFailureRetryAttempts', 'TransientFailureRetryInterval', 'InternalTransportCertificateThumbprint',
] as const;

const MIME_FORMATS = ['TextOnly', 'HtmlOnly', 'HtmlAndTextAlternative', 'TextEnrichedOnly', 'TextEnrichedAndTextAlternative', 'BestBodyFormat', 'Tnef'] as const;

/** POP3 (Set-PopSettings) or IMAP4 (Set-ImapSettings) settings besides certificate name, login type and bindings. */
export function protocolSettings(proto: 'Pop' | 'Imap'): SettingSpec[] {
  const pop = proto === 'Pop';
  return [
    setting('MaxCommandSize', 'int', pop ? 512 : 10240, { range: pop ? [40, 1024] : [1024, 16384] }),
    ...(pop ? [enumSetting('MessageRetrievalSortOrder', `${SC}.SortOrder`, ['Ascending', 'Descending'], 'Ascending')] : []),
    setting('AuthenticatedConnectionTimeout', 'timespan', '00:30:00'),
    setting('PreAuthenticatedConnectionTimeout', 'timespan', '00:01:00'),
    setting('MaxConnections', 'int', 2000, { range: [1, 2147483647] }),
    setting('MaxConnectionFromSingleIP', 'int', 20, { range: [1, 2147483647] }),
    setting('MaxConnectionsPerUser', 'int', 10, { range: [1, 2147483647] }),
    enumSetting('MessageRetrievalMimeFormat', `${SC}.MimeTextFormat`, MIME_FORMATS, 'BestBodyFormat'),
    setting('ProxyTargetPort', 'int', pop ? 110 : 143, { range: [0, 65535] }),
    enumSetting('CalendarItemRetrievalOption', `${SC}.CalendarItemRetrievalOptions`, ['iCalendar', 'intranetUrl', 'InternetUrl', 'Custom'], 'iCalendar'),
    setting('OwaServerUrl', 'uri', null),
    setting('EnableExactRFC822Size', 'bool', false),
    setting('Banner', 'string', `The Microsoft Exchange ${pop ? 'POP3' : 'IMAP4'} service is ready.`),
  ];
}

/** 2007's Format-List order of Pop3AdConfiguration / Imap4AdConfiguration (PresentedCertificate* are the lab's). */
export const PROTOCOL_SETTINGS_ORDER = [
  'ProtocolName', 'MaxCommandSize', 'MessageRetrievalSortOrder', 'UnencryptedOrTLSBindings', 'SSLBindings', 'AuthenticatedConnectionTimeout',
  'PreAuthenticatedConnectionTimeout', 'MaxConnections', 'MaxConnectionFromSingleIP', 'MaxConnectionsPerUser', 'MessageRetrievalMimeFormat',
  'ProxyTargetPort', 'CalendarItemRetrievalOption', 'OwaServerUrl', 'EnableExactRFC822Size', 'LoginType', 'Banner', 'X509CertificateName',
  'PresentedCertificate', 'PresentedCertificateSubject', 'Server',
] as const;

const bools = (names: string[], def: boolean) => names.map((n) => setting(n, 'bool', def));

/** Set-OwaVirtualDirectory's 2007 SP1 settings (feature segmentation, file access, WebReady, authentication). */
export const OWA_SETTINGS: SettingSpec[] = [
  enumSetting('ActionForUnknownFileAndMIMETypes', `${SC}.AttachmentBlockingActions`, ['Allow', 'ForceSave', 'Block'], 'Allow'),
  ...bools(['ActiveSyncIntegrationEnabled', 'AllAddressListsEnabled', 'CalendarEnabled', 'ChangePasswordEnabled', 'ContactsEnabled'], true),
  setting('AllowedFileTypes', 'strings', []),
  setting('AllowedMimeTypes', 'strings', []),
  setting('BlockedFileTypes', 'strings', []),
  setting('BlockedMimeTypes', 'strings', []),
  setting('BasicAuthentication', 'bool', true),
  setting('DefaultDomain', 'string', null),
  setting('DigestAuthentication', 'bool', false),
  ...bools(['DirectFileAccessOnPrivateComputersEnabled', 'DirectFileAccessOnPublicComputersEnabled', 'FilterWebBeaconsAndHtmlForms'], true),
  setting('ForceSaveAttachmentFilteringEnabled', 'bool', false),
  setting('ForceSaveFileTypes', 'strings', []),
  setting('ForceSaveMimeTypes', 'strings', []),
  setting('FormsAuthentication', 'bool', true),
  enumSetting('GzipLevel', `${SC}.GzipLevel`, ['Off', 'Low', 'High', 'Error'], 'Low'),
  ...bools(['JournalEnabled', 'JunkEmailEnabled'], true),
  enumSetting('LogonFormat', `${SC}.LogonFormats`, ['FullDomain', 'UserName', 'PrincipalName'], 'FullDomain'),
  ...bools(['NotesEnabled', 'OrganizationEnabled'], true),
  enumSetting('OutboundCharset', `${SC}.OutboundCharsetOptions`, ['AutoDetect', 'AlwaysUTF8', 'UserLanguageChoice'], 'AutoDetect'),
  ...bools(['PremiumClientEnabled', 'PublicFoldersEnabled', 'RecoverDeletedItemsEnabled', 'RedirectToOptimalOWAServer', 'RemindersAndNotificationsEnabled'], true),
  enumSetting('RemoteDocumentsActionForUnknownServers', `${SC}.RemoteDocumentsActions`, ['Allow', 'Block'], 'Block'),
  setting('RemoteDocumentsAllowedServers', 'strings', []),
  setting('RemoteDocumentsBlockedServers', 'strings', []),
  setting('RemoteDocumentsInternalDomainSuffixList', 'strings', []),
  ...bools(['RulesEnabled', 'SearchFoldersEnabled', 'SignaturesEnabled', 'SMimeEnabled', 'SpellCheckerEnabled', 'TasksEnabled', 'ThemeSelectionEnabled', 'UMIntegrationEnabled'], true),
  ...bools(['UNCAccessOnPrivateComputersEnabled', 'UNCAccessOnPublicComputersEnabled'], true),
  ...bools(['UseGB18030', 'UseISO885915'], false),
  setting('WebReadyDocumentViewingForAllSupportedTypes', 'bool', true),
  ...bools(['WebReadyDocumentViewingOnPrivateComputersEnabled', 'WebReadyDocumentViewingOnPublicComputersEnabled'], true),
  setting('WebReadyFileTypes', 'strings', []),
  setting('WebReadyMimeTypes', 'strings', []),
  setting('WindowsAuthentication', 'bool', false),
  ...bools(['WSSAccessOnPrivateComputersEnabled', 'WSSAccessOnPublicComputersEnabled'], true),
];

/** Set-ActiveSyncVirtualDirectory's 2007 SP1 settings besides ClientCertAuth. */
export const ACTIVESYNC_SETTINGS: SettingSpec[] = [
  setting('BasicAuthEnabled', 'bool', true),
  setting('BadItemReportingEnabled', 'bool', true),
  setting('CompressionEnabled', 'bool', true),
  setting('MobileClientCertificateAuthorityURL', 'string', null),
  setting('MobileClientCertificateProvisioningEnabled', 'bool', false),
  setting('MobileClientCertTemplateName', 'string', null),
  enumSetting('RemoteDocumentsActionForUnknownServers', `${SC}.RemoteDocumentsActions`, ['Allow', 'Block'], 'Allow'),
  setting('RemoteDocumentsAllowedServers', 'strings', []),
  setting('RemoteDocumentsBlockedServers', 'strings', []),
  setting('RemoteDocumentsInternalDomainSuffixList', 'strings', []),
  setting('SendWatsonReport', 'bool', true),
];

/** Set-OabVirtualDirectory's 2007 SP1 settings besides RequireSSL. */
export const OAB_SETTINGS: SettingSpec[] = [setting('PollInterval', 'int', 480, { range: [1, 2147483647] })];

/** Set-WebServicesVirtualDirectory's 2007 SP1 authentication settings (and the NLB bypass URL). */
export const WEB_SERVICES_SETTINGS: SettingSpec[] = [
  setting('BasicAuthentication', 'bool', false),
  setting('DigestAuthentication', 'bool', false),
  setting('WindowsAuthentication', 'bool', true),
  setting('InternalNLBBypassUrl', 'uri', (c) => `https://${c.fqdn}/EWS/Exchange.asmx`),
];

/** Set-AutodiscoverVirtualDirectory's 2007 SP1 authentication settings. */
export const AUTODISCOVER_SETTINGS: SettingSpec[] = [
  setting('BasicAuthentication', 'bool', true),
  setting('DigestAuthentication', 'bool', false),
  setting('WindowsAuthentication', 'bool', true),
];

/** Set-TransportConfig's 2007 SP1 settings besides the Domain Security lists. */
export const TRANSPORT_CONFIG_SETTINGS: SettingSpec[] = [
  setting('ClearCategories', 'bool', true),
  { ...setting('GenerateCopyOfDSNFor', 'strings', []), typeName: 'Microsoft.Exchange.Data.MultiValuedProperty`1[[Microsoft.Exchange.Data.EnhancedStatusCode]]' },
  setting('InternalSMTPServers', 'ipRanges', []),
  setting('JournalingReportNdrTo', 'smtpAddress', null),
  setting('MaxDumpsterSizePerStorageGroup', 'size', '18MB'),
  setting('MaxDumpsterTime', 'timespan', '7.00:00:00'),
  setting('MaxReceiveSize', 'unlimitedSize', '10MB'),
  setting('MaxRecipientEnvelopeLimit', 'unlimitedInt', 5000, { range: [0, 2147483647] }),
  setting('MaxSendSize', 'unlimitedSize', '10MB'),
  setting('VerifySecureSubmitEnabled', 'bool', false),
  setting('VoicemailJournalingEnabled', 'bool', true),
  setting('Xexch50Enabled', 'bool', true),
];

/** 2007's Format-List order of the transport configuration (alphabetical). */
export const TRANSPORT_CONFIG_ORDER = [
  'ClearCategories', 'GenerateCopyOfDSNFor', 'InternalSMTPServers', 'JournalingReportNdrTo', 'MaxDumpsterSizePerStorageGroup', 'MaxDumpsterTime',
  'MaxReceiveSize', 'MaxRecipientEnvelopeLimit', 'MaxSendSize', 'TLSReceiveDomainSecureList', 'TLSSendDomainSecureList', 'VerifySecureSubmitEnabled',
  'VoicemailJournalingEnabled', 'Xexch50Enabled',
] as const;

/**
 * Exchange server settings (Set-ExchangeServer, 2007 SP1): error reporting, the Customer
 * Experience Improvement Program, and the directory servers DSAccess is pinned to. After setup
 * a 2007 server shows error reporting off, no CEIP choice made, and no static directory servers.
 */
export const EXCHANGE_SERVER_SETTINGS: SettingSpec[] = [
  { ...setting('CustomerFeedbackEnabled', 'bool', null), typeName: 'System.Nullable`1[[System.Boolean]]' },
  { ...setting('ErrorReportingEnabled', 'bool', false), typeName: 'System.Nullable`1[[System.Boolean]]' },
  setting('StaticDomainControllers', 'strings', []),
  setting('StaticGlobalCatalogs', 'strings', []),
  setting('StaticConfigDomainController', 'string', null),
  setting('StaticExcludedDomainControllers', 'strings', []),
];
