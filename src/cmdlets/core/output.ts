// The output cmdlets: formatting, Out-*, Get-Member, JSON, CSV and XML.

import type { CmdletDeclaration } from '../../protocol/cmdlet.js';
import formatTable from './Format-Table.js';
import formatList from './Format-List.js';
import formatWide from './Format-Wide.js';
import formatCustom from './Format-Custom.js';
import formatHex from './Format-Hex.js';
import outString from './Out-String.js';
import outHost from './Out-Host.js';
import outNull from './Out-Null.js';
import outFile from './Out-File.js';
import getMember from './Get-Member.js';
import convertToJson from './ConvertTo-Json.js';
import exportCsv from './Export-Csv.js';
import importCsv from './Import-Csv.js';
import convertToCsv from './ConvertTo-Csv.js';
import convertFromCsv from './ConvertFrom-Csv.js';
import convertFromJson from './ConvertFrom-Json.js';
import convertFromStringData from './ConvertFrom-StringData.js';
import convertToHtml from './ConvertTo-Html.js';
import selectXml from './Select-Xml.js';
import convertToXml from './ConvertTo-Xml.js';
import { exportClixml, importClixml } from './Clixml.js';
import exportFormatData from './Export-FormatData.js';
import getFormatData from './Get-FormatData.js';
import updateFormatData from './Update-FormatData.js';

export const outputCmdlets: CmdletDeclaration[] = [
  formatTable,
  formatList,
  formatWide,
  formatCustom,
  formatHex,
  outString,
  outHost,
  outNull,
  outFile,
  getMember,
  convertToJson,
  exportCsv,
  importCsv,
  convertToCsv,
  convertFromCsv,
  convertFromJson,
  convertFromStringData,
  convertToHtml,
  selectXml,
  convertToXml,
  exportClixml,
  importClixml,
  updateFormatData,
  getFormatData,
  exportFormatData,
] as CmdletDeclaration[];
