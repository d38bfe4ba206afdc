// File-system drives the session adds with New-PSDrive (`New-PSDrive Work FileSystem C:\Work`,
// Pester's TestDrive:): a drive name standing for a folder of the lab drive. Paths on such a drive
// (`Work:\notes.txt`, `Work:`) are rewritten to the folder's path before the lab drive resolves
// them, so every file cmdlet and Set-Location take them, and the lab drive's containment rules
// still apply to the result. Names are case-insensitive, as PowerShell's are.

import { serviceKey, type ServiceKey } from './cmdlet.js';

/** The names a new drive may not take: the lab's C: and the providers' own drives. */
const BUILT_IN = new Set(['c', 'alias', 'cert', 'env', 'function', 'variable']);

export interface MappedDrive {
  /** As given to New-PSDrive. */
  readonly name: string;
  /** The folder it stands for, a full path on the lab drive (`C:\Work`). */
  readonly root: string;
  readonly description: string;
}

export class FileSystemDrives {
  private readonly drives = new Map<string, MappedDrive>();

  static isBuiltIn(name: string): boolean {
    return BUILT_IN.has(name.toLowerCase());
  }

  get(name: string): MappedDrive | undefined {
    return this.drives.get(name.toLowerCase());
  }

  list(): MappedDrive[] {
    return [...this.drives.values()];
  }

  add(drive: MappedDrive): void {
    this.drives.set(drive.name.toLowerCase(), drive);
  }

  remove(name: string): boolean {
    return this.drives.delete(name.toLowerCase());
  }

  /** `Work:\a\b.txt` → `C:\Work\a\b.txt`; paths not on an added drive come back unchanged. */
  rewrite(path: string): string {
    if (this.drives.size === 0) return path;
    const m = /^([A-Za-z_][\w-]*):(.*)$/s.exec(path);
    if (!m || m[1]!.length === 1 && m[1]!.toLowerCase() === 'c') return path;
    const drive = this.get(m[1]!);
    if (!drive) return path;
    const rest = m[2]!.replace(/^[\\/]+/, '');
    return rest === '' ? drive.root : `${drive.root.replace(/[\\/]+$/, '')}\\${rest}`;
  }
}

/** The session's added drives, as a service cmdlets ask their context for. */
export const FileSystemDrivesKey: ServiceKey<FileSystemDrives> = serviceKey<FileSystemDrives>('fileSystemDrives');
