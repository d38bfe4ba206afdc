// Every parameter Exchange 2007 SP1 documents for the seed's non-certificate cmdlets binds, is
// checked, is stored in the lab (it survives a restart) and reads back through Get- as EMS prints
// it; the parameter sets (New-ReceiveConnector's usage types, New-SendConnector's address spaces
// or linked connector, Test-EdgeSynchronization's two forms) choose what they should; labs saved
// before these settings existed load with 2007's defaults.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labPaths } from '../../src/store/lab-home.js';
import { settingValue, type SettingContext, type SettingSpec } from '../../src/exchange/settings.js';
import {
  ACTIVESYNC_SETTINGS,
  AUTODISCOVER_SETTINGS,
  OAB_SETTINGS,
  OWA_SETTINGS,
  RECEIVE_CONNECTOR_ORDER,
  RECEIVE_CONNECTOR_SETTINGS,
  SEND_CONNECTOR_SETTINGS,
  TRANSPORT_CONFIG_SETTINGS,
  TRANSPORT_SERVER_SETTINGS,
  WEB_SERVICES_SETTINGS,
  EXCHANGE_SERVER_SETTINGS,
  protocolSettings,
} from '../../src/exchange/settings-2007.js';
import { capturedSession, labFiles, tempHome, type Captured } from '../helpers/run.js';

const HUB: SettingContext = { edge: false, fqdn: 'Ex2007EE.proexchange.local' };
const CREDENTIAL = "(New-Object System.Management.Automation.PSCredential('PROEXCHANGE\\relay', (ConvertTo-SecureString 'P@ssw0rd' -AsPlainText -Force)))";

/** Per-setting values where the generic sample does not fit (identities that must exist). */
const SPECIAL: Record<string, [arg: string, shown: string]> = {
  LinkedReceiveConnector: ["'Ex2007EE\\Client Ex2007EE'", 'Ex2007EE\\Client Ex2007EE'],
};

/** A value other than the default, as typed on the command line and as read back (`-join '|'`). */
function sample(spec: SettingSpec, c: SettingContext): [arg: string, shown: string] {
  const special = SPECIAL[spec.name];
  if (special) return special;
  const def = settingValue(spec, undefined, c);
  switch (spec.kind) {
    case 'bool':
      return def ? ['$false', 'False'] : ['$true', 'True'];
    case 'int': {
      const [min] = spec.range ?? [0, 0];
      const v = def === min ? min + 1 : min;
      return [String(v), String(v)];
    }
    case 'enum':
    case 'flags': {
      const v = spec.values!.find((x) => x !== def)!;
      return [v, v];
    }
    case 'string':
      return ["'set by the lab'", 'set by the lab'];
    case 'fqdn':
      return ['relay.proexchange.global', 'relay.proexchange.global'];
    case 'timespan':
      return ['01:02:03', '01:02:03'];
    case 'size':
      return ['3MB', '3 MB (3,145,728 bytes)'];
    case 'unlimitedSize':
      return def === 'unlimited' ? ['7MB', '7 MB (7,340,032 bytes)'] : ['unlimited', 'unlimited'];
    case 'unlimitedInt':
      return def === 'unlimited' ? ['42', '42'] : ['unlimited', 'unlimited'];
    case 'strings':
      return ['a.proexchange.global,b.proexchange.global', 'a.proexchange.global|b.proexchange.global'];
    case 'ipAddresses':
      return ['10.0.0.53,10.0.1.53', '10.0.0.53|10.0.1.53'];
    case 'bindings':
      return ['10.0.0.1:2525', '10.0.0.1:2525'];
    case 'ipRanges':
      return ['10.0.0.0/8', '10.0.0.0/8'];
    case 'uri':
      return ['https://lab.proexchange.global/x', 'https://lab.proexchange.global/x'];
    case 'smtpAddress':
      return ['lab@proexchange.global', 'lab@proexchange.global'];
    case 'ipAddress':
      return ['10.9.8.7', '10.9.8.7'];
    case 'path':
      return ["'D:\\Lab Logs\\X'", 'D:\\Lab Logs\\X'];
    case 'guid':
      return ['11111111-2222-3333-4444-555555555555', '11111111-2222-3333-4444-555555555555'];
    case 'culture':
      return ['de-DE', 'de-DE'];
    case 'credential':
      return [CREDENTIAL, 'PROEXCHANGE\\relay'];
  }
}

/** The default of each setting as read back. */
function shownDefault(spec: SettingSpec, c: SettingContext): string {
  const v = settingValue(spec, undefined, c);
  if (v === null) return '';
  if (Array.isArray(v)) return v.join('|');
  if ((spec.kind === 'size' || spec.kind === 'unlimitedSize') && v !== 'unlimited') {
    const m = /^(\d+)(KB|MB)$/.exec(String(v))!;
    const bytes = Number(m[1]) * (m[2] === 'KB' ? 1024 : 1024 * 1024);
    return `${m[1]} ${m[2]} (${bytes.toLocaleString('en-US')} bytes)`;
  }
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

interface Target {
  title: string;
  set: string;
  get: string;
  specs: SettingSpec[];
  c?: SettingContext;
}

const TARGETS: Target[] = [
  { title: 'Set-ReceiveConnector', set: "Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE'", get: "Get-ReceiveConnector 'Ex2007EE\\Default Ex2007EE'", specs: RECEIVE_CONNECTOR_SETTINGS },
  { title: 'Set-SendConnector', set: 'Set-SendConnector Internet', get: 'Get-SendConnector Internet', specs: SEND_CONNECTOR_SETTINGS },
  { title: 'Set-TransportServer', set: 'Set-TransportServer Ex2007EE', get: 'Get-TransportServer Ex2007EE', specs: TRANSPORT_SERVER_SETTINGS },
  { title: 'Set-ExchangeServer', set: 'Set-ExchangeServer Ex2007EE', get: 'Get-ExchangeServer Ex2007EE', specs: EXCHANGE_SERVER_SETTINGS },
  { title: 'Set-TransportConfig', set: 'Set-TransportConfig', get: 'Get-TransportConfig', specs: TRANSPORT_CONFIG_SETTINGS },
  { title: 'Set-PopSettings', set: 'Set-PopSettings -Server Ex2007EE', get: 'Get-PopSettings -Server Ex2007EE', specs: protocolSettings('Pop') },
  { title: 'Set-ImapSettings', set: 'Set-ImapSettings -Server Ex2007EE', get: 'Get-ImapSettings -Server Ex2007EE', specs: protocolSettings('Imap') },
  { title: 'Set-OwaVirtualDirectory', set: "Set-OwaVirtualDirectory 'Ex2007EE\\owa (Default Web Site)'", get: 'Get-OwaVirtualDirectory -Server Ex2007EE', specs: OWA_SETTINGS },
  { title: 'Set-OabVirtualDirectory', set: "Set-OabVirtualDirectory 'Ex2007EE\\OAB (Default Web Site)'", get: 'Get-OabVirtualDirectory -Server Ex2007EE', specs: OAB_SETTINGS },
  {
    title: 'Set-ActiveSyncVirtualDirectory',
    set: "Set-ActiveSyncVirtualDirectory 'Ex2007EE\\Microsoft-Server-ActiveSync (Default Web Site)'",
    get: 'Get-ActiveSyncVirtualDirectory -Server Ex2007EE',
    specs: ACTIVESYNC_SETTINGS,
  },
  { title: 'Set-WebServicesVirtualDirectory', set: "Set-WebServicesVirtualDirectory 'Ex2007EE\\EWS (Default Web Site)'", get: 'Get-WebServicesVirtualDirectory -Server Ex2007EE', specs: WEB_SERVICES_SETTINGS },
  {
    title: 'Set-AutodiscoverVirtualDirectory',
    set: "Set-AutodiscoverVirtualDirectory 'Ex2007EE\\Autodiscover (Default Web Site)'",
    get: 'Get-AutodiscoverVirtualDirectory -Server Ex2007EE',
    specs: AUTODISCOVER_SETTINGS,
  },
];

/** `Name=value` lines for every setting of the object `get` returns. */
const readBack = (get: string, specs: SettingSpec[]) => `$o = ${get}; ${specs.map((s) => `'${s.name}=' + ($o.${s.name} -join '|')`).join('; ')}`;
const expected = (specs: SettingSpec[], value: (s: SettingSpec) => string) => specs.map((s) => `${s.name}=${value(s)}`);

const lines = async (c: Captured, script: string) =>
  (await c.run(script)).out
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('WARNING:'));

let home: string;
let s: Captured;
beforeAll(async () => {
  home = tempHome();
  s = await capturedSession({ home });
});
afterAll(() => s.close());

describe('every documented parameter binds, is stored and reads back', () => {
  for (const t of TARGETS) {
    it(`${t.title}: 2007 defaults, then every parameter set at once`, async () => {
      const c = t.c ?? HUB;
      expect(await lines(s, readBack(t.get, t.specs))).toEqual(expected(t.specs, (x) => shownDefault(x, c)));
      const args = t.specs.map((x) => `-${x.name} ${sample(x, c)[0]}`).join(' ');
      const r = await s.run(`${t.set} ${args}`);
      expect(r.out).not.toContain('FullyQualifiedErrorId');
      expect(await lines(s, readBack(t.get, t.specs))).toEqual(expected(t.specs, (x) => sample(x, c)[1]));
    });
  }

  it('the values survive a restart of the shell', async () => {
    await s.close();
    s = await capturedSession({ home });
    for (const t of TARGETS) expect(await lines(s, readBack(t.get, t.specs))).toEqual(expected(t.specs, (x) => sample(x, t.c ?? HUB)[1]));
  });
});

describe('values are checked before anything changes', () => {
  const refused = async (script: string, text: string) => {
    const state = labPaths(home, 'default').state;
    const before = labFiles(state);
    const out = (await s.run(script)).out;
    expect(out).toContain(text);
    expect(out).toContain('FullyQualifiedErrorId');
    expect(labFiles(state).equals(before), `lab.json changed after: ${script}`).toBe(true);
  };
  it('refuses values of the wrong Exchange type', async () => {
    await refused("Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -MaxMessageSize huge", 'Microsoft.Exchange.Data.ByteQuantifiedSize');
    await refused("Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -ConnectionTimeout soon", 'Input string was not in a correct format.');
    await refused("Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -MaxHopCount 501", 'greater than the maximum allowed range of 500');
    await refused("Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -SizeEnabled Maybe", 'Unable to match the identifier name Maybe');
    await refused("Set-ReceiveConnector 'Ex2007EE\\Default Ex2007EE' -RemoteIPRanges 10.0.0", 'is not a valid IP address, IP range');
    await refused('Set-SendConnector Internet -SourceIPAddress 10.0.0.300', 'An invalid IP address was specified.');
    await refused('Set-SendConnector Internet -LinkedReceiveConnector Nowhere', "object 'Nowhere' could not be found");
    await refused('Set-TransportServer Ex2007EE -ExternalPostmasterAddress postmaster', 'is not a valid SMTP address');
    await refused('Set-TransportServer Ex2007EE -ExternalDNSAdapterGuid 1234', 'Guid should contain 32 digits');
    await refused('Set-TransportServer Ex2007EE -ExternalDNSServers 10.0.0.1,dns.example', '"dns.example" is not a valid IP address');
    await refused("Set-TransportServer Ex2007EE -PickupDirectoryPath 'relative\\pickup'", 'is not a valid full path');
    await refused('Set-PopSettings -Server Ex2007EE -MaxCommandSize 20', 'less than the minimum allowed range of 40');
    await refused("Set-OwaVirtualDirectory 'Ex2007EE\\owa (Default Web Site)' -GzipLevel Maximum", 'Unable to match the identifier name Maximum');
    await refused('Set-ExchangeServer Ex2007EE -ProductKey 12345-ABCDE -ErrorReportingEnabled $true', 'Microsoft.Exchange.Management.SystemConfigurationTasks.ProductKey');
    await refused('Set-ExchangeServer Ex2007EE -ErrorReportingEnabled maybe', 'System.Boolean');
  });
  it('refuses a smart host Basic authentication without credentials, and DNS routing off without smart hosts', async () => {
    await refused('New-SendConnector Relay -AddressSpaces relay.example -SmartHosts smtp.relay.example -SmartHostAuthMechanism BasicAuth', 'AuthenticationCredential parameter must be specified');
    await refused('Set-SendConnector Internet -DNSRoutingEnabled $false', 'SmartHosts must be specified');
    await refused('Set-SendConnector Internet -SourceTransportServers @($null)', 'The server name cannot be empty.');
    await refused('Set-SendConnector Internet -SourceTransportServers @()', 'at least one source transport server');
  });
});

describe('parameter sets', () => {
  it('New-ReceiveConnector: each usage type presets its permission groups and authentication', async () => {
    const make = async (args: string) => lines(s, `New-ReceiveConnector ${args} -Server Ex2007SE | ForEach-Object { $_.PermissionGroups + ' / ' + $_.AuthMechanism + ' / ' + ($_.Bindings -join ',') + ' / ' + $_.DomainSecureEnabled }`);
    expect(await make("'Internet SE' -Internet -Bindings 10.0.1.1:25")).toEqual(['AnonymousUsers / Tls / 10.0.1.1:25 / False']);
    expect(await make("'Internal SE' -Internal -RemoteIPRanges 10.0.0.0/16")).toEqual(['ExchangeServers / Tls, ExchangeServer / 0.0.0.0:25 / False']);
    expect(await make("'Client SE' -Client -Bindings 10.0.1.2:587")).toEqual(['ExchangeUsers / Tls, Integrated, BasicAuth, BasicAuthRequireTLS / 10.0.1.2:587 / False']);
    expect(await make("'Partner SE' -Partner -RemoteIPRanges 192.0.2.10")).toEqual(['Partners / Tls / 0.0.0.0:25 / True']);
    expect(await make("'Custom SE' -Bindings 10.0.1.3:25 -RemoteIPRanges 10.0.5.0/24 -PermissionGroups ExchangeUsers -MaxRecipientsPerMessage 50")).toEqual(['ExchangeUsers / Tls / 10.0.1.3:25 / False']);
    expect(await make("'Usage SE' -Usage Internet -Bindings 10.0.1.4:25")).toEqual(['AnonymousUsers / Tls / 10.0.1.4:25 / False']);
    expect(await lines(s, "(Get-ReceiveConnector 'Ex2007SE\\Custom SE').MaxRecipientsPerMessage")).toEqual(['50']);
    // Mandatory per set: -Internet needs -Bindings, the custom set needs both lists.
    expect((await s.run("New-ReceiveConnector 'Bad SE' -Internal -Server Ex2007SE")).out).toContain('MissingMandatoryParameter');
    expect((await s.run("New-ReceiveConnector 'Bad SE' -Internet -Partner -Bindings 10.0.1.9:25 -Server Ex2007SE")).out).toContain('AmbiguousParameterSet');
    // Two connectors of a server cannot share bindings and remote ranges.
    expect((await s.run("New-ReceiveConnector 'Twin SE' -Internet -Bindings 10.0.1.1:25 -Server Ex2007SE")).out).toContain('must have a unique combination');
    expect((await s.run("New-ReceiveConnector 'Internet SE' -Internet -Bindings 10.0.1.8:25 -Server Ex2007SE")).out).toContain('already exists on server Ex2007SE');
  });

  it('New-SendConnector: address spaces or a linked Receive connector; usage types; credentials', async () => {
    expect(await lines(s, "New-SendConnector 'Partner Fabrikam' -Partner -AddressSpaces fabrikam.lab -SourceTransportServers Ex2007EE | ForEach-Object { $_.DomainSecureEnabled }")).toEqual(['True']);
    expect(await lines(s, `New-SendConnector 'Via ISP' -Internet -AddressSpaces isp.example -SmartHosts smtp.isp.example -SmartHostAuthMechanism BasicAuthRequireTLS -AuthenticationCredential ${CREDENTIAL} -Port 587 | ForEach-Object { $_.DNSRoutingEnabled, $_.SmartHostAuthMechanism, $_.AuthenticationCredential, $_.Port -join ' ' }`)).toEqual([
      'False BasicAuthRequireTLS PROEXCHANGE\\relay 587',
    ]);
    expect(await lines(s, "New-SendConnector 'Org relay' -Internal -AddressSpaces relay.example -SmartHosts 10.0.0.25 | ForEach-Object { $_.SmartHostAuthMechanism }")).toEqual(['ExchangeServer']);
    expect(await lines(s, "New-SendConnector Linked -LinkedReceiveConnector 'Ex2007EE\\Client Ex2007EE' -SmartHosts 10.0.0.26 | ForEach-Object { $_.LinkedReceiveConnector + ' ' + ($_.SourceTransportServers -join ',') }")).toEqual([
      'Ex2007EE\\Client Ex2007EE Ex2007EE',
    ]);
    expect((await s.run('New-SendConnector Both -Internet -Partner -AddressSpaces both.example')).out).toContain('Specify only one usage type');
    expect((await s.run("New-SendConnector Mixed -AddressSpaces a.example -LinkedReceiveConnector 'Ex2007EE\\Client Ex2007EE'")).out).toContain('AmbiguousParameterSet');
    // The password is not written to the lab's files.
    expect(readFileSync(labPaths(home, 'default').state, 'utf8')).not.toContain('P@ssw0rd');
  });

  it('Set-SendConnector edits address spaces and smart hosts', async () => {
    await s.run("Set-SendConnector 'Org relay' -AddressSpaces @{Add='relay2.example'} -SmartHosts 10.0.0.27,10.0.0.28 -Name 'Org relays'");
    expect(await lines(s, "Get-SendConnector 'Org relays' | ForEach-Object { ($_.AddressSpaces -join ','), $_.SmartHostsString -join ' ' }")).toEqual(['SMTP:relay.example;1,SMTP:relay2.example;1 10.0.0.27,10.0.0.28']);
  });

  it('the Set- cmdlets take -Instance (an object Get- returned) as 2007 does', async () => {
    await s.run("$c = Get-ReceiveConnector 'Ex2007EE\\Client Ex2007EE'; Set-ReceiveConnector -Instance $c -Banner '220 instance'");
    expect(await lines(s, "(Get-ReceiveConnector 'Ex2007EE\\Client Ex2007EE').Banner")).toEqual(['220 instance']);
    await s.run('Set-TransportServer -Instance (Get-TransportServer Ex2007SE) -PoisonThreshold 5');
    expect(await lines(s, '(Get-TransportServer Ex2007SE).PoisonThreshold')).toEqual(['5']);
    await s.run('Set-PopSettings -Instance (Get-PopSettings -Server Ex2007SE) -MaxConnections 7');
    expect(await lines(s, '(Get-PopSettings -Server Ex2007SE).MaxConnections')).toEqual(['7']);
    // Piped objects still bind to -Identity (the default set).
    await s.run('Get-ReceiveConnector -Server Ex2007SE | Set-ReceiveConnector -Comment piped');
    expect(await lines(s, 'Get-ReceiveConnector -Server Ex2007SE | ForEach-Object Comment')).toEqual(Array(8).fill('piped'));
    expect((await s.run("Set-ReceiveConnector -Identity 'Ex2007EE\\Client Ex2007EE' -Instance $c -Banner x")).out).toContain('AmbiguousParameterSet');
  });

  it("the parameters show Exchange's types in the syntax and in Get-Help", async () => {
    const syntax = (await s.run('Get-Command Set-ReceiveConnector -Syntax')).out;
    for (const piece of ['[-Identity] <ReceiveConnectorIdParameter>', '-Instance <ReceiveConnector>', '[-MaxMessageSize <ByteQuantifiedSize>]', '[-MessageRateLimit <Unlimited>]', '[-TarpitInterval <EnhancedTimeSpan>]', '[-RemoteIPRanges <MultiValuedProperty>]', '[-SizeEnabled <SizeMode>]']) {
      expect(syntax).toContain(piece);
    }
    expect((await s.run('Get-Help Set-SendConnector -Parameter AuthenticationCredential')).out).toContain('-AuthenticationCredential <pscredential>');
  });

  it('Test-EdgeSynchronization: the default set or -VerifyRecipient, not both', async () => {
    expect((await s.run('Test-EdgeSynchronization -VerifyRecipient alice@proexchange.global -ExcludeRecipientTest')).out).toContain('AmbiguousParameterSet');
    expect((await s.run('Test-EdgeSynchronization -VerifyRecipient alice')).out).toContain('is not a valid proxy address');
  });

  it('Set-OutlookAnywhere -IISAuthenticationMethods, and its -Instance set', async () => {
    await s.run('Enable-OutlookAnywhere -Server Ex2007SE -ExternalHostname mail.proexchange.global -ClientAuthenticationMethod Basic -SSLOffloading $false');
    expect(await lines(s, "Get-OutlookAnywhere 'Ex2007SE\\Rpc (Default Web Site)' | ForEach-Object { $_.IISAuthenticationMethods -join ',' }")).toEqual(['Basic']);
    await s.run("Set-OutlookAnywhere -Instance (Get-OutlookAnywhere 'Ex2007SE\\Rpc (Default Web Site)') -IISAuthenticationMethods basic,NTLM");
    expect(await lines(s, "Get-OutlookAnywhere 'Ex2007SE\\Rpc (Default Web Site)' | ForEach-Object { $_.IISAuthenticationMethods -join ',' }")).toEqual(['Basic,Ntlm']);
    expect((await s.run("Set-OutlookAnywhere 'Ex2007SE\\Rpc (Default Web Site)' -IISAuthenticationMethods Digest")).out).toContain('Unable to match the identifier name Digest');
  });

  it('Set-ClientAccessServer -AutoDiscoverSiteScope takes existing sites', async () => {
    await s.run('Set-ClientAccessServer Ex2007EE -AutoDiscoverSiteScope site-a,Site-B');
    expect(await lines(s, '(Get-ClientAccessServer Ex2007EE).AutoDiscoverSiteScope')).toEqual(['Site-A', 'Site-B']);
    expect((await s.run('Set-ClientAccessServer Ex2007EE -AutoDiscoverSiteScope Nowhere')).out).toContain('"Nowhere" was not found');
  });
});

describe('objects as 2007 lists them', () => {
  it('a Receive connector shows its ~40 properties in 2007 order, then the directory tail', async () => {
    const list = await lines(s, "Get-ReceiveConnector 'Ex2007SE\\Default Ex2007SE' | Format-List | Out-String -Width 300");
    const names = list.map((l) => /^(\w+)\s+:/.exec(l)?.[1]).filter((n): n is string => !!n);
    expect(names.slice(0, RECEIVE_CONNECTOR_ORDER.length)).toEqual([...RECEIVE_CONNECTOR_ORDER]);
    expect(names).toContain('DistinguishedName');
  });
  it('an Edge connector has the Edge defaults', async () => {
    const edge: SettingContext = { edge: true, fqdn: 'EDGE01.proexchange.global' };
    const pick = RECEIVE_CONNECTOR_SETTINGS.filter((x) => ['ConnectionTimeout', 'ConnectionInactivityTimeout', 'MessageRateLimit'].includes(x.name));
    expect(await lines(s, readBack('Get-ReceiveConnector -Server EDGE01', pick))).toEqual(expected(pick, (x) => shownDefault(x, edge)));
    expect(await lines(s, readBack('Get-ReceiveConnector -Server EDGE01', pick))).toEqual(['ConnectionTimeout=00:05:00', 'ConnectionInactivityTimeout=00:01:00', 'MessageRateLimit=600']);
  });
});

describe('labs saved before these settings existed', () => {
  it('load unchanged and show the 2007 defaults', async () => {
    const old = tempHome();
    const a = await capturedSession({ home: old });
    await a.run('$null'); // the seed is saved, without any settings bag
    await a.close();
    const text = readFileSync(labPaths(old, 'default').state, 'utf8');
    expect(text).not.toContain('"settings"');
    expect(text).not.toContain('autoDiscoverSiteScope');
    const b = await capturedSession({ home: old });
    expect(b.text()).toBe('');
    expect(await lines(b, "(Get-ReceiveConnector 'Ex2007EE\\Client Ex2007EE').MaxMessageSize")).toEqual(['10 MB (10,485,760 bytes)']);
    expect(await lines(b, '(Get-SendConnector Internet).Port')).toEqual(['25']);
    expect(await lines(b, '(Get-ClientAccessServer Ex2007EE).AutoDiscoverSiteScope')).toEqual(['Site-A']);
    await b.close();
  });
});
