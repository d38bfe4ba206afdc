// The variables a fresh session starts with: preference variables at their 5.1 defaults,
// $PSVersionTable, $Host, $HOME, and the Windows-like environment ($env:) of the lab machine.

import { PSHashtable, PSObject } from '../protocol/values.js';
import { parseVersion, type VersionValue } from '../protocol/version.js';
import type { Host } from '../protocol/host.js';
import type { Scope } from './scope.js';

export const PS_VERSION = '5.1.14393.5582';

function versionObject(text: string): VersionValue {
  return parseVersion(text)!;
}

export function psVersionTable(): PSHashtable {
  const t = new PSHashtable();
  t.set('PSVersion', versionObject(PS_VERSION));
  t.set('PSEdition', 'Desktop');
  t.set('PSCompatibleVersions', ['1.0', '2.0', '3.0', '4.0', '5.0', '5.1.14393.5582'].map(versionObject));
  t.set('BuildVersion', versionObject('10.0.14393.5582'));
  t.set('CLRVersion', versionObject('4.0.30319.42000'));
  t.set('WSManStackVersion', versionObject('3.0'));
  t.set('PSRemotingProtocolVersion', versionObject('2.3'));
  t.set('SerializationVersion', versionObject('1.1.0.1'));
  return t;
}

/** A System.Management.Automation.Host.Size (`120,50` as text). */
function sizeObject(width: number, height: number): PSObject {
  const o = new PSObject(['System.Management.Automation.Host.Size', 'System.ValueType', 'System.Object']);
  o.addProperty({ name: 'Width', memberType: 'Property', typeName: 'System.Int32', get: () => width });
  o.addProperty({ name: 'Height', memberType: 'Property', typeName: 'System.Int32', get: () => height });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `${width},${height}` });
  return o;
}

/**
 * The console's window: the terminal's size when the host has one, else 5.1's defaults for a
 * 120-column console (window 120x50, buffer 120x3000 rows).
 */
function consoleSizes(host: Host | undefined): { window: PSObject; buffer: PSObject } {
  const size = host?.windowSize?.();
  const columns = size?.columns ?? (host ? host.width : 120);
  return { window: sizeObject(columns, size?.rows ?? 50), buffer: sizeObject(columns, 3000) };
}

/** `$ExecutionContext` (EngineIntrinsics): the engine's services to scripts; here its Host. */
function engineIntrinsics(hostValue: PSObject): PSObject {
  const o = new PSObject(['System.Management.Automation.EngineIntrinsics', 'System.Object']);
  o.addProperty({ name: 'Host', memberType: 'Property', typeName: 'System.Management.Automation.Host.PSHost', get: () => hostValue });
  return o;
}

export function hostObject(host?: Host): PSObject {
  let title = 'Machine: ' + 'EMS';
  const rawUI = new PSObject(['System.Management.Automation.Internal.Host.InternalHostRawUserInterface', 'System.Object']);
  rawUI.addProperty({ name: 'WindowTitle', memberType: 'Property', typeName: 'System.String', get: () => title, set: (v) => { title = String(v); } });
  rawUI.addProperty({ name: 'ForegroundColor', memberType: 'Property', get: () => 'Gray' });
  rawUI.addProperty({ name: 'BackgroundColor', memberType: 'Property', get: () => 'Black' });
  rawUI.addProperty({ name: 'WindowSize', memberType: 'Property', typeName: 'System.Management.Automation.Host.Size', get: () => consoleSizes(host).window });
  rawUI.addProperty({ name: 'BufferSize', memberType: 'Property', typeName: 'System.Management.Automation.Host.Size', get: () => consoleSizes(host).buffer });
  rawUI.addProperty({ name: 'MaxWindowSize', memberType: 'Property', typeName: 'System.Management.Automation.Host.Size', get: () => consoleSizes(host).window });
  const ui = new PSObject(['System.Management.Automation.Internal.Host.InternalHostUserInterface', 'System.Object']);
  ui.addProperty({ name: 'RawUI', memberType: 'Property', get: () => rawUI });
  const h = new PSObject(['System.Management.Automation.Internal.Host.InternalHost', 'System.Object']);
  h.addProperty({ name: 'Name', memberType: 'Property', typeName: 'System.String', get: () => 'ConsoleHost' });
  h.addProperty({ name: 'Version', memberType: 'Property', typeName: 'System.Version', get: () => versionObject(PS_VERSION) });
  h.addProperty({ name: 'InstanceId', memberType: 'Property', typeName: 'System.Guid', get: () => '0c8f4d3e-2b7a-4f0e-9a61-5d2c7b1e8a90' });
  h.addProperty({ name: 'UI', memberType: 'Property', get: () => ui });
  h.addProperty({ name: 'CurrentCulture', memberType: 'Property', get: () => 'en-US' });
  h.addProperty({ name: 'CurrentUICulture', memberType: 'Property', get: () => 'en-US' });
  return h;
}

/** The environment of a Windows Server running Exchange; COMPUTERNAME follows the machine. */
export function defaultEnvironment(): [string, string][] {
  return [
    ['ALLUSERSPROFILE', 'C:\\ProgramData'],
    ['APPDATA', 'C:\\Users\\Administrator\\AppData\\Roaming'],
    ['CommonProgramFiles', 'C:\\Program Files\\Common Files'],
    ['ComSpec', 'C:\\Windows\\system32\\cmd.exe'],
    ['ExchangeInstallPath', 'C:\\Program Files\\Microsoft\\Exchange Server\\'],
    ['HOMEDRIVE', 'C:'],
    ['HOMEPATH', '\\Users\\Administrator'],
    ['LOCALAPPDATA', 'C:\\Users\\Administrator\\AppData\\Local'],
    ['NUMBER_OF_PROCESSORS', '2'],
    ['OS', 'Windows_NT'],
    ['Path', 'C:\\Windows\\system32;C:\\Windows;C:\\Windows\\System32\\Wbem;C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\;C:\\Program Files\\Microsoft\\Exchange Server\\bin'],
    ['PATHEXT', '.COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC;.CPL'],
    ['PROCESSOR_ARCHITECTURE', 'AMD64'],
    ['ProgramData', 'C:\\ProgramData'],
    ['ProgramFiles', 'C:\\Program Files'],
    ['ProgramFiles(x86)', 'C:\\Program Files (x86)'],
    ['PSModulePath', 'C:\\Users\\Administrator\\Documents\\WindowsPowerShell\\Modules;C:\\Program Files\\WindowsPowerShell\\Modules;C:\\Windows\\system32\\WindowsPowerShell\\v1.0\\Modules'],
    ['PUBLIC', 'C:\\Users\\Public'],
    ['SystemDrive', 'C:'],
    ['SystemRoot', 'C:\\Windows'],
    ['TEMP', 'C:\\Users\\ADMINI~1\\AppData\\Local\\Temp'],
    ['TMP', 'C:\\Users\\ADMINI~1\\AppData\\Local\\Temp'],
    ['USERDNSDOMAIN', 'PROEXCHANGE.GLOBAL'],
    ['USERDOMAIN', 'PROEXCHANGE'],
    ['USERNAME', 'Administrator'],
    ['USERPROFILE', 'C:\\Users\\Administrator'],
    ['windir', 'C:\\Windows'],
  ];
}

/** The shell's process id ($PID, InformationRecord.ProcessId). */
export const SHELL_PROCESS_ID = 4812;

/** Preference variables and other globals at their 5.1 defaults. */
export function seedGlobals(global: Scope, extra: Record<string, unknown> | undefined, host?: Host): void {
  const set = (name: string, value: unknown) => global.setOwn(name, value);
  for (const [name, value] of [['true', true], ['false', false], ['null', null]] as const) {
    const v = global.setOwn(name, value);
    v.constant = true;
  }
  set('ConfirmPreference', 'High');
  set('DebugPreference', 'SilentlyContinue');
  set('ErrorActionPreference', 'Continue');
  set('ErrorView', 'NormalView');
  set('FormatEnumerationLimit', 4);
  set('InformationPreference', 'SilentlyContinue');
  set('MaximumErrorCount', 256);
  set('MaximumHistoryCount', 4096);
  set('ProgressPreference', 'Continue');
  set('VerbosePreference', 'SilentlyContinue');
  set('WarningPreference', 'Continue');
  set('WhatIfPreference', false);
  set('PSDefaultParameterValues', new PSHashtable());
  set('PSVersionTable', psVersionTable());
  const hostValue = hostObject(host);
  set('Host', hostValue);
  set('ExecutionContext', engineIntrinsics(hostValue));
  set('HOME', 'C:\\Users\\Administrator');
  set('PSHOME', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0');
  set('PID', SHELL_PROCESS_ID);
  set('ShellId', 'Microsoft.PowerShell');
  set('NestedPromptLevel', 0);
  set('PSCulture', 'en-US');
  set('PSUICulture', 'en-US');
  // `$^` and `$$` (first and last token of the previous command line) exist from the start, empty.
  set('^', null);
  set('$', null);
  for (const [k, v] of Object.entries(extra ?? {})) set(k, v);
  // Read-only (AllScope) and constant automatic variables: assigning them fails in every scope
  // ("Cannot overwrite variable HOME because it is read-only or constant.").
  for (const name of ['HOME', 'PSHOME', 'PSCulture', 'PSUICulture', 'PSVersionTable']) global.getOwn(name.toLowerCase())!.readOnly = true;
  for (const name of ['Host', 'PID', 'ShellId', 'ExecutionContext']) global.getOwn(name.toLowerCase())!.constant = true;
}
