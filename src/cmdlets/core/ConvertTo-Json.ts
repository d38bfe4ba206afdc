// ConvertTo-Json: objects to JSON text as Windows PowerShell 5.1 writes it: 4-space indent,
// `"key":  value` (two spaces), nested values indented under their key, dates as
// "\/Date(ms)\/", `<>&'` escaped as \u003c..., and objects deeper than -Depth as their ToString().

import { checkMemory } from '../../protocol/memory-guard.js';
import { stateKey, ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import { EnumValue, PSHashtable, PSObject, PSTypeValue, ScriptBlockValue, SecureString, toDisplayText } from '../../protocol/values.js';
import { propertyNames, propertyValue } from '../../format/index.js';
import { valueToString } from '../../format/display.js';
import { PSChar, isNumeric, numberKind, numericText, roundTripText } from '../../protocol/numbers.js';

type JsonNode = { t: 'lit'; text: string } | { t: 'arr'; items: JsonNode[] } | { t: 'obj'; entries: [string, JsonNode][] };

export function jsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    // JavaScriptSerializer (5.1) escapes these for safe embedding in HTML.
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || ch === "'") out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

function lit(text: string): JsonNode {
  return { t: 'lit', text };
}

/** Nodes built or written since the last memory check (memory-guard.ts). */
let work = 0;
function step(): void {
  if ((++work & 0xffff) === 0) checkMemory();
}

/** The JSON tree of a value; containers deeper than maxDepth become their ToString(). */
export function toJsonNode(v: unknown, maxDepth: number, depth = 0): JsonNode {
  step();
  if (v === null || v === undefined) return lit('null');
  if (typeof v === 'string') return lit(jsonString(v));
  if (typeof v === 'boolean') return lit(v ? 'true' : 'false');
  if (!Number.isFinite(typeof v === 'number' || isNumeric(v) ? Number(v) : 0)) return lit(jsonString(numericText(v as number)));
  if (v instanceof EnumValue) return lit(String(v.value));
  // Doubles and Singles as 5.1's serializer writes them: round-trip ("R") text; integers as they are.
  if (typeof v === 'number' || isNumeric(v)) {
    const kind = numberKind(v);
    if (kind === 'Double' || kind === 'Single') return lit(roundTripText(Number(v), kind === 'Single'));
    return lit(numericText(v));
  }
  // JavaScriptSerializer writes the NUL character as null.
  if (v instanceof PSChar) return v.code === 0 ? lit('null') : lit(jsonString(v.toString()));
  if (v instanceof Date) return lit(`"\\/Date(${v.getTime()})\\/"`);
  if (v instanceof ScriptBlockValue || v instanceof PSTypeValue) return lit(jsonString(v.toString()));
  if (depth > maxDepth) return lit(jsonString(valueToString(v)));
  if (Array.isArray(v) || v instanceof Uint8Array) {
    return { t: 'arr', items: Array.from(v as ArrayLike<unknown>, (x) => toJsonNode(x, maxDepth, depth + 1)) };
  }
  if (v instanceof PSHashtable) {
    return { t: 'obj', entries: v.entries().map(([k, x]) => [toDisplayText(k), toJsonNode(x, maxDepth, depth + 1)]) };
  }
  if (v instanceof SecureString) return { t: 'obj', entries: [['Length', lit(String(v.Length))]] };
  const names = v instanceof PSObject ? v.properties().map((p) => p.name) : propertyNames(v);
  if (names.length === 0) return lit(jsonString(valueToString(v)));
  return { t: 'obj', entries: names.map((n) => [n, toJsonNode(propertyValue(v, n), maxDepth, depth + 1)]) };
}

export function compressJson(n: JsonNode): string {
  step();
  if (n.t === 'lit') return n.text;
  if (n.t === 'arr') return '[' + n.items.map(compressJson).join(',') + ']';
  return '{' + n.entries.map(([k, x]) => jsonString(k) + ':' + compressJson(x)).join(',') + '}';
}

/** 5.1's layout: members 4 spaces in from the bracket's base column; a nested value's base is its key's end. */
export function prettyJson(n: JsonNode, base = 0): string {
  step();
  if (n.t === 'lit') return n.text;
  const pad = ' '.repeat(base);
  const inner = ' '.repeat(base + 4);
  if (n.t === 'arr') {
    if (n.items.length === 0) return `[\n\n${pad}]`;
    return '[\n' + n.items.map((x) => inner + prettyJson(x, base + 4)).join(',\n') + `\n${pad}]`;
  }
  if (n.entries.length === 0) return `{\n\n${pad}}`;
  const body = n.entries.map(([k, x]) => {
    const key = `${jsonString(k)}:  `;
    return inner + key + prettyJson(x, base + 4 + key.length);
  });
  return '{\n' + body.join(',\n') + `\n${pad}}`;
}

const BUFFER = stateKey<unknown[]>('ConvertTo-Json input');
const newBuffer = (): unknown[] => [];

export default defineCmdlet({
  name: 'ConvertTo-Json',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Converts an object to a JSON-formatted string.',
  description:
    'The ConvertTo-Json cmdlet converts any object to a string in JavaScript Object Notation (JSON) format: ' +
    'properties become keys, collections become arrays. Objects nested deeper than -Depth (default 2) are ' +
    'written as their string form. Several input objects make one JSON array. The layout follows Windows ' +
    'PowerShell 5.1: 4-space indent, two spaces after each colon, dates as "\\/Date(milliseconds)\\/".',
  parameters: {
    InputObject: {
      type: 'Object',
      allowNull: true,
      sets: { [ALL_SETS]: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the objects to convert to JSON.',
    },
    Depth: { type: 'Int32', validateRange: [1, 2147483647], default: 2, help: 'Specifies how many levels of contained objects are included.' },
    Compress: { type: 'Switch', help: 'Omits white space and indentation.' },
  },
  outputType: ['System.String'],
  examples: [
    {
      code: "[pscustomobject]@{Name='ex01'; Ports=@(25, 443)} | ConvertTo-Json",
      remarks: 'Converts an object with an array property (5.1 layout).',
      shows: '{\n    "Name":  "ex01",\n    "Ports":  [\n                  25,\n                  443\n              ]\n}',
    },
    {
      code: "@{a=1} | ConvertTo-Json -Compress",
      remarks: 'Writes compact JSON.',
      shows: '{"a":1}',
    },
  ],
  related: ['ConvertTo-Csv', 'Export-Csv'],
  process(params, ctx) {
    ctx.runState(BUFFER, newBuffer).push(params.InputObject ?? null);
  },
  end(params, ctx) {
    const items = ctx.runState(BUFFER, newBuffer);
    if (items.length === 0) return;
    const value = items.length === 1 ? items[0] : items;
    const node = toJsonNode(value, params.Depth);
    ctx.write(params.Compress ? compressJson(node) : prettyJson(node));
  },
});
