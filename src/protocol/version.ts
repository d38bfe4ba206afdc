// System.Version: `[version]'1.2.3.4'`, `[version]::Parse`, `New-Object System.Version 1,2`,
// $PSVersionTable.PSVersion, PSModuleInfo.Version. Two to four parts (major.minor[.build[.revision]]);
// an unset build or revision is -1, compared below 0 as .NET does.

import { PSObject } from './values.js';

const TYPE_NAMES = ['System.Version', 'System.Object'];

export class VersionValue extends PSObject {
  constructor(
    readonly major: number,
    readonly minor: number,
    readonly build = -1,
    readonly revision = -1,
  ) {
    super(TYPE_NAMES);
    const int = (name: string, get: () => number) => this.addProperty({ name, memberType: 'Property', typeName: 'int', get });
    int('Major', () => major);
    int('Minor', () => minor);
    int('Build', () => build);
    int('Revision', () => revision);
    int('MajorRevision', () => (revision < 0 ? -1 : revision >> 16));
    int('MinorRevision', () => (revision < 0 ? -1 : revision & 0xffff));
    this.addMethod({
      name: 'ToString',
      definition: 'string ToString(), string ToString(int fieldCount)',
      invoke: (args) => (args.length ? this.text(Number(args[0])) : this.text()),
    });
    this.addMethod({ name: 'CompareTo', definition: 'int CompareTo(System.Object version), int CompareTo(version value)', invoke: (args) => (args[0] === null || args[0] === undefined ? 1 : this.compare(toVersion(args[0]))) });
    this.addMethod({ name: 'Equals', definition: 'bool Equals(System.Object obj), bool Equals(version obj)', invoke: (args) => args[0] instanceof VersionValue && this.compare(args[0]) === 0 });
    this.addMethod({ name: 'GetHashCode', definition: 'int GetHashCode()', invoke: () => ((major & 0xf) << 28) | ((minor & 0xff) << 20) | ((build & 0xff) << 12) | (revision & 0xfff) });
  }

  /** The version's text with all its parts, or the first `fieldCount` (an ArgumentException past the parts it has). */
  text(fieldCount?: number): string {
    const parts = [this.major, this.minor, this.build, this.revision].filter((p, i) => i < 2 || p >= 0);
    if (fieldCount === undefined) return parts.join('.');
    if (fieldCount < 0 || fieldCount > parts.length) throw new RangeError(`Argument must be between 0 and ${parts.length}.\r\nParameter name: fieldCount`);
    return parts.slice(0, fieldCount).join('.');
  }

  override toString(): string {
    return this.text();
  }

  compare(other: VersionValue): number {
    const a = [this.major, this.minor, this.build, this.revision];
    const b = [other.major, other.minor, other.build, other.revision];
    for (let i = 0; i < 4; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
    return 0;
  }
}

/** Why a text is not a version, in .NET's words; undefined when it is one. */
export function versionParseError(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length < 2 || parts.length > 4) return 'Version string portion was too short or too long.';
  for (const p of parts) {
    if (!/^\s*[+-]?\d+\s*$/.test(p)) return 'Input string was not in a correct format.';
    const n = Number(p);
    if (n > 2147483647) return 'Value was either too large or too small for an Int32.';
    if (n < 0) return "Version's parameters must be greater than or equal to zero.\r\nParameter name: version";
  }
  return undefined;
}

/** The .NET exception behind a versionParseError text. */
export function versionErrorType(why: string): string {
  return /too short/.test(why) ? 'ArgumentException' : /format/.test(why) ? 'FormatException' : /Int32/.test(why) ? 'OverflowException' : 'ArgumentOutOfRangeException';
}

/** Version.Parse: the version a text stands for; undefined when it stands for none. */
export function parseVersion(text: string): VersionValue | undefined {
  if (versionParseError(text) !== undefined) return undefined;
  const [major, minor, build, revision] = text.split('.').map((p) => Number(p.trim()));
  return new VersionValue(major!, minor!, build ?? -1, revision ?? -1);
}

/** A value as a version, for comparisons: a version as it is, anything else by its text; undefined when it is not one. */
function toVersion(v: unknown): VersionValue {
  if (v instanceof VersionValue) return v;
  const parsed = parseVersion(String(v));
  if (!parsed) throw new TypeError(`Object must be of type Version.`);
  return parsed;
}

/** A version for comparison operators and Sort-Object: the value itself, or its text parsed; undefined when it is not one. */
export function versionOperand(v: unknown): VersionValue | undefined {
  if (v instanceof VersionValue) return v;
  if (typeof v === 'string') return parseVersion(v);
  if (typeof v === 'number') return parseVersion(String(v));
  return undefined;
}
