import { describe, expect, it } from 'vitest';
import { complete, type CompletionSource } from '../../src/ui/completion.js';
import type { CmdletDeclaration, CommandInfo } from '../../src/protocol/cmdlet.js';
import { completionSourceFor } from '../../src/compose.js';
import { capturedSession } from '../helpers/run.js';

const enableDecl: CmdletDeclaration = {
  name: 'Enable-ExchangeCertificate',
  synopsis: 'Enables a certificate for Exchange services.',
  description: 'd',
  supportsShouldProcess: true,
  parameters: {
    Thumbprint: { type: 'String', sets: { __AllParameterSets: { position: 0, mandatory: true } } },
    Services: { type: 'Enum', enum: { typeName: 'Microsoft.Exchange.Data.AllowedServices', values: ['None', 'IMAP', 'POP', 'UM', 'IIS', 'SMTP'], flags: true } },
    DoNotRequireSSL: { type: 'Switch' },
    Force: { type: 'Switch' },
  },
  examples: [],
};
const enterDecl: CmdletDeclaration = {
  name: 'Enter-LabServer', synopsis: 's', description: 'd', examples: [],
  parameters: { Name: { type: 'String', complete: 'machine', sets: { __AllParameterSets: { position: 0 } } } },
};
const commands: CommandInfo[] = [
  { name: 'Enable-ExchangeCertificate', commandType: 'Cmdlet', definition: '', declaration: enableDecl, module: 'Exchange' },
  { name: 'Enter-LabServer', commandType: 'Cmdlet', definition: '', declaration: enterDecl, module: 'Lab' },
  { name: 'Get-ChildItem', commandType: 'Cmdlet', definition: '', module: 'Core', declaration: { name: 'Get-ChildItem', synopsis: 'Lists items.', description: '', examples: [], parameters: { Path: { type: 'String[]' } } } },
  { name: 'Get-Command', commandType: 'Cmdlet', definition: '', module: 'Core' },
  { name: 'gci', commandType: 'Alias', definition: 'Get-ChildItem', module: '' },
  { name: 'Get-ExchangeCertificate', commandType: 'Cmdlet', definition: '', module: 'Exchange' },
  ...['Format-List', 'Format-Table', 'Select-Object', 'Group-Object', 'ForEach-Object', 'Measure-Object'].map(
    (name): CommandInfo => ({ name, commandType: 'Cmdlet', definition: '', module: 'Core' }),
  ),
  {
    name: 'Sort-Object', commandType: 'Cmdlet', definition: '', module: 'Core',
    declaration: { name: 'Sort-Object', synopsis: 's', description: 'd', examples: [], parameters: { Property: { type: 'Object[]', sets: { __AllParameterSets: { position: 0 } } }, Descending: { type: 'Switch' }, Top: { type: 'Int32' } } },
  },
  {
    name: 'Where-Object', commandType: 'Cmdlet', definition: '', module: 'Core',
    declaration: { name: 'Where-Object', synopsis: 's', description: 'd', examples: [], parameters: { FilterScript: { type: 'ScriptBlock' }, Property: { type: 'String' }, Value: { type: 'Object' }, EQ: { type: 'Switch' } } },
  },
  ...[['fl', 'Format-List'], ['ft', 'Format-Table'], ['select', 'Select-Object'], ['?', 'Where-Object'], ['%', 'ForEach-Object'], ['sort', 'Sort-Object']].map(
    ([name, definition]): CommandInfo => ({ name: name!, commandType: 'Alias', definition: definition!, module: '' }),
  ),
];
const CERT_PROPS = ['AccessRules', 'NotAfter', 'NotBefore', 'SerialNumber', 'Services', 'ServicesStringForm', 'Status', 'Subject', 'SubjectName', 'Thumbprint'];
const src: CompletionSource = {
  commands: () => commands,
  variables: () => ['cert', 'certs', 'Error'],
  thumbprints: () => ['0271A7F1CA9AD8A27152CCAE044F968F068B14B8', '5113AE0233A72FCCB75B1D0198628675333D010E'],
  machines: () => ['EX2007EE', 'EX2007SE', 'EDGE01'],
  paths: (prefix) =>
    prefix.toLowerCase() === 'c:\\'
      ? [{ name: 'certs', isDirectory: true }, { name: 'cert.pfx', isDirectory: false }, { name: 'Program Files', isDirectory: true }]
      : [],
  propertiesOf: (name) => (name === 'Get-ExchangeCertificate' ? CERT_PROPS : name === 'Get-ChildItem' ? ['Name', 'Length', 'Mode', 'Name'] : undefined),
};

const texts = (line: string, cursor = line.length) => complete(line, cursor, src).candidates.map((c) => c.text);

describe('tab completion', () => {
  it('completes command names from the registry', () => {
    expect(texts('Get-C')).toEqual(['Get-ChildItem', 'Get-Command']);
    expect(texts('en')).toEqual(['Enable-ExchangeCertificate', 'Enter-LabServer']);
    expect(texts('dir | Get-Chi')).toEqual(['Get-ChildItem']);
  });

  it('completes parameter names of the command, including common ones and -WhatIf', () => {
    expect(texts('Enable-ExchangeCertificate -')).toContain('-Services');
    expect(texts('Enable-ExchangeCertificate -d')).toEqual(['-DoNotRequireSSL', '-Debug']);
    expect(texts('Enable-ExchangeCertificate -wh')).toEqual(['-WhatIf']);
    expect(texts('gci -Pa')).toEqual(['-Path']);
  });

  it('completes enum values, also after a comma', () => {
    expect(texts('Enable-ExchangeCertificate -Services ')).toEqual(['None', 'IMAP', 'POP', 'UM', 'IIS', 'SMTP']);
    expect(texts('Enable-ExchangeCertificate -Services IIS,s')).toEqual(['SMTP']);
    expect(texts('Enable-ExchangeCertificate -Services:i')).toEqual(['IMAP', 'IIS']);
  });

  it('completes thumbprints and machine names', () => {
    expect(texts('Enable-ExchangeCertificate -Thumbprint 51')).toEqual(['5113AE0233A72FCCB75B1D0198628675333D010E']);
    expect(texts('Enable-ExchangeCertificate 02')).toEqual(['0271A7F1CA9AD8A27152CCAE044F968F068B14B8']);
    expect(texts('Enter-LabServer ex')).toEqual(['EX2007EE', 'EX2007SE']);
  });

  it('completes variables and lab-drive paths (quoting names with spaces)', () => {
    expect(texts('$ce')).toEqual(['$cert', '$certs']);
    expect(texts('Get-ChildItem C:\\')).toEqual(['C:\\cert.pfx', 'C:\\certs\\', "'C:\\Program Files\\'"]);
    expect(texts('Get-ChildItem C:\\ce')).toEqual(['C:\\cert.pfx', 'C:\\certs\\']);
  });

  it('replaces only the word at the cursor', () => {
    const c = complete('Get-Chi | fl', 7, src);
    expect([c.start, c.end]).toEqual([0, 7]);
  });

  it('completes property names of the piped objects for Format-List / Select-Object / Sort-Object...', () => {
    expect(texts('Get-ExchangeCertificate | Format-List Sta')).toEqual(['Status']);
    expect(texts('Get-ExchangeCertificate | Select-Object Th')).toEqual(['Thumbprint']);
    expect(texts('Get-ExchangeCertificate | Format-Table Thumbprint, Sub')).toEqual(['Subject', 'SubjectName']);
    expect(texts('Get-ExchangeCertificate | Sort-Object -Property Not')).toEqual(['NotAfter', 'NotBefore']);
    expect(texts('Get-ExchangeCertificate | Sort-Object -Descending Not')).toEqual(['NotAfter', 'NotBefore']);
    expect(texts('Get-ExchangeCertificate | Group-Object -Property:Sta')).toEqual(['Status']);
    expect(texts('Get-ExchangeCertificate | Measure-Object -Property Not')).toEqual(['NotAfter', 'NotBefore']);
    expect(texts('Get-ExchangeCertificate | Where-Object Sta')).toEqual(['Status']);
    expect(texts('Get-ExchangeCertificate | % Sub')).toEqual(['Subject', 'SubjectName']);
  });

  it('resolves aliases on both sides of the pipe and lists candidates alphabetically without duplicates', () => {
    expect(texts('Get-ExchangeCertificate | fl Ser')).toEqual(['SerialNumber', 'Services', 'ServicesStringForm']);
    expect(texts('gci | ft ')).toEqual(['Length', 'Mode', 'Name']);
    expect(texts('gci C:\\ | ft Na')).toEqual(['Name']);
  });

  it('looks through Where-Object and Sort-Object to the producing command', () => {
    expect(texts('Get-ExchangeCertificate | ? { $_.Status -eq "Valid" } | sort NotAfter | select Th')).toEqual(['Thumbprint']);
  });

  it('completes $_. members inside the script blocks of those commands', () => {
    expect(texts('Get-ExchangeCertificate | Where-Object { $_.Sta')).toEqual(['$_.Status']);
    expect(texts('Get-ExchangeCertificate | ? { $_.Status -eq "Valid" -and $_.Not')).toEqual(['$_.NotAfter', '$_.NotBefore']);
    expect(texts('Get-ExchangeCertificate | % { $PSItem.Thu')).toEqual(['$PSItem.Thumbprint']);
    expect(texts("Get-ExchangeCertificate | select @{n='Days';e={ $_.NotA")).toEqual(['$_.NotAfter']);
    const c = complete('Get-ExchangeCertificate | ? { $_.Sta }', 36, src);
    expect([c.start, c.end, c.candidates.map((x) => x.text)]).toEqual([30, 36, ['$_.Status']]);
  });

  it('offers no properties where the word is not a property', () => {
    // A parameter's value, a later positional argument, an unknown producer, no pipe.
    expect(texts('Get-ExchangeCertificate | Sort-Object -Top Sta')).toEqual([]);
    expect(texts('Get-ExchangeCertificate | Where-Object Status -EQ Sta')).toEqual([]);
    expect(texts('Get-Command | fl Na')).toEqual([]);
    expect(texts('fl Sta')).toEqual([]);
    expect(texts('$x | fl Sta')).toEqual([]);
    expect(texts('Get-ExchangeCertificate | fl -')).toEqual([]);
  });

  it('reads the property names from the session: declared output types, the certificate table, views', async () => {
    const s = await capturedSession();
    try {
      const live = completionSourceFor(s.session);
      const t = (line: string) => complete(line, line.length, live).candidates.map((c) => c.text);
      expect(t('Get-ExchangeCertificate | Format-List Sta')).toEqual(['Status']);
      expect(t('Get-ExchangeCertificate | fl Ser')).toEqual(['SerialNumber', 'Services', 'ServicesStringForm']);
      expect(t('Get-ExchangeCertificate | ? { $_.Thu')).toEqual(['$_.Thumbprint']);
      expect(t('gci | ft LastW')).toEqual(['LastWriteTime']);
      expect(t('Get-ExchangeServer | Select-Object AdminD')).toEqual(['AdminDisplayVersion']);
      expect(t('Get-Command | ft Comm')).toEqual(['CommandType']);
      expect(t('Get-ExchangeCertificate | Where-Object Sta')).toEqual(['Status']);
      expect(t('Get-ExchangeCertificate | Where-Object Status -EQ Sta')).toEqual([]);
      expect(t('Get-ExchangeCertificate | Sort-Object -Descending NotA')).toEqual(['NotAfter']);
      expect(t('Get-ExchangeCertificate | Measure-Object -Property Pub')).toEqual(['PublicKey', 'PublicKeySize']);
      expect(t('Get-ExchangeCertificate | Group-Object IsSe')).toEqual(['IsSelfSigned']);
      expect(t('Get-ExchangeCertificate | % Sub')).toEqual(['Subject', 'SubjectKeyIdentifier', 'SubjectName']);
      expect(t('Get-ExchangeCertificate | Select-Object -First 1 -ExpandProperty Cert')).toEqual(['CertificateDomains', 'CertificateRequest']);
      expect(t('Get-Mailbox | ft Al')).toEqual(['Alias']);
    } finally {
      await s.close();
    }
  });
});
