// Typed declarations: a parameter's default is declared once (the binder supplies it, help shows
// it, $PSBoundParameters leaves it out), and is a value of the parameter's own type.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCmdlets } from '../../src/cmdlets/index.js';
import { declaredDefaults, type ParameterDeclaration } from '../../src/protocol/cmdlet.js';
import { PSHashtable } from '../../src/protocol/values.js';
import { capturedSession, type Captured } from '../helpers/run.js';

/** Whether a default is a value of the declared parameter type, as the binder hands it over. */
function fits(p: ParameterDeclaration, v: unknown): boolean {
  switch (p.type) {
    case 'String':
    case 'Char':
      return typeof v === 'string';
    case 'Int32':
    case 'Int64':
    case 'Double':
    case 'Decimal':
      return typeof v === 'number';
    case 'Boolean':
    case 'Switch':
      return typeof v === 'boolean';
    case 'Enum':
      return typeof v === 'string' && (p.enum?.values ?? []).includes(v);
    case 'String[]':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'Hashtable':
      return v instanceof PSHashtable;
    default:
      return v !== undefined;
  }
}

describe('declared defaults', () => {
  const withDefaults = allCmdlets.flatMap((c) => Object.entries(c.parameters).filter(([, p]) => p.default !== undefined).map(([n, p]) => [c.name, n, p] as const));

  it('exist, and each is a value of its parameter type (and in its ValidateSet)', () => {
    expect(withDefaults.length).toBeGreaterThan(10);
    for (const [cmd, name, p] of withDefaults) {
      expect(fits(p, p.default), `${cmd} -${name}`).toBe(true);
      if (p.validateSet) expect(p.validateSet.map((s) => s.toLowerCase()), `${cmd} -${name}`).toContain(String(p.default).toLowerCase());
    }
  });

  it('declaredDefaults lists exactly the declared ones', () => {
    const get = allCmdlets.find((c) => c.name === 'Get-Content')!;
    expect(declaredDefaults(get)).toEqual({ ReadCount: 1, TotalCount: -1 });
  });

  let s: Captured;
  beforeAll(async () => {
    s = await capturedSession();
  });
  afterAll(async () => {
    await s.close();
  });

  it('help shows the declared default', async () => {
    const { out } = await s.run('Get-Help ConvertTo-Json -Parameter Depth');
    expect(out).toMatch(/Default value\s+2/);
    const sep = await s.run('Get-Help Write-Host -Parameter Separator');
    expect(sep.out).toMatch(/Default value\s+' '/);
  });

  it('the binder supplies it when the parameter is not given', async () => {
    const { out } = await s.run("@{a=@{b=@{c=@{d=1}}}} | ConvertTo-Json -Compress; 'x' | Write-Host -Separator '-' -NoNewline; ''");
    expect(out).toContain('{"a":{"b":{"c":"System.Collections.Hashtable"}}}');
  });
});

describe('$null to a typed parameter', () => {
  let s: Captured;
  beforeAll(async () => {
    s = await capturedSession();
  });
  afterAll(async () => {
    await s.close();
  });

  it('is 0 for a number, refused for an enum', async () => {
    const n = await s.run('Get-History -Count $null | Measure-Object | Select-Object -ExpandProperty Count');
    expect(n.out.trim()).toBe('0');
    const e = await s.run('Get-Date -DisplayHint $null');
    expect(e.out).toContain('Cannot convert null to type "Microsoft.PowerShell.Commands.DisplayHintType".');
    expect(e.out).toContain('ParameterBindingException');
  });
});
