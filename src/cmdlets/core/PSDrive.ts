// New-PSDrive, Get-PSDrive, Remove-PSDrive: drives of the session. The lab has its C: drive and
// the providers' drives (Alias, Cert, Env, Function, Variable); New-PSDrive adds FileSystem drives
// that name a folder of C: (src/protocol/ps-drives.ts), as scripts and Pester (TestDrive:) do.

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { FileSystemDrives, FileSystemDrivesKey, type MappedDrive } from '../../protocol/ps-drives.js';
import { hasWildcard, matchesWildcard } from '../../protocol/wildcard.js';
import { registerView } from '../../format/views.js';
import { stringsOf } from './patterns.js';

const DRIVE_TYPE = 'System.Management.Automation.PSDriveInfo';

/** The drives every session has, with their providers and roots. */
const BUILT_IN_DRIVES: { name: string; provider: string; root: string; description: string }[] = [
  { name: 'Alias', provider: 'Alias', root: '', description: 'Drive containing a view of the aliases stored in session state.' },
  { name: 'C', provider: 'FileSystem', root: 'C:\\', description: '' },
  { name: 'Cert', provider: 'Certificate', root: '\\', description: 'X509 Certificate Provider' },
  { name: 'Env', provider: 'Environment', root: '', description: 'Drive containing a view of the environment variables for the process.' },
  { name: 'Function', provider: 'Function', root: '', description: 'Drive containing a view of the functions stored in session state.' },
  { name: 'Variable', provider: 'Variable', root: '', description: 'Drive containing a view of the variables stored in session state.' },
];

// 5.1's table of drives (FileSystem.format.ps1xml's drive view): the provider by its short name.
registerView({
  typeName: DRIVE_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Name', property: 'Name', alignment: 'Left' },
      { label: 'Used (GB)', value: () => null, alignment: 'Right', width: 9 },
      { label: 'Free (GB)', value: () => null, alignment: 'Right', width: 9 },
      { label: 'Provider', value: (o) => providerName(o), alignment: 'Left' },
      { label: 'Root', property: 'Root', alignment: 'Left' },
      { label: 'CurrentLocation', property: 'CurrentLocation', alignment: 'Right' },
    ],
  },
});

/** A ProviderInfo as PSDriveInfo.Provider gives it: `.Name` is `FileSystem`; it prints as `Microsoft.PowerShell.Core\\FileSystem`. */
function providerInfo(name: string): PSObject {
  const full = `Microsoft.PowerShell.Core\\${name}`;
  const o = new PSObject(['System.Management.Automation.ProviderInfo', 'System.Object']);
  o.addNote('Name', name);
  o.addNote('ModuleName', 'Microsoft.PowerShell.Core');
  o.addNote('PSSnapIn', 'Microsoft.PowerShell.Core');
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => full });
  return o;
}

/** A drive's provider by its short name (`FileSystem`). */
function providerName(drive: unknown): string {
  const p = drive instanceof PSObject ? drive.get('Provider') : undefined;
  return p instanceof PSObject ? String(p.get('Name')) : '';
}

/** CurrentLocation: the current location under the drive's root, when the current location is on it. */
function locationOn(root: string, location: string): string {
  if (!root) return '';
  const base = root.replace(/\\+$/, '');
  const lower = location.toLowerCase();
  if (lower === base.toLowerCase() || lower === base.toLowerCase() + '\\') return '';
  return lower.startsWith(base.toLowerCase() + '\\') ? location.slice(base.length + 1) : '';
}

function driveInfo(ctx: CmdletContext, name: string, provider: string, root: string, description: string): PSObject {
  const o = new PSObject([DRIVE_TYPE, 'System.Object']);
  o.addNote('Name', name);
  o.addNote('Provider', providerInfo(provider));
  o.addNote('Root', root);
  o.addNote('Description', description);
  o.addNote('CurrentLocation', provider === 'FileSystem' ? locationOn(root, ctx.session.getLocation()) : '');
  return o;
}

function drives(ctx: CmdletContext): FileSystemDrives {
  return ctx.services.get(FileSystemDrivesKey);
}

function allDrives(ctx: CmdletContext): PSObject[] {
  const added = drives(ctx).list().map((d: MappedDrive) => driveInfo(ctx, d.name, 'FileSystem', d.root, d.description));
  return [...BUILT_IN_DRIVES.map((d) => driveInfo(ctx, d.name, d.provider, d.root, d.description)), ...added].sort((a, b) =>
    String(a.get('Name')).localeCompare(String(b.get('Name')), 'en', { sensitivity: 'base' }),
  );
}

function driveNotFound(ctx: CmdletContext, name: string) {
  return ctx.error({
    message: `Cannot find drive. A drive with the name '${name}' does not exist.`,
    errorId: 'GetDriveNoMatchingDrive',
    category: 'ObjectNotFound',
    exceptionType: 'DriveNotFoundException',
    targetObject: name,
  });
}

export const newPSDrive = defineCmdlet({
  name: 'New-PSDrive',
  aliases: ['mount', 'ndr'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Creates a drive that stands for a folder.',
  description:
    'New-PSDrive adds a drive to the session: with the FileSystem provider, a name that stands for a folder of the lab drive, so that `Work:\\notes.txt` is the file notes.txt in that folder. The drive lasts as long as the session. The root must be an existing folder; the name may not be one of the drives the session already has.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Name: { type: 'String', help: 'The name of the new drive (without the colon).', sets: { __AllParameterSets: { position: 0, mandatory: true, fromPipelineByPropertyName: true } } },
    PSProvider: { type: 'String', help: 'The provider of the drive: FileSystem.', sets: { __AllParameterSets: { position: 1, mandatory: true, fromPipelineByPropertyName: true } } },
    Root: { type: 'String', help: 'The folder the drive stands for.', sets: { __AllParameterSets: { position: 2, mandatory: true, fromPipelineByPropertyName: true } } },
    Description: { type: 'String', help: 'A description of the drive.', sets: { __AllParameterSets: { fromPipelineByPropertyName: true } } },
    Scope: { type: 'String', help: 'Accepted for compatibility: the drive belongs to the session.' },
    Persist: { type: 'Switch', help: 'Accepted for compatibility: a lab drive is never persisted to the host.' },
    Credential: { type: 'PSCredential', help: 'Accepted for compatibility: the lab drive needs no credentials.' },
  },
  outputType: [DRIVE_TYPE],
  examples: [
    {
      code: "New-PSDrive -Name Work -PSProvider FileSystem -Root C:\\Users; Test-Path Work:\\Administrator",
      remarks: 'Makes Work: stand for C:\\Users.',
      shows: 'True',
    },
  ],
  related: ['Get-PSDrive', 'Remove-PSDrive'],
  async process(p, ctx) {
    const name = p.Name;
    if (!/^[A-Za-z_][\w-]*$/.test(name)) {
      ctx.fail(ctx.error({ message: `Drive name '${name}' is not valid.`, errorId: 'InvalidDriveName', category: 'InvalidArgument', exceptionType: 'PSArgumentException', targetObject: name }));
    }
    if (!/^(Microsoft\.PowerShell\.Core\\)?FileSystem$/i.test(p.PSProvider)) {
      ctx.fail(ctx.error({
        message: `Cannot find a provider with the name '${p.PSProvider}'.`,
        errorId: 'ProviderNotFound',
        category: 'ObjectNotFound',
        exceptionType: 'ProviderNotFoundException',
        targetObject: p.PSProvider,
      }));
    }
    if (FileSystemDrives.isBuiltIn(name) || drives(ctx).get(name)) {
      ctx.fail(ctx.error({ message: `A drive with the name '${name}' already exists.`, errorId: 'DriveAlreadyExists', category: 'ResourceExists', exceptionType: 'SessionStateException', targetObject: name }));
    }
    const resolved = ctx.fs.resolve(p.Root, ctx.session.getLocation());
    if (!ctx.fs.stat(resolved)?.isDirectory) {
      ctx.fail(ctx.error({
        message: `The specified drive root "${p.Root}" either does not exist, or it is not a folder.`,
        errorId: 'DriveRootError',
        category: 'ReadError',
        exceptionType: 'IOException',
        targetObject: p.Root,
      }));
    }
    if (!(await ctx.shouldProcess(`Name: ${name} Provider: Microsoft.PowerShell.Core\\FileSystem Root: ${resolved.display}`, 'New drive'))) return;
    const drive: MappedDrive = { name, root: resolved.display, description: p.Description ?? '' };
    drives(ctx).add(drive);
    ctx.write(driveInfo(ctx, drive.name, 'FileSystem', drive.root, drive.description));
  },
});

export const getPSDrive = defineCmdlet({
  name: 'Get-PSDrive',
  aliases: ['gdr'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Lists the drives of the session.',
  description:
    'Get-PSDrive lists the drives of the session: the lab machine\'s C: drive, the drives of the Alias, Certificate, Environment, Function and Variable providers, and the drives added with New-PSDrive. -Name (wildcards allowed) and -PSProvider select drives; a name that matches none is an error.',
  parameters: {
    Name: { type: 'String[]', help: 'Names of the drives (wildcards allowed).', sets: { __AllParameterSets: { position: 0, fromPipelineByPropertyName: true } } },
    PSProvider: { type: 'String[]', help: 'Lists only the drives of these providers.' },
    Scope: { type: 'String', help: 'Accepted for compatibility: the drives belong to the session.' },
  },
  outputType: [DRIVE_TYPE],
  examples: [
    { code: 'Get-PSDrive -PSProvider FileSystem | ForEach-Object Name', remarks: 'The file-system drives.', shows: 'C' },
    { code: 'Get-PSDrive Cert', remarks: 'The certificate drive.', shows: 'Certificate' },
  ],
  related: ['New-PSDrive', 'Remove-PSDrive'],
  process(p, ctx) {
    let list = allDrives(ctx);
    const providers = p.PSProvider;
    if (providers) list = list.filter((d) => providers.some((x) => x !== null && providerName(d).toLowerCase() === x.replace(/^Microsoft\.PowerShell\.Core\\/i, '').toLowerCase()));
    const names = stringsOf(p.Name);
    if (!names) {
      for (const d of list) ctx.write(d);
      return;
    }
    for (const n of names) {
      const hits = list.filter((d) => matchesWildcard(String(d.get('Name')), n));
      if (hits.length === 0 && !hasWildcard(n)) ctx.writeError(driveNotFound(ctx, n));
      for (const d of hits) ctx.write(d);
    }
  },
});

export const removePSDrive = defineCmdlet({
  name: 'Remove-PSDrive',
  aliases: ['rdr'],
  module: 'Microsoft.PowerShell.Management',
  synopsis: 'Removes a drive added with New-PSDrive.',
  description: 'Remove-PSDrive removes drives added with New-PSDrive. The files of the folder a drive stood for stay as they are; the session\'s own drives cannot be removed.',
  supportsShouldProcess: true,
  confirmImpact: 'Low',
  parameters: {
    Name: { type: 'String[]', help: 'Names of the drives to remove.', sets: { __AllParameterSets: { position: 0, mandatory: true, fromPipelineByPropertyName: true } } },
    PSProvider: { type: 'String[]', help: 'Accepted for compatibility: only FileSystem drives can be added.' },
    Scope: { type: 'String', help: 'Accepted for compatibility: the drives belong to the session.' },
    Force: { type: 'Switch', help: 'Accepted for compatibility.' },
  },
  examples: [
    {
      setup: "New-PSDrive -Name Work -PSProvider FileSystem -Root C:\\Users | Out-Null",
      code: 'Remove-PSDrive Work; Test-Path Work:\\',
      remarks: 'Removes the drive again.',
      shows: 'False',
    },
  ],
  related: ['New-PSDrive', 'Get-PSDrive'],
  async process(p, ctx) {
    for (const n of p.Name) {
      const found = drives(ctx).list().filter((d) => matchesWildcard(d.name, n));
      if (found.length === 0) {
        ctx.writeError(driveNotFound(ctx, n));
        continue;
      }
      for (const d of found) {
        if (await ctx.shouldProcess(`Name: ${d.name} Provider: Microsoft.PowerShell.Core\\FileSystem Root: ${d.root}`, 'Remove Drive')) drives(ctx).remove(d.name);
      }
    }
  },
});
