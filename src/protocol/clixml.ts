// CliXml: PowerShell's serialization format (Export-Clixml, Import-Clixml, PSSerializer), as
// Windows PowerShell 5.1 writes it (`<Objs Version="1.1.0.1">`, primitives as <S> <I32> <DT> ...,
// objects as <Obj RefId> with <TN>/<TNRef>, <ToString>, <Props>, <MS>, and <LST>/<DCT>/<IE>
// for containers). Reading gives primitives and known containers back as themselves and
// every other object as a property bag whose type names start with "Deserialized.".

import { EnumValue, PSHashtable, PSObject, PSTypeValue, ScriptBlockValue, SecureString, listKindOf, markList, typeNamesOf, toDisplayText, arrayElementType } from './values.js';
import { PSChar, PSDecimal, TypedNumber, convertNumeric, double, int64, isNumeric, numberKind, numericText, type NumberKind } from './numbers.js';
import { raise } from './errors.js';
import { getMember, memberNames } from './members.js';
import { guidObject } from './guid.js';
import { timeSpan } from './operators.js';
import { XmlDocument, XmlException, XmlNode, outerXml, parseXml } from './xml-dom.js';

const NS = 'http://schemas.microsoft.com/powershell/2004/04';

const NUMBER_TAGS: Record<NumberKind, string> = {
  SByte: 'SB', Byte: 'By', Int16: 'I16', UInt16: 'U16', Int32: 'I32', UInt32: 'U32', Int64: 'I64', UInt64: 'U64',
  Single: 'Sg', Double: 'Db', Decimal: 'D',
};
const TAG_KINDS = Object.fromEntries(Object.entries(NUMBER_TAGS).map(([k, t]) => [t, k as NumberKind]));

// ---------------------------------------------------------------------------------------------
// Text encoding: XML escapes, and `_xHHHH_` for characters XML cannot hold (and for `_x` itself)

/** PowerShell's EncodeString: control characters, surrogates and `_x` become `_xHHHH_`; XML's own escapes after. */
function encodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i]!;
    const next = s[i + 1];
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0xd800 && c <= 0xdfff) || (ch === '_' && (next === 'x' || next === 'X'))) {
      out += `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    } else if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else out += ch;
  }
  return out;
}

function decodeString(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function attr(s: string): string {
  return encodeString(s).replace(/"/g, '&quot;');
}

// ---------------------------------------------------------------------------------------------
// Dates and durations as XmlConvert writes them

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/** XmlConvert.ToString(DateTime, RoundtripKind) for a local time: `2026-12-07T02:00:47.123-08:00`. */
export function clixmlDate(d: Date): string {
  const frac = d.getMilliseconds() ? '.' + pad(d.getMilliseconds(), 3).replace(/0+$/, '') : '';
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${frac}${sign}${pad(Math.floor(Math.abs(off) / 60))}:${pad(Math.abs(off) % 60)}`;
}

/** XmlConvert.ToString(TimeSpan): `PT1H2M3.5S`, `P1DT2H`, `PT0S`. */
export function clixmlDuration(ms: number): string {
  const neg = ms < 0;
  let rest = Math.abs(ms);
  const days = Math.floor(rest / 86400000);
  rest -= days * 86400000;
  const h = Math.floor(rest / 3600000);
  rest -= h * 3600000;
  const m = Math.floor(rest / 60000);
  rest -= m * 60000;
  const s = rest / 1000;
  let out = (neg ? '-' : '') + 'P' + (days ? `${days}D` : '');
  if (h || m || s || !days) {
    out += 'T' + (h ? `${h}H` : '') + (m ? `${m}M` : '') + (s || (!h && !m) ? `${Number(s.toFixed(7))}S` : '');
  }
  return out;
}

function parseDuration(text: string): number {
  const m = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(text.trim());
  if (!m) return 0;
  const ms = Number(m[2] ?? 0) * 86400000 + Number(m[3] ?? 0) * 3600000 + Number(m[4] ?? 0) * 60000 + Number(m[5] ?? 0) * 1000;
  return m[1] ? -ms : ms;
}

// ---------------------------------------------------------------------------------------------
// Writing

const CUSTOM_OBJECT = 'System.Management.Automation.PSCustomObject';

class Writer {
  readonly lines: string[] = [];
  private nextRef = 0;
  private readonly refs = new Map<object, number>();
  private readonly typeRefs = new Map<string, number>();

  constructor(readonly newline: string) {}

  private line(level: number, text: string): void {
    this.lines.push('  '.repeat(level) + text);
  }

  private nameAttr(name: string | undefined): string {
    return name === undefined ? '' : ` N="${attr(name)}"`;
  }

  /** Writes one value at `level` with `depth` levels of contained objects left. */
  value(v: unknown, level: number, depth: number, name?: string): void {
    const n = this.nameAttr(name);
    if (v === null || v === undefined) return this.line(level, `<Nil${n} />`);
    if (typeof v === 'string') return this.line(level, `<S${n}>${encodeString(v)}</S>`);
    if (typeof v === 'boolean') return this.line(level, `<B${n}>${v ? 'true' : 'false'}</B>`);
    if (isNumeric(v)) {
      const tag = NUMBER_TAGS[numberKind(v)];
      return this.line(level, `<${tag}${n}>${numberText(v)}</${tag}>`);
    }
    if (v instanceof PSChar) return this.line(level, `<C${n}>${v.code}</C>`);
    if (v instanceof Date) return this.line(level, `<DT${n}>${clixmlDate(v)}</DT>`);
    if (v instanceof Uint8Array) return this.line(level, `<BA${n}>${Buffer.from(v).toString('base64')}</BA>`);
    if (v instanceof ScriptBlockValue) return this.line(level, `<SBK${n}>${encodeString(v.text)}</SBK>`);
    if (v instanceof SecureString) {
      raise('emsh cannot protect a SecureString for CliXml: the Windows Data Protection API (DPAPI) that Export-Clixml uses is not available.', 'SecureStringNotSupported', 'NotImplemented', 'PlatformNotSupportedException');
    }
    if (v instanceof XmlDocument) return this.line(level, `<XD${n}>${encodeString(outerXml(v))}</XD>`);
    if (v instanceof PSObject && !(v instanceof XmlNode)) {
      const t = v.typeNames[0];
      if (t === 'System.TimeSpan') return this.line(level, `<TS${n}>${clixmlDuration(Number(v.get('TotalMilliseconds')))}</TS>`);
      if (t === 'System.Guid') return this.line(level, `<G${n}>${toDisplayText(v.get('Guid'))}</G>`);
      if (t === 'System.Version') return this.line(level, `<Version${n}>${encodeString(v.toString())}</Version>`);
      if (t === 'System.Uri') return this.line(level, `<URI${n}>${encodeString(v.toString())}</URI>`);
      if (v.baseObject !== undefined && !v.properties().length) return this.value(v.baseObject, level, depth, name);
    }
    if (typeof v === 'object' && v !== null) {
      const seen = this.refs.get(v);
      if (seen !== undefined) return this.line(level, `<Ref${n} RefId="${seen}" />`);
    }
    this.complex(v, level, depth, n);
  }

  private typeNames(names: string[], level: number): void {
    const key = names.join('\n');
    const seen = this.typeRefs.get(key);
    if (seen !== undefined) return this.line(level, `<TNRef RefId="${seen}" />`);
    const id = this.typeRefs.size;
    this.typeRefs.set(key, id);
    this.line(level, `<TN RefId="${id}">`);
    for (const t of names) this.line(level + 1, `<T>${encodeString(t)}</T>`);
    this.line(level, '</TN>');
  }

  private complex(v: unknown, level: number, depth: number, n: string): void {
    const inner = Math.max(depth - 1, 0);
    const isContainer = Array.isArray(v) || v instanceof PSHashtable;
    // A complex object with no depth left is written as its text (containers are always written).
    if (depth <= 0 && !isContainer) return this.line(level, `<S${n}>${encodeString(toDisplayText(v))}</S>`);
    const id = this.nextRef++;
    this.refs.set(v as object, id);
    this.line(level, `<Obj${n} RefId="${id}">`);
    if (Array.isArray(v)) {
      const list = listKindOf(v);
      this.typeNames(list ? [list.typeName, 'System.Object'] : [`${arrayElementType(v) ?? 'System.Object'}[]`, 'System.Array', 'System.Object'], level + 1);
      this.items('LST', v, level + 1, inner);
    } else if (v instanceof PSHashtable) {
      this.typeNames([v.typeName, 'System.Object'], level + 1);
      this.line(level + 1, '<DCT>');
      for (const [k, val] of v.entries()) {
        this.line(level + 2, '<En>');
        this.value(k, level + 3, inner, 'Key');
        this.value(val, level + 3, inner, 'Value');
        this.line(level + 2, '</En>');
      }
      this.line(level + 1, '</DCT>');
    } else if (v instanceof EnumValue) {
      this.typeNames(v.typeNames, level + 1);
      this.line(level + 1, `<ToString>${encodeString(v.text)}</ToString>`);
      this.line(level + 1, `<I32>${v.value}</I32>`);
    } else if (v instanceof PSObject) {
      const bag = v.baseObject === undefined && v.typeNames.includes(CUSTOM_OBJECT);
      this.typeNames(v.typeNames.filter((t) => !t.includes('#')), level + 1);
      if (!bag) this.line(level + 1, `<ToString>${encodeString(v.toString())}</ToString>`);
      const props = v.properties();
      const adapted = bag ? [] : props.filter((p) => p.memberType === 'Property');
      const extended = bag ? props : props.filter((p) => p.memberType !== 'Property');
      this.members('Props', adapted, level + 1, inner);
      this.members('MS', extended, level + 1, inner);
    } else {
      // Any other .NET-like value (error records, domain objects): its properties as Get-Member lists them.
      this.typeNames(typeNamesOf(v), level + 1);
      this.line(level + 1, `<ToString>${encodeString(v instanceof PSTypeValue ? v.fullName : toDisplayText(v))}</ToString>`);
      const props = v instanceof PSTypeValue ? [] : memberNames(v).filter((m) => /Property$/.test(m.memberType));
      this.members('Props', props.map((m) => ({ name: m.name, get: () => getMember(v, m.name) })), level + 1, inner);
    }
    this.line(level, '</Obj>');
  }

  private items(tag: string, items: unknown[], level: number, depth: number): void {
    if (!items.length) return this.line(level, `<${tag} />`);
    this.line(level, `<${tag}>`);
    for (const item of items) this.value(item, level + 1, depth);
    this.line(level, `</${tag}>`);
  }

  private members(tag: string, props: { name: string; get(): unknown }[], level: number, depth: number): void {
    if (!props.length) return;
    this.line(level, `<${tag}>`);
    for (const p of props) {
      let value: unknown;
      try {
        value = p.get();
      } catch {
        value = null;
      }
      this.value(value, level + 1, depth, p.name);
    }
    this.line(level, `</${tag}>`);
  }
}

function numberText(v: number | TypedNumber | PSDecimal): string {
  const kind = numberKind(v);
  const n = Number(v);
  if ((kind === 'Double' || kind === 'Single') && !Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'INF' : '-INF';
  return numericText(v);
}

/** Objects as one CliXml document: `<Objs Version="1.1.0.1" ...>` with each object at the top. */
export function serializeCliXml(objects: unknown[], depth: number, newline = '\r\n'): string {
  const w = new Writer(newline);
  w.lines.push(`<Objs Version="1.1.0.1" xmlns="${NS}">`);
  for (const o of objects) w.value(o, 1, depth);
  w.lines.push('</Objs>');
  return w.lines.join(newline);
}

// ---------------------------------------------------------------------------------------------
// Reading

class Reader {
  private readonly refs = new Map<string, unknown>();
  private readonly typeRefs = new Map<string, string[]>();

  private elements(n: XmlNode): XmlNode[] {
    return n.children.filter((c) => c.kind === 'Element');
  }

  value(el: XmlNode): unknown {
    const text = () => el.innerText;
    switch (el.localName) {
      case 'Nil':
        return null;
      case 'S':
        return decodeString(text());
      case 'B':
        return text().trim() === 'true';
      case 'C':
        return new PSChar(Number(text()));
      case 'DT':
        return new Date(text().trim());
      case 'TS':
        return timeSpan(parseDuration(text()));
      case 'G':
        return guidObject(text().trim());
      case 'BA':
        return new Uint8Array(Buffer.from(text(), 'base64'));
      case 'SBK':
        return decodeString(text());
      case 'URI':
      case 'Version':
        return decodeString(text());
      case 'XD':
        try {
          return parseXml(decodeString(text()));
        } catch (e) {
          if (e instanceof XmlException) return decodeString(text());
          throw e;
        }
      case 'SS':
        raise('emsh cannot read a SecureString from CliXml: the Windows Data Protection API (DPAPI) that protected it is not available.', 'SecureStringNotSupported', 'NotImplemented', 'PlatformNotSupportedException');
        break;
      case 'Ref':
        return this.refs.get(el.getAttribute('RefId')) ?? null;
      case 'Obj':
        return this.object(el);
    }
    const kind = TAG_KINDS[el.localName];
    if (kind) return numberOf(kind, text().trim());
    return decodeString(text());
  }

  private object(el: XmlNode): unknown {
    const refId = el.getAttribute('RefId');
    let names: string[] = [];
    let toString: string | undefined;
    let result: unknown;
    let primitive: unknown;
    let hasPrimitive = false;
    const members: { name: string; value: unknown }[] = [];
    for (const c of this.elements(el)) {
      switch (c.localName) {
        case 'TN':
          names = this.elements(c).map((t) => decodeString(t.innerText));
          this.typeRefs.set(c.getAttribute('RefId'), names);
          break;
        case 'TNRef':
          names = this.typeRefs.get(c.getAttribute('RefId')) ?? [];
          break;
        case 'ToString':
          toString = decodeString(c.innerText);
          break;
        case 'LST':
        case 'IE':
        case 'QUE':
        case 'STK': {
          const list = markList([] as unknown[], { typeName: 'System.Collections.ArrayList', addReturnsIndex: true });
          if (refId) this.refs.set(refId, list);
          for (const item of this.elements(c)) list.push(this.value(item));
          result = list;
          break;
        }
        case 'DCT': {
          const h = readDictionary(this.elements(c).map((en) => {
            const parts = this.elements(en);
            const key = parts.find((p) => p.getAttribute('N') === 'Key');
            const val = parts.find((p) => p.getAttribute('N') === 'Value');
            return [key ? this.value(key) : null, val ? this.value(val) : null];
          }));
          if (refId) this.refs.set(refId, h);
          result = h;
          break;
        }
        case 'Props':
        case 'MS':
          for (const p of this.elements(c)) members.push({ name: decodeString(p.getAttribute('N')), value: this.value(p) });
          break;
        default:
          primitive = this.value(c);
          hasPrimitive = true;
      }
    }
    if (result !== undefined) return result;
    if (hasPrimitive && !members.length && !names.length) {
      if (refId) this.refs.set(refId, primitive);
      return primitive;
    }
    const o = new PSObject(names.length ? names.map((t) => `Deserialized.${t}`) : undefined);
    if (hasPrimitive) o.baseObject = primitive;
    if (refId) this.refs.set(refId, o);
    for (const m of members) o.addNote(m.name, m.value);
    const text = toString ?? (hasPrimitive ? toDisplayText(primitive) : `@{${members.map((m) => `${m.name}=${toDisplayText(m.value)}`).join('; ')}}`);
    o.addMethod({ name: 'ToString', definition: 'string ToString(), string ToString(string format, System.IFormatProvider formatProvider)', invoke: () => text });
    return o;
  }

  /** The top-level objects of an `<Objs>` document. */
  all(doc: XmlDocument): unknown[] {
    const root = doc.documentElement;
    if (!root || root.localName !== 'Objs') return [];
    return this.elements(root).map((e) => this.value(e));
  }
}

/**
 * A dictionary as 5.1 reads it: always a Hashtable (OrderedDictionary comes back only from 7.3 on),
 * case-insensitive until two keys clash, then case-sensitive, then by reference (every entry kept).
 */
function readDictionary(entries: [unknown, unknown][]): PSHashtable {
  let h = new PSHashtable();
  let stage = 0;
  for (const [key, value] of entries) {
    if (key === null || key === undefined) continue;
    if (stage === 0 && h.has(key)) {
      stage = 1;
      const sensitive = new PSHashtable();
      sensitive.caseSensitive = true;
      for (const [k, v] of h.entries()) sensitive.set(k, v);
      h = sensitive;
    }
    if (stage === 1 && h.has(key)) stage = 2;
    if (stage === 2) h.addDistinct(key, value);
    else h.set(key, value);
  }
  return h;
}

function numberOf(kind: NumberKind, text: string): unknown {
  switch (kind) {
    case 'Int64':
    case 'UInt64':
      return kind === 'Int64' ? int64(BigInt(text)) : convertNumeric(int64(BigInt(text)), 'UInt64');
    case 'Double':
      return double(text === 'INF' ? Infinity : text === '-INF' ? -Infinity : Number(text));
    case 'Int32':
      return Number(text);
  }
  return convertNumeric(Number(text), kind) ?? Number(text);
}

/** The objects of a CliXml text; XmlException (as .NET's) when the text is not XML. */
export function deserializeCliXml(text: string): unknown[] {
  const doc = parseXml(text, true);
  return new Reader().all(doc);
}
