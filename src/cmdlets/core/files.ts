// The file cmdlets, over the lab drive (ctx.fs). Importing this registers their views.

import type { CmdletDeclaration } from '../../protocol/cmdlet.js';
import './file-views.js';
import AddContent from './Add-Content.js';
import CopyItem from './Copy-Item.js';
import GetChildItem from './Get-ChildItem.js';
import GetContent from './Get-Content.js';
import GetFileHash from './Get-FileHash.js';
import GetItem from './Get-Item.js';
import SetItem from './Set-Item.js';
import GetLocation from './Get-Location.js';
import { getPSDrive, newPSDrive, removePSDrive } from './PSDrive.js';
import { popLocation, pushLocation } from './Push-Location.js';
import MoveItem from './Move-Item.js';
import NewItem from './New-Item.js';
import RemoveItem from './Remove-Item.js';
import RenameItem from './Rename-Item.js';
import SetItemProperty from './Set-ItemProperty.js';
import UnblockFile from './Unblock-File.js';
import SetContent from './Set-Content.js';
import SetLocation from './Set-Location.js';
import TestPath from './Test-Path.js';

import JoinPath from './Join-Path.js';
import SplitPath from './Split-Path.js';
import ResolvePath from './Resolve-Path.js';

export const fileCmdlets: CmdletDeclaration[] = [
  GetContent,
  SetContent,
  AddContent,
  GetChildItem,
  GetItem,
  SetItem,
  TestPath,
  RemoveItem,
  CopyItem,
  MoveItem,
  RenameItem,
  SetItemProperty,
  UnblockFile,
  NewItem,
  GetLocation,
  SetLocation,
  newPSDrive,
  getPSDrive,
  removePSDrive,
  pushLocation,
  popLocation,
  JoinPath,
  SplitPath,
  ResolvePath,
  GetFileHash,
] as CmdletDeclaration[];
