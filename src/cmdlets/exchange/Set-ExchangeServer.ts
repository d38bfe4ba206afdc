// Set-ExchangeServer (2007 SP1): error reporting, the Customer Experience Improvement Program,
// the directory servers a server is pinned to, and the product key that licenses it.

import { defineCmdlet } from '../../protocol/cmdlet.js';
import { EXCHANGE_SERVER_SETTINGS } from '../../exchange/settings-2007.js';
import { EXCHANGE_MODULE, domainControllerParameter } from './common.js';
import { SYSCONFIG_NAMESPACE, bindingError, confirmSet, findServers, org, setIdentityParameters, targetIdentity } from './config-common.js';
import { EXCHANGE_SERVER_TYPE } from './config-views.js';
import { applySettings, settingParameters } from './settings-params.js';
import { serverSettingContext } from './TransportServer.js';

const PRODUCT_KEY_TYPE = 'Microsoft.Exchange.Management.SystemConfigurationTasks.ProductKey';
/** Five groups of five letters or digits, as on the licence: `ABCDE-12345-FGHIJ-67890-KLMNO`. */
const PRODUCT_KEY = /^[A-Z0-9]{5}(-[A-Z0-9]{5}){4}$/i;

export default defineCmdlet({
  name: 'Set-ExchangeServer',
  module: EXCHANGE_MODULE,
  typeNamespace: SYSCONFIG_NAMESPACE,
  synopsis: 'Changes the settings of an Exchange server.',
  description:
    'Set-ExchangeServer changes the server-wide settings of one Exchange 2007 server: whether it sends error reports (-ErrorReportingEnabled) and takes part in the Customer Experience Improvement Program (-CustomerFeedbackEnabled), and which domain controllers and global catalog servers its directory access uses (-StaticDomainControllers, -StaticGlobalCatalogs, -StaticConfigDomainController, -StaticExcludedDomainControllers; a list replaces the value, @{Add=...; Remove=...} edits it). -ProductKey licenses the server; the key is checked for its form (five groups of five letters or digits). Every value is checked before anything changes.',
  supportsShouldProcess: true,
  confirmImpact: 'Medium',
  defaultParameterSet: 'Identity',
  parameters: {
    ...setIdentityParameters('The server (name or FQDN).', EXCHANGE_SERVER_TYPE, 'ServerIdParameter'),
    ...settingParameters(EXCHANGE_SERVER_SETTINGS),
    ProductKey: { type: 'String', netType: PRODUCT_KEY_TYPE, help: 'The product key that licenses the server: five groups of five letters or digits separated by hyphens.' },
    DomainController: domainControllerParameter,
  },
  examples: [
    {
      code: 'Set-ExchangeServer Ex2007EE -ErrorReportingEnabled $true; (Get-ExchangeServer Ex2007EE).ErrorReportingEnabled',
      remarks: 'Turns on error reporting for the server.',
      shows: 'True',
    },
    {
      code: "Set-ExchangeServer Ex2007EE -StaticDomainControllers DC01.proexchange.local; Get-ExchangeServer Ex2007EE | Format-List Name,Static*",
      remarks: 'Pins the server\'s directory access to one domain controller.',
      shows: 'StaticDomainControllers         : {DC01.proexchange.local}',
    },
    { code: 'Set-ExchangeServer Ex2007EE -CustomerFeedbackEnabled $false -WhatIf', remarks: 'Shows what would change without changing it.', shows: 'What if: Setting Exchange server "Ex2007EE".' },
  ],
  async process(p, ctx) {
    const s = findServers(ctx, targetIdentity(p), { single: true })![0]!;
    const key = p.ProductKey;
    if (key !== undefined && !PRODUCT_KEY.test(key ?? '')) {
      bindingError(ctx, 'ProductKey', key, PRODUCT_KEY_TYPE, 'The product key is not valid: it must be five groups of five letters or digits separated by hyphens.');
    }
    const settings = applySettings(ctx, EXCHANGE_SERVER_SETTINGS, p, s.state.settings, serverSettingContext(s));
    if (!(await confirmSet(ctx, 'Exchange server', s.name))) return;
    s.state.settings = settings;
    org(ctx).touch();
  },
});
