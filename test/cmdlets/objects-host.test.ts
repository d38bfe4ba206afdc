// Write-*, Get-Date, secure strings and credentials, Read-Host, transcripts, New-Object.
import { describe, expect, it } from 'vitest';
import ClearHost from '../../src/cmdlets/core/Clear-Host.js';
import ConvertToSecureString from '../../src/cmdlets/core/ConvertTo-SecureString.js';
import GetCredential from '../../src/cmdlets/core/Get-Credential.js';
import GetDate, { uFormat } from '../../src/cmdlets/core/Get-Date.js';
import NewObject from '../../src/cmdlets/core/New-Object.js';
import ReadHost from '../../src/cmdlets/core/Read-Host.js';
import StartTranscript from '../../src/cmdlets/core/Start-Transcript.js';
import StopTranscript from '../../src/cmdlets/core/Stop-Transcript.js';
import WriteError from '../../src/cmdlets/core/Write-Error.js';
import WriteHost from '../../src/cmdlets/core/Write-Host.js';
import WriteOutput from '../../src/cmdlets/core/Write-Output.js';
import WriteWarning from '../../src/cmdlets/core/Write-Warning.js';
import { PSHashtable, PSObject, SecureString } from '../../src/protocol/values.js';
import { fakeHost, runCmdlet } from './fake-context.js';

describe('Write-*', () => {
  it('Write-Output unrolls unless -NoEnumerate', async () => {
    expect((await runCmdlet(WriteOutput, { params: { InputObject: [1, 2, 3] } })).output).toEqual([1, 2, 3]);
    expect((await runCmdlet(WriteOutput, { params: { InputObject: [1, 2, 3], NoEnumerate: true } })).output).toEqual([[1, 2, 3]]);
    expect((await runCmdlet(WriteOutput, { input: [[7], ['x']] })).output).toEqual([7, 'x']);
    // As the binder gives remaining arguments: `Write-Output 1,2,3` → [[1,2,3]], `Write-Output 5` → [5].
    expect((await runCmdlet(WriteOutput, { params: { InputObject: [[1, 2, 3]] } })).output).toEqual([1, 2, 3]);
    expect((await runCmdlet(WriteOutput, { params: { InputObject: [[1, 2, 3]], NoEnumerate: true } })).output).toEqual([[1, 2, 3]]);
    expect((await runCmdlet(WriteOutput, { params: { InputObject: [5], NoEnumerate: true } })).output).toEqual([5]);
  });

  it('Write-Error writes a WriteErrorException record without the cmdlet suffix', async () => {
    const r = await runCmdlet(WriteError, { params: { Message: 'x' }, parameterSet: 'NoException' });
    const e = r.errors[0];
    expect(e.message).toBe('x');
    expect(e.fullyQualifiedErrorId).toBe('Microsoft.PowerShell.Commands.WriteErrorException');
    expect(e.category).toBe('NotSpecified');
    expect(e.exceptionType).toBe('WriteErrorException');
    expect(e.activity).toBe('Write-Error');
    expect(e.invocation?.invocationName).toBe('Write-Error test');
    const c = await runCmdlet(WriteError, { params: { Message: 'y', Category: 'ObjectNotFound', ErrorId: 'CertMissing', TargetObject: 'AB' } });
    expect([c.errors[0].category, c.errors[0].fullyQualifiedErrorId, c.errors[0].targetObject]).toEqual(['ObjectNotFound', 'CertMissing', 'AB']);
  });

  it('Write-Warning goes to the warning stream', async () => {
    expect((await runCmdlet(WriteWarning, { params: { Message: 'careful' } })).warnings).toEqual(['careful']);
  });

  it('Write-Host joins collections with the separator and passes colours', async () => {
    const r = await runCmdlet(WriteHost, { params: { Object: [1, [2, 3], null, 'x'], Separator: ', ', ForegroundColor: 'Green', NoNewline: true } });
    expect(r.hostText).toEqual([{ text: '1, 2, 3, x', foreground: 'Green', background: undefined, noNewline: true }]);
    expect((await runCmdlet(WriteHost, {})).hostText[0].text).toBe('');
  });

  it('Clear-Host clears the host', async () => {
    const host = fakeHost();
    await runCmdlet(ClearHost, { host });
    expect(host.log.cleared).toBe(1);
  });
});

describe('Get-Date', () => {
  const now = new Date(2026, 10, 26, 23, 46, 22);
  it('uses the lab clock and replaces parts', async () => {
    const r = await runCmdlet(GetDate, { now });
    expect((r.output[0] as Date).getTime()).toBe(now.getTime());
    const d = (await runCmdlet(GetDate, { now, params: { Year: 2030, Month: 2, Day: 28 } })).output[0] as Date;
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours()]).toEqual([2030, 1, 28, 23]);
  });

  it('-Format and -UFormat return strings', async () => {
    expect((await runCmdlet(GetDate, { now, params: { Format: 'yyyy-MM-dd HH:mm:ss' } })).output).toEqual(['2026-11-26 23:46:22']);
    expect((await runCmdlet(GetDate, { now, params: { Date: new Date(2026, 0, 5, 7, 8, 9), Format: 'd' } })).output).toEqual(['1/5/2026']);
    expect((await runCmdlet(GetDate, { now, params: { UFormat: '%Y%m%d-%H%M%S %A %j' }, parameterSet: 'UFormat' })).output).toEqual(['20261126-234622 Thursday 330']);
    expect(uFormat(new Date(2026, 0, 1, 9, 5, 0), '%D %r %b %e %%')).toBe('01/01/26 09:05:00 AM Jan  1 %');
  });
});

describe('ConvertTo-SecureString', () => {
  it('-AsPlainText -Force makes a SecureString', async () => {
    const r = await runCmdlet(ConvertToSecureString, { params: { String: 'P@ss', AsPlainText: true, Force: true }, parameterSet: 'PlainText' });
    expect(r.output[0]).toBeInstanceOf(SecureString);
    expect((r.output[0] as SecureString).reveal()).toBe('P@ss');
  });

  it('-AsPlainText without -Force fails with the 5.1 text', async () => {
    const r = await runCmdlet(ConvertToSecureString, { params: { String: 'P@ss', AsPlainText: true }, parameterSet: 'PlainText' });
    expect(r.terminating?.message).toBe(
      'The system cannot protect plain text input. To suppress this warning and convert the plain text to a SecureString, reissue the command specifying the Force parameter. For more information ,type: get-help ConvertTo-SecureString.',
    );
    expect(r.terminating?.fullyQualifiedErrorId).toBe('ImportSecureString_InvalidArgument,Microsoft.PowerShell.Commands.ConvertToSecureStringCommand');
  });
});

describe('Get-Credential and Read-Host', () => {
  it('prompts for user and password and builds a PSCredential', async () => {
    const host = fakeHost({ interactive: true, promptAnswer: { User: 'CONTOSO\\admin', Password: new SecureString('pw1') } });
    const r = await runCmdlet(GetCredential, { host });
    expect(host.prompts[0].caption).toBe('Windows PowerShell credential request');
    expect(host.prompts[0].message).toBe('Enter your credentials.');
    expect(host.prompts[0].fields).toEqual([{ name: 'User' }, { name: 'Password', secure: true }]);
    const cred = r.output[0] as PSObject;
    expect(cred.typeNames[0]).toBe('System.Management.Automation.PSCredential');
    expect(cred.get('UserName')).toBe('CONTOSO\\admin');
    const net = cred.method('GetNetworkCredential')!.invoke([]) as PSObject;
    expect([net.get('UserName'), net.get('Domain'), net.get('Password')]).toEqual(['admin', 'CONTOSO', 'pw1']);
  });

  it('with a user name, asks only for the password', async () => {
    const host = fakeHost({ interactive: true, promptAnswer: { 'Password for user bob': new SecureString('x') } });
    const r = await runCmdlet(GetCredential, { host, params: { Credential: 'bob' } });
    expect(host.prompts[0].fields).toEqual([{ name: 'Password for user bob', secure: true }]);
    expect((r.output[0] as PSObject).get('UserName')).toBe('bob');
  });

  it('fails in a non-interactive host', async () => {
    const r = await runCmdlet(GetCredential, {});
    expect(r.terminating?.message).toBe('Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.');
    const rh = await runCmdlet(ReadHost, { params: { Prompt: 'Name' } });
    expect(rh.terminating?.fullyQualifiedErrorId).toBe('InvalidOperation,Microsoft.PowerShell.Commands.ReadHostCommand');
  });

  it('Read-Host adds ": " to the prompt and can read a SecureString', async () => {
    const host = fakeHost({ interactive: true, answers: ['EX01', 'secret'] });
    const a = await runCmdlet(ReadHost, { host, params: { Prompt: 'Server' } });
    expect(a.output).toEqual(['EX01']);
    const b = await runCmdlet(ReadHost, { host, params: { Prompt: 'Password', AsSecureString: true } });
    expect(b.output[0]).toBeInstanceOf(SecureString);
    expect(host.reads).toEqual(['Server: ', 'Password: ']);
  });
});

describe('transcripts', () => {
  it('Start-Transcript with a path', async () => {
    const r = await runCmdlet(StartTranscript, { params: { Path: 'C:\\t.txt', Append: true } });
    expect(r.output).toEqual(['Transcript started, output file is C:\\t.txt']);
    expect(r.transcript.started).toEqual({ path: 'C:\\t.txt', append: true });
  });

  it('Start-Transcript default path', async () => {
    const r = await runCmdlet(StartTranscript, { now: new Date(2026, 10, 26, 23, 46, 22) });
    expect(r.output[0]).toMatch(/^Transcript started, output file is C:\\Users\\Administrator\\Documents\\PowerShell_transcript\.EX2007EE\.[a-z0-5]{8}\.20261126234622\.txt$/);
  });

  it('Stop-Transcript when none runs', async () => {
    const r = await runCmdlet(StopTranscript, {});
    expect(r.terminating?.message).toBe('An error occurred stopping transcription: The host is not currently transcribing.');
  });
});

describe('New-Object', () => {
  it('PSObject with -Property, PSCredential, unknown types', async () => {
    const h = new PSHashtable();
    h.set('Server', 'EX01');
    h.set('Role', 'Mailbox');
    const o = (await runCmdlet(NewObject, { params: { TypeName: 'PSObject', Property: h } })).output[0] as PSObject;
    expect(o.properties().map((p) => [p.name, p.get()])).toEqual([['Server', 'EX01'], ['Role', 'Mailbox']]);
    const c = (await runCmdlet(NewObject, { params: { TypeName: 'System.Management.Automation.PSCredential', ArgumentList: ['u', new SecureString('p')] } })).output[0] as PSObject;
    expect(c.get('UserName')).toBe('u');
    const bad = await runCmdlet(NewObject, { params: { TypeName: 'Foo.Bar' } });
    expect(bad.terminating?.message).toBe('Cannot find type [Foo.Bar]: verify that the assembly containing this type is loaded.');
    expect(bad.terminating?.fullyQualifiedErrorId).toBe('TypeNotFound,Microsoft.PowerShell.Commands.NewObjectCommand');
  });

  it('the PSCustomObject class has no public constructor ([pscustomobject] is PSObject\'s accelerator)', async () => {
    const r = await runCmdlet(NewObject, { params: { TypeName: 'System.Management.Automation.PSCustomObject' } });
    expect(r.terminating?.fullyQualifiedErrorId).toBe('CannotFindAppropriateCtor,Microsoft.PowerShell.Commands.NewObjectCommand');
    expect(r.output).toEqual([]);
    expect((await runCmdlet(NewObject, { params: { TypeName: 'pscustomobject' } })).output[0]).toBeInstanceOf(PSObject);
  });
});
