// The Exchange settings of src/exchange/settings.ts as cmdlet parameters and object properties:
// one declaration per setting gives the parameter (type, enum values, range), the check of its
// value (refused before anything changes, as a binding error naming the Exchange type), the
// stored form, and the property as EMS prints it.

import type { CmdletContext, ParameterDeclaration } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { formatByteQuantifiedSize } from '../../exchange/defaults.js';
import {
  isIPAddress,
  isIPBinding,
  isIPRange,
  parseByteQuantifiedSize,
  parseEnhancedTimeSpan,
  parseUnlimitedInt,
  settingValue,
  type SettingContext,
  type SettingSpec,
  type SettingValue,
  type SettingsBag,
} from '../../exchange/settings.js';
import { bindingError, checkFqdn, checkLocalPath, checkUri, flagsList, flagsText, multiValued, optionalText, type PropSpec } from './config-common.js';

/** The parameter a setting binds to. */
export function settingParameter(spec: SettingSpec): ParameterDeclaration {
  const help = `Sets ${spec.name} (${spec.typeName.replace(/^.*\./, '').replace(/\]+$/, '')}).`;
  const netType = spec.typeName.replace(/\[\[/g, '[').replace(/\]\]/g, ']');
  switch (spec.kind) {
    case 'bool':
      return { type: 'Boolean', help };
    case 'int':
      return { type: 'Int32', help, ...(spec.range ? { validateRange: spec.range } : {}) };
    case 'enum':
    case 'flags':
      return { type: 'Enum', enum: { typeName: spec.enumType ?? spec.typeName, values: spec.values ?? [], flags: spec.kind === 'flags' }, help };
    case 'strings':
    case 'ipAddresses':
    case 'bindings':
    case 'ipRanges':
      return { type: 'Object', netType, help: `${help} A list replaces the value; @{Add=...; Remove=...} edits it.` };
    case 'credential':
      return { type: 'PSCredential', help };
    case 'string':
      return { type: 'String', allowNull: true, help };
    default:
      return { type: 'String', netType, allowNull: true, help };
  }
}

export function settingParameters(specs: readonly SettingSpec[]): Record<string, ParameterDeclaration> {
  const out: Record<string, ParameterDeclaration> = {};
  for (const s of specs) if (!s.propertyOnly) out[s.name] = settingParameter(s);
  return out;
}

const TYPE_TEXT: Partial<Record<SettingSpec['kind'], string>> = {
  timespan: 'Microsoft.Exchange.Data.EnhancedTimeSpan',
  size: 'Microsoft.Exchange.Data.ByteQuantifiedSize',
  unlimitedSize: 'Microsoft.Exchange.Data.Unlimited`1[Microsoft.Exchange.Data.ByteQuantifiedSize]',
  unlimitedInt: 'Microsoft.Exchange.Data.Unlimited`1[System.Int32]',
  smtpAddress: 'Microsoft.Exchange.Data.SmtpAddress',
  ipAddress: 'System.Net.IPAddress',
  guid: 'System.Guid',
  culture: 'System.Globalization.CultureInfo',
};

function listOf(v: unknown): unknown[] {
  return v === null || v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The stored form of one parameter value; refuses (terminating) what the Exchange type refuses. */
export function parseSetting(ctx: CmdletContext, spec: SettingSpec, v: unknown, current: SettingValue): SettingValue {
  const param = spec.name;
  const bad = (inner: string): never => bindingError(ctx, param, v, TYPE_TEXT[spec.kind] ?? spec.typeName, inner);
  const text = optionalText(v);
  switch (spec.kind) {
    case 'bool':
      return Boolean(v);
    case 'int':
      return Number(v);
    case 'enum':
      return String(v);
    case 'flags':
      return flagsText(flagsList(v));
    case 'string':
      return v === null || v === undefined ? null : String(v);
    case 'fqdn':
      return checkFqdn(ctx, param, v) || null;
    case 'uri':
      return checkUri(ctx, param, v);
    case 'path':
      return checkLocalPath(ctx, param, v);
    case 'timespan':
      return parseEnhancedTimeSpan(String(v ?? '')) ?? bad('Input string was not in a correct format.');
    case 'size': {
      const s = parseByteQuantifiedSize(String(v ?? ''));
      return s && s !== 'unlimited' ? s : bad(`The value "${String(v)}" is not a valid size. Use a number followed by B, KB, MB, GB or TB.`);
    }
    case 'unlimitedSize':
      return parseByteQuantifiedSize(String(v ?? '')) ?? bad(`The value "${String(v)}" is not a valid size. Use a number followed by B, KB, MB, GB or TB, or Unlimited.`);
    case 'unlimitedInt': {
      const n = parseUnlimitedInt(String(v ?? ''), spec.range);
      return n ?? bad(`The value "${String(v)}" is not a valid number${spec.range ? ` from ${spec.range[0]} to ${spec.range[1]}` : ''}, or Unlimited.`);
    }
    case 'smtpAddress':
      if (text === null) return null;
      return /^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(text) ? text : bad(`"${text}" is not a valid SMTP address.`);
    case 'ipAddress':
      if (text === null) return null;
      return isIPAddress(text) ? text : bad('An invalid IP address was specified.');
    case 'guid':
      if (text === null) return null;
      return /^\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i.test(text) ? text.replace(/[{}]/g, '').toLowerCase() : bad('Guid should contain 32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).');
    case 'culture':
      if (text === null) return null;
      return /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/i.test(text) ? text : bad(`Culture is not supported. Parameter name: name\r\n${text} is an invalid culture identifier.`);
    case 'credential':
      // The user name is kept; the password stays out of the lab's files.
      return v instanceof PSObject ? String(v.get('UserName') ?? '') || null : null;
    case 'strings':
      return multiValued(v, Array.isArray(current) ? current : []);
    case 'ipAddresses':
    case 'bindings':
    case 'ipRanges': {
      const list = multiValued(v, Array.isArray(current) ? current : []);
      const ok = spec.kind === 'bindings' ? isIPBinding : spec.kind === 'ipRanges' ? isIPRange : isIPAddress;
      for (const x of [...list, ...listOf(v).filter((i) => i === null)]) {
        if (x === null || !ok(String(x).trim())) {
          const [what, type] =
            spec.kind === 'bindings'
              ? ['IP address and port (for example 0.0.0.0:25)', 'Microsoft.Exchange.Data.IPBinding']
              : spec.kind === 'ipRanges'
                ? ['IP address, IP range (a-b) or subnet (a/bits)', 'Microsoft.Exchange.Data.IPRange']
                : ['IP address', 'System.Net.IPAddress'];
          return bindingError(ctx, param, x, type, `"${String(x ?? '')}" is not a valid ${what}.`);
        }
      }
      return list.map((x) => x.trim());
    }
  }
}

/** The new bag after the bound setting parameters (every value checked first; nothing stored yet). */
export function applySettings(ctx: CmdletContext, specs: readonly SettingSpec[], p: Record<string, unknown>, bag: SettingsBag | undefined, c: SettingContext): SettingsBag {
  const next: SettingsBag = { ...(bag ?? {}) };
  for (const spec of specs) {
    if (spec.propertyOnly || !ctx.bound.has(spec.name)) continue;
    next[spec.name] = parseSetting(ctx, spec, p[spec.name], settingValue(spec, bag, c));
  }
  return next;
}

/** A setting's value as EMS prints it. */
export function displaySetting(spec: SettingSpec, v: SettingValue): unknown {
  if (Array.isArray(v)) return [...v];
  if ((spec.kind === 'size' || spec.kind === 'unlimitedSize') && typeof v === 'string') return formatByteQuantifiedSize(v);
  return v;
}

export function settingProperty(spec: SettingSpec, bag: () => SettingsBag | undefined, c: () => SettingContext): PropSpec {
  return [spec.name, spec.typeName, () => displaySetting(spec, settingValue(spec, bag(), c()))];
}

/**
 * The object's properties in the order 2007 shows them: `own` gives the ones the lab computes
 * (or keeps in typed fields), the specs the rest.
 */
export function orderedProperties(order: readonly string[], own: Record<string, PropSpec>, specs: readonly SettingSpec[], bag: () => SettingsBag | undefined, c: () => SettingContext): PropSpec[] {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const out: PropSpec[] = [];
  for (const name of order) {
    const o = own[name];
    if (o) out.push(o);
    else {
      const s = byName.get(name);
      if (s) out.push(settingProperty(s, bag, c));
    }
  }
  return out;
}
