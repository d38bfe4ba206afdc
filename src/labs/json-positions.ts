// JSON with positions: a strict JSON parser (RFC 8259) that also says on which line and column
// each value starts, keyed by its JSON Pointer (`/tasks/0/checks/1/test`). Exercise files are
// written by hand; a problem found in one is reported at its line, like a compiler does.
// (JSON.parse gives neither the position of a value nor, in Node 20, a line for a syntax error.)

export interface JsonPosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface PositionedJson {
  value: unknown;
  /** Where each value starts, by JSON Pointer ('' is the document). */
  positions: Map<string, JsonPosition>;
  /** Where each member's key starts (an unknown property is reported at its key). */
  keyPositions: Map<string, JsonPosition>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: JsonPosition,
  ) {
    super(message);
    this.name = 'JsonSyntaxError';
  }
}

/** A JSON Pointer token: `~` and `/` escaped (RFC 6901). */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Parses JSON text; throws JsonSyntaxError with the line and column of the problem. */
export function parseJsonWithPositions(text: string): PositionedJson {
  const src = text.replace(/^\uFEFF/, '');
  const positions = new Map<string, JsonPosition>();
  const keyPositions = new Map<string, JsonPosition>();
  let i = 0;
  let line = 1;
  let lineStart = 0;

  const here = (): JsonPosition => ({ line, column: i - lineStart + 1 });
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, here());
  };
  const describe = () => (i >= src.length ? 'the end of the file' : `'${src[i]}'`);

  const skipSpace = () => {
    while (i < src.length) {
      const c = src[i];
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') {
        return;
      }
      i++;
    }
  };

  const parseString = (): string => {
    i++; // opening quote
    let out = '';
    for (;;) {
      if (i >= src.length) fail('Unterminated string.');
      const c = src[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\n' || c.charCodeAt(0) < 0x20) fail('A string cannot contain a control character or a line break (write \\n).');
      if (c === '\\') {
        const e = src[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail(`Invalid escape sequence '\\${e ?? ''}' in a string.`);
        }
        continue;
      }
      out += c;
      i++;
    }
  };

  const parseValue = (pointer: string): unknown => {
    skipSpace();
    positions.set(pointer, here());
    const c = src[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      skipSpace();
      if (src[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        skipSpace();
        if (src[i] !== '"') fail(`Expected a property name in double quotes, found ${describe()}.`);
        const keyAt = here();
        const key = parseString();
        const child = `${pointer}/${pointerToken(key)}`;
        if (Object.prototype.hasOwnProperty.call(obj, key)) throw new JsonSyntaxError(`The property '${key}' appears twice.`, keyAt);
        keyPositions.set(child, keyAt);
        skipSpace();
        if (src[i] !== ':') fail(`Expected ':' after the property name '${key}', found ${describe()}.`);
        i++;
        obj[key] = parseValue(child);
        skipSpace();
        if (src[i] === ',') {
          i++;
          skipSpace();
          if (src[i] === '}') fail('A comma cannot come before \'}\' (trailing commas are not JSON).');
          continue;
        }
        if (src[i] === '}') {
          i++;
          return obj;
        }
        fail(`Expected ',' or '}' after a property value, found ${describe()}.`);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      skipSpace();
      if (src[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        arr.push(parseValue(`${pointer}/${arr.length}`));
        skipSpace();
        if (src[i] === ',') {
          i++;
          skipSpace();
          if (src[i] === ']') fail("A comma cannot come before ']' (trailing commas are not JSON).");
          continue;
        }
        if (src[i] === ']') {
          i++;
          return arr;
        }
        fail(`Expected ',' or ']' after an array element, found ${describe()}.`);
      }
    }
    if (c === '"') return parseString();
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(src.slice(i, i + 64));
    if (m && m[0].length > 0 && (c === '-' || (c !== undefined && c >= '0' && c <= '9'))) {
      i += m[0].length;
      return Number(m[0]);
    }
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (src.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return fail(`Expected a value (an object, array, string, number, true, false or null), found ${describe()}.`);
  };

  const value = parseValue('');
  skipSpace();
  if (i < src.length) fail(`Unexpected ${describe()} after the end of the document.`);
  return { value, positions, keyPositions };
}
