// The user's temporary folder on the lab drive and its files: what [System.IO.Path]::GetTempPath()
// gives (made when missing), and the empty tmpXXXX.tmp file that GetTempFileName() and New-TemporaryFile both make.

import { randomUUID } from 'node:crypto';
import type { LabFileSystem, ResolvedPath } from './cmdlet.js';

/** The user's temporary folder (its long name: the lab drive has no 8.3 names). */
export const TEMP_FOLDER = 'C:\\Users\\Administrator\\AppData\\Local\\Temp';

/**
 * The temporary folder, made when the lab drive lacks it: on Windows it always exists, so scripts
 * write into [IO.Path]::GetTempPath() without creating it.
 */
export function tempFolder(fs: LabFileSystem): ResolvedPath {
  const folder = fs.resolve(TEMP_FOLDER, TEMP_FOLDER);
  if (!fs.exists(folder)) fs.mkdir(folder);
  return folder;
}

/** Makes an empty file with a new name in the temporary folder (and the folder when missing). */
export function newTempFile(fs: LabFileSystem): ResolvedPath {
  tempFolder(fs);
  let file: ResolvedPath;
  do file = fs.resolve(`tmp${randomUUID().slice(0, 4).toUpperCase()}.tmp`, TEMP_FOLDER);
  while (fs.exists(file));
  fs.writeBytes(file, new Uint8Array(0));
  return file;
}
