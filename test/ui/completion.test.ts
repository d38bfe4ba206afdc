import { describe, expect, it } from 'vitest';
import { complete, type CompletionSource } from '../../src/ui/completion.js';
import type { CmdletDeclaration, CommandInfo } from '../../src/protocol/cmdlet.js';

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
];
const src: CompletionSource = {
  commands: () => commands,
  variables: () => ['cert', 'certs', 'Error'],
  thumbprints: () => ['0271A7F1CA9AD8A27152CCAE044F968F068B14B8', '5113AE0233A72FCCB75B1D0198628675333D010E'],
  machines: () => ['EX2007EE', 'EX2007SE', 'EDGE01'],
  paths: (prefix) =>
    prefix.toLowerCase() === 'c:\\'
      ? [{ name: 'certs', isDirectory: true }, { name: 'cert.pfx', isDirectory: false }, { name: 'Program Files', isDirectory: true }]
      : [],
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
});
