// ConvertFrom-Json: JSON text to objects as Windows PowerShell 5.1 makes them: objects become
// PSCustomObjects (NoteProperties in document order, which JSON.parse would not keep for
// numeric keys, hence a small parser), arrays stay one array object on the pipeline (5.1
// does not unroll them), ISO dates stay strings, and bad input fails with the
// JavaScriptSerializer's ArgumentException messages.

import { stateKey, ALL_SETS, defineCmdlet } from '../../protocol/cmdlet.js';
import type { CmdletContext } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import { PSDecimal, double, int64 } from '../../protocol/numbers.js';

class JsonSyntaxError extends Error {}

/** Parses one JSON text (5.1 accepts a bare primitive too); throws JsonSyntaxError. */
export function parseJson(text: string): unknown {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} (${i}): ${text}`);
  };
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const primitive = (): unknown => {
    const start = i;
    while (i < text.length && !/[\s,:\]}[{"]/.test(text[i]!)) i++;
    const tok = text.slice(start, i);
    if (tok === 'null') return null;
    if (tok === 'true') return true;
    if (tok === 'false') return false;
    if (/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(tok)) return jsonNumber(tok);
    throw new JsonSyntaxError(`Invalid JSON primitive: ${tok}.`);
  };
  const str = (): string => {
    const quote = text[i++]!;
    let out = '';
    while (i < text.length && text[i] !== quote) {
      const ch = text[i++]!;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const e = text[i++];
      if (e === 'u') {
        const hex = text.slice(i, i + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Unrecognized escape sequence.');
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else if (e !== undefined) {
        const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"', "'": "'" };
        out += map[e] ?? e;
      }
    }
    if (i >= text.length) fail('Unterminated string passed in.');
    i++;
    return out;
  };
  const value = (depth: number): unknown => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const o = new PSObject();
      ws();
      if (text[i] === '}') {
        i++;
        return o;
      }
      for (;;) {
        ws();
        // The JavaScriptSerializer takes a member name without quotes too ({name:1}).
        let name: string;
        if (text[i] === '"' || text[i] === "'") name = str();
        else {
          const start = i;
          while (i < text.length && !/[\s,:\]}[{"']/.test(text[i]!)) i++;
          name = text.slice(start, i);
          if (!name) fail('Invalid object passed in, member name expected.');
        }
        ws();
        if (text[i] !== ':') fail("Invalid object passed in, ':' or '}' expected.");
        i++;
        const v = value(depth + 1);
        // A repeated key keeps the last value, in the first key's place. `__type` is the
        // serializer's type hint, not a member: it is left out.
        const existing = o.property(name);
        if (existing?.set) existing.set(v);
        else if (name !== '__type') o.addNote(name, v);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return o;
        }
        fail("Invalid object passed in, ':' or '}' expected.");
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail("Invalid array passed in, ',' expected.");
      }
    }
    if (c === '"' || c === "'") return str();
    return primitive();
  };
  const v = value(0);
  ws();
  if (i < text.length) primitive();
  return v;
}

const BUFFER = stateKey<string[]>('ConvertFrom-Json input');
const newBuffer = (): string[] => [];

function convert(text: string, ctx: CmdletContext): unknown {
  try {
    return parseJson(text);
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    return ctx.fail(
      ctx.error({
        message: err.message,
        errorId: 'System.ArgumentException',
        category: 'NotSpecified',
        exceptionType: 'ArgumentException',
      }),
    );
  }
}

/**
 * A JSON number as 5.1's JavaScriptSerializer reads it: Int32, else Int64, else Decimal (which
 * also takes fractions without an exponent: `1.5` is a Decimal), else Double.
 */
function jsonNumber(tok: string): unknown {
  if (!/[.eE]/.test(tok)) {
    const b = BigInt(tok);
    if (b >= -2147483648n && b <= 2147483647n) return Number(b);
    if (b >= -(2n ** 63n) && b < 2n ** 63n) return int64(b);
  }
  if (!/[eE]/.test(tok)) {
    const d = PSDecimal.parse(tok);
    if (d && Math.abs(Number(tok)) < 7.9e28) return d;
  }
  return double(Number(tok));
}

export default defineCmdlet({
  name: 'ConvertFrom-Json',
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Converts a JSON-formatted string to a custom object.',
  description:
    'The ConvertFrom-Json cmdlet converts a JavaScript Object Notation (JSON) string to a custom object ' +
    '(PSCustomObject) that has a property for each field of the JSON object, in order. JSON arrays become ' +
    'arrays (written as one object, as Windows PowerShell 5.1 does), numbers become Int32, Int64, Decimal (fractions, as the 5.1 serializer reads them) or Double, ' +
    'and dates stay strings. Several piped strings that are not each a whole JSON text (the lines of ' +
    'Get-Content, for example) are joined with newlines and converted together.',
  parameters: {
    InputObject: {
      type: 'String',
      allowEmptyString: true,
      sets: { [ALL_SETS]: { position: 0, mandatory: true, fromPipeline: true } },
      help: 'Specifies the JSON strings to convert. Usually piped in.',
    },
  },
  outputType: ['System.Management.Automation.PSCustomObject'],
  examples: [
    {
      code: `'{"Name":"ex01","Port":25,"Tls":true}' | ConvertFrom-Json`,
      remarks: 'Converts a JSON object to a custom object with three properties.',
      shows: 'Name Port  Tls\n---- ----  ---\nex01   25 True',
    },
    {
      code: `$o = [pscustomobject]@{Server='ex01'; Roles=@('Mailbox','ClientAccess')} | ConvertTo-Json | ConvertFrom-Json; $o.Roles[1]`,
      remarks: 'Round-trips an object through JSON.',
      shows: 'ClientAccess',
    },
    {
      code: `try { '{"a": 1,' | ConvertFrom-Json } catch { $_.Exception.Message }`,
      remarks: 'Incomplete JSON is an ArgumentException, as in Windows PowerShell 5.1.',
      shows: /Invalid object passed in, member name expected/,
    },
  ],
  related: ['ConvertTo-Json', 'Get-Content'],
  process(params, ctx) {
    ctx.runState(BUFFER, newBuffer).push(params.InputObject ?? '');
  },
  end(_params, ctx) {
    const texts = ctx.runState(BUFFER, newBuffer);
    if (texts.length > 1) {
      // Each piped string a whole JSON text: one object each; otherwise they are one document.
      try {
        const each = texts.map((t) => parseJson(t));
        for (const v of each) ctx.write(v, false);
        return;
      } catch (err) {
        if (!(err instanceof JsonSyntaxError)) throw err;
      }
    }
    const text = texts.join('\n');
    if (text.trim() === '') return;
    ctx.write(convert(text, ctx), false);
  },
});
