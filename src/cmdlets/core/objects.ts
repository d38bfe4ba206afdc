// The core object and host cmdlets: pipeline shaping (Where/ForEach/Select/Sort/Group/Measure),
// discovery (Get-Command, Get-Help, Get-Alias, Get-History), modules (Import-/Get-/Remove-/New-Module), the Write-* streams, dates,
// secure strings and credentials, host interaction and transcripts.

import type { CmdletDeclaration } from '../../protocol/cmdlet.js';
import './object-views.js';
import ClearHost from './Clear-Host.js';
import ConvertToSecureString from './ConvertTo-SecureString.js';
import ForEachObject from './ForEach-Object.js';
import GetAlias from './Get-Alias.js';
import GetCommand from './Get-Command.js';
import GetCredential from './Get-Credential.js';
import GetDate from './Get-Date.js';
import GetHelp from './Get-Help.js';
import GetVerb from './Get-Verb.js';
import GetHistory from './Get-History.js';
import GetRunspace from './Get-Runspace.js';
import GetVariable from './Get-Variable.js';
import GroupObject from './Group-Object.js';
import GetTypeData from './Get-TypeData.js';
import RemoveTypeData from './Remove-TypeData.js';
import UpdateTypeData from './Update-TypeData.js';
import MeasureObject from './Measure-Object.js';
import NewObject from './New-Object.js';
import ReadHost from './Read-Host.js';
import SelectObject from './Select-Object.js';
import SetVariable from './Set-Variable.js';
import SortObject from './Sort-Object.js';
import StartSleep from './Start-Sleep.js';
import StartTranscript from './Start-Transcript.js';
import StopTranscript from './Stop-Transcript.js';
import WhereObject from './Where-Object.js';
import WriteDebug from './Write-Debug.js';
import WriteError from './Write-Error.js';
import WriteHost from './Write-Host.js';
import WriteOutput from './Write-Output.js';
import WriteProgress from './Write-Progress.js';
import WriteVerbose from './Write-Verbose.js';
import WriteInformation from './Write-Information.js';
import WriteWarning from './Write-Warning.js';
import AddMember from './Add-Member.js';
import SelectString from './Select-String.js';
import TeeObject from './Tee-Object.js';
import NewVariable from './New-Variable.js';
import ClearVariable from './Clear-Variable.js';
import RemoveVariable from './Remove-Variable.js';
import InvokeExpression from './Invoke-Expression.js';
import ImportLocalizedData from './Import-LocalizedData.js';
import GetRandom from './Get-Random.js';
import SetStrictMode from './Set-StrictMode.js';
import GetUnique from './Get-Unique.js';
import NewGuid from './New-Guid.js';
import CompareObject from './Compare-Object.js';
import { GetCulture, GetUICulture } from './Get-Culture.js';
import NewTimeSpan from './New-TimeSpan.js';
import MeasureCommand from './Measure-Command.js';
import AddType from './Add-Type.js';
import ImportModule from './Import-Module.js';
import GetModule from './Get-Module.js';
import RemoveModule from './Remove-Module.js';
import NewModule from './New-Module.js';
import ExportModuleMember from './Export-ModuleMember.js';

export const objectCmdlets: CmdletDeclaration[] = [
  AddType,
  WhereObject,
  ForEachObject,
  SelectObject,
  SortObject,
  GroupObject,
  MeasureObject,
  GetCommand,
  GetHelp,
  GetVerb,
  GetAlias,
  GetHistory,
  GetRunspace,
  WriteOutput,
  WriteError,
  WriteWarning,
  WriteVerbose,
  WriteInformation,
  WriteDebug,
  WriteProgress,
  WriteHost,
  GetDate,
  ConvertToSecureString,
  GetCredential,
  ReadHost,
  ClearHost,
  StartTranscript,
  StopTranscript,
  NewObject,
  StartSleep,
  GetVariable,
  SetVariable,
  TeeObject,
  AddMember,
  SelectString,
  NewVariable,
  ClearVariable,
  RemoveVariable,
  InvokeExpression,
  ImportLocalizedData,
  GetRandom,
  SetStrictMode,
  GetUnique,
  NewGuid,
  CompareObject,
  GetCulture,
  GetUICulture,
  NewTimeSpan,
  MeasureCommand,
  UpdateTypeData,
  GetTypeData,
  RemoveTypeData,
  ImportModule,
  GetModule,
  RemoveModule,
  NewModule,
  ExportModuleMember,
] as CmdletDeclaration[];
