// Format-Hex (fhx): files or input as hexadecimal, 16 bytes a line with their characters, as
// Windows PowerShell 5.1 shows it. The result is a ByteCollection (Offset, Bytes, Path) whose
// ToString is the lines; input objects are gathered into one collection at the end, as 5.1 does.

import { defineCmdlet, stateKey } from '../../protocol/cmdlet.js';
import { registerView } from '../../format/views.js';
import { encodeText } from '../../protocol/text-codec.js';
import { PSChar, isNumeric, numberKind } from '../../protocol/numbers.js';
import { PSObject, typeNamesOf } from '../../protocol/values.js';
import { attempt, existingItems } from './file-common.js';

const BYTE_COLLECTION = 'Microsoft.PowerShell.Commands.ByteCollection';
const HEADER = '           00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F';
const BYTES = stateKey<number[]>('Format-Hex input');

/** ByteCollection.ToString(): `OFFSET   XX XX ...  chars`, control characters as dots. */
function hexLines(bytes: Uint8Array, offset: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const row = bytes.subarray(i, i + 16);
    const hex = Array.from(row, (b) => b.toString(16).toUpperCase().padStart(2, '0') + ' ').join('');
    const chars = Array.from(row, (b) => (b < 0x20 || (b >= 0x7f && b < 0xa0) ? '.' : String.fromCharCode(b))).join('');
    lines.push(`${(offset + i).toString(16).toUpperCase().padStart(8, '0')}   ${hex.padEnd(48)} ${chars}`);
  }
  return lines;
}

function byteCollection(bytes: Uint8Array, path: string | null): PSObject {
  const o = new PSObject([BYTE_COLLECTION, 'System.Object']);
  o.addProperty({ name: 'Offset', memberType: 'Property', typeName: 'System.UInt64', get: () => 0 });
  o.addProperty({ name: 'Bytes', memberType: 'Property', typeName: 'System.Byte[]', get: () => bytes });
  o.addProperty({ name: 'Path', memberType: 'Property', typeName: 'System.String', get: () => path });
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => hexLines(bytes, 0).join('\r\n') });
  return o;
}

registerView({
  typeName: BYTE_COLLECTION,
  shape: 'custom',
  custom: (o) => {
    const path = o instanceof PSObject ? o.get('Path') : null;
    const bytes = o instanceof PSObject ? (o.get('Bytes') as Uint8Array) : new Uint8Array(0);
    return [...(path ? [`           Path: ${String(path)}`, ''] : []), HEADER, '', ...hexLines(bytes, 0)];
  },
});

const WIDTHS: Record<string, number> = { Byte: 1, SByte: 1, Int16: 2, UInt16: 2, Int32: 4, UInt32: 4, Int64: 8, UInt64: 8, Single: 4, Double: 8 };

/** The bytes of a number: little-endian at its type's width, or (5.1's compact form) the fewest that hold it. */
function numberBytes(v: unknown, raw: boolean): number[] | undefined {
  if (!isNumeric(v)) return undefined;
  const kind = numberKind(v);
  const width = WIDTHS[kind];
  if (width === undefined) return undefined;
  const n = Number(v);
  const buf = Buffer.alloc(8);
  if (kind === 'Double') buf.writeDoubleLE(n);
  else if (kind === 'Single') buf.writeFloatLE(n);
  else buf.writeBigInt64LE(BigInt(Math.trunc(n)));
  let size = width;
  if (!raw && kind !== 'Double' && kind !== 'Single' && n >= 0) size = n <= 0xff ? 1 : n <= 0xffff ? 2 : n <= 0xffffffff ? 4 : 8;
  return Array.from(buf.subarray(0, Math.min(size, width)));
}

export default defineCmdlet({
  name: 'Format-Hex',
  aliases: ['fhx'],
  module: 'Microsoft.PowerShell.Utility',
  synopsis: 'Displays a file or other input as hexadecimal.',
  description:
    'The Format-Hex cmdlet shows the bytes of files (-Path, -LiteralPath) or of input objects as ' +
    'hexadecimal, 16 a line after the offset, with their characters at the end of the line (control ' +
    'characters as dots). Strings are encoded with -Encoding (ASCII by default: other characters become ' +
    '?); numbers take the fewest bytes that hold them unless -Raw gives their full width; byte arrays ' +
    'are shown as they are. Input objects are gathered into one result.',
  defaultParameterSet: 'Path',
  parameters: {
    Path: { type: 'String[]', sets: { Path: { position: 0, mandatory: true } }, help: 'Specifies the files to show. Wildcards are permitted.' },
    LiteralPath: { type: 'String[]', aliases: ['PSPath'], sets: { LiteralPath: { mandatory: true, fromPipelineByPropertyName: true } }, help: 'Specifies the files to show, used exactly as typed.' },
    InputObject: { type: 'Object', sets: { ByInputObject: { mandatory: true, fromPipeline: true } }, help: 'Specifies the objects to show: strings, numbers, characters or bytes.' },
    Encoding: {
      type: 'String',
      validateSet: ['ASCII', 'BigEndianUnicode', 'Unicode', 'UTF7', 'UTF8', 'UTF32'],
      sets: { ByInputObject: {} },
      help: 'Specifies how strings are turned into bytes. The default is ASCII.',
      default: 'ASCII',
    },
    Raw: { type: 'Switch', sets: { ByInputObject: {} }, help: 'Shows numbers at the full width of their type.' },
  },
  outputType: [BYTE_COLLECTION],
  examples: [
    {
      code: "'Hello World' | Format-Hex",
      remarks: 'The bytes of a string.',
      shows: '           00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F\n\n00000000   48 65 6C 6C 6F 20 57 6F 72 6C 64                 Hello World',
    },
    {
      code: '1, 2, 3, 1000 | Format-Hex -Raw',
      remarks: 'Numbers at the full width of Int32.',
      shows: '00000000   01 00 00 00 02 00 00 00 03 00 00 00 E8 03 00 00  ............è...',
    },
  ],
  related: ['Get-Content', 'Get-FileHash'],
  process(params, ctx) {
    if (ctx.parameterSetName !== 'ByInputObject') {
      for (const entry of existingItems(ctx, params)) {
        if (entry.isDirectory) continue;
        const bytes = attempt(ctx, () => ctx.fs.readBytes(entry.path));
        if (bytes) ctx.write(byteCollection(bytes, entry.path.display));
      }
      return;
    }
    const buffer = ctx.runState(BYTES, () => []);
    const add = (v: unknown): void => {
      if (v === null || v === undefined) return;
      if (Array.isArray(v)) return v.forEach(add);
      if (v instanceof Uint8Array) return void buffer.push(...v);
      if (typeof v === 'string') {
        const enc = (params.Encoding ?? 'ASCII').toLowerCase();
        if (enc === 'ascii') return void buffer.push(...Array.from(v, (ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0x3f)));
        const codec = enc === 'unicode' ? 'utf-16' : enc === 'bigendianunicode' ? 'utf-16BE' : enc === 'utf32' ? 'utf-32' : 'utf-8';
        return void buffer.push(...encodeText(v, codec, false));
      }
      if (v instanceof PSChar) return void buffer.push(...encodeText(String(v), 'utf-16', false));
      const num = numberBytes(v, !!params.Raw);
      if (num) return void buffer.push(...num);
      ctx.writeError(
        ctx.error({
          message: `Cannot convert input of type ${typeNamesOf(v)[0] ?? 'System.Object'} to hexadecimal. To view the hexadecimal formatting of its string representation, pipe it to the Out-String cmdlet before piping it to Format-Hex.`,
          errorId: 'FormatHexTypeNotSupported',
          category: 'InvalidArgument',
          exceptionType: 'ArgumentException',
          targetObject: v,
        }),
      );
    };
    add(params.InputObject);
  },
  end(params, ctx) {
    if (ctx.parameterSetName !== 'ByInputObject') return;
    const buffer = ctx.runState(BYTES, () => []);
    if (buffer.length > 0) ctx.write(byteCollection(Uint8Array.from(buffer), null));
  },
});
