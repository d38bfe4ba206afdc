// New-PSDrive / Get-PSDrive / Remove-PSDrive: a FileSystem drive names a folder of the lab drive,
// every file cmdlet and Set-Location take paths on it, and bad drives change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturedSession, type Captured } from '../helpers/run.js';

let s: Captured;
beforeAll(async () => {
  s = await capturedSession();
});
afterAll(async () => {
  await s.close();
});

const run = async (script: string) => (await s.run(script)).out;

describe('FileSystem drives', () => {
  it('a drive stands for its folder in file cmdlets and locations, case-insensitively', async () => {
    const out = await run(
      "New-Item -ItemType Directory C:\\Work -Force | Out-Null; $d = New-PSDrive -Name Work -PSProvider FileSystem -Root C:\\Work; $d.Root; " +
        "'hello' | Set-Content WORK:\\notes.txt; Get-Content C:\\Work\\notes.txt; Test-Path work:\\notes.txt; (Get-ChildItem Work:\\).Name; " +
        'Set-Location Work:; (Get-Location).Path; Set-Location C:\\',
    );
    expect(out.split('\n').filter((l) => l)).toEqual(['C:\\Work', 'hello', 'True', 'notes.txt', 'C:\\Work']);
  });
  it('Get-PSDrive lists the session\'s drives with the added ones, and filters by provider and name', async () => {
    const out = await run('Get-PSDrive -PSProvider FileSystem | ForEach-Object Name; "$((Get-PSDrive Cert).Provider)"; (Get-PSDrive Cert).Provider.Name; Get-PSDrive W* | ForEach-Object Root');
    expect(out.split('\n').filter((l) => l)).toEqual(['C', 'Work', 'Microsoft.PowerShell.Core\\Certificate', 'Certificate', 'C:\\Work']);
    expect(await run('Get-PSDrive')).toMatch(/Name\s+Used \(GB\)\s+Free \(GB\)\s+Provider\s+Root/);
  });
  it('refuses a name in use, a missing root and an unknown provider, adding nothing', async () => {
    const out = await run('New-PSDrive Work FileSystem C:\\; New-PSDrive Env FileSystem C:\\; New-PSDrive X FileSystem C:\\nope; New-PSDrive Y Registry C:\\; (Get-PSDrive).Count');
    expect(out).toContain('DriveAlreadyExists,Microsoft.PowerShell.Commands.NewPSDriveCommand');
    expect(out).toContain('The specified drive root "C:\\nope" either does not exist, or it is not a folder.');
    expect(out).toContain("Cannot find a provider with the name 'Registry'.");
    expect(out.trim().split('\n').pop()).toBe('7');
  });
  it('Remove-PSDrive removes an added drive and leaves its files; unknown names are errors', async () => {
    const out = await run('Remove-PSDrive Work; Test-Path Work:\\notes.txt; Test-Path C:\\Work\\notes.txt; Remove-PSDrive Nowhere');
    expect(out).toMatch(/^False\s+True/);
    expect(out).toContain("Cannot find drive. A drive with the name 'Nowhere' does not exist.");
  });
});
