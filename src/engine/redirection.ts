// Redirection of one pipeline element: `> file`, `>> file`, `2>&1`, `2> file`, `>$null`, `*>`.
//
// Files are written as Windows PowerShell 5.1's Out-File does by default: UTF-16 LE with a
// BOM ("Unicode") and CRLF line ends; the text is what Out-Default would have printed.
// Appending to a non-empty file adds no second BOM.

import type * as A from '../../grammar/ast.js';
import { ErrorRecord } from '../protocol/errors.js';
import { InformationalRecord, type InformationRecord } from '../protocol/stream-records.js';
import { toDisplayText } from '../protocol/values.js';
import type { Interpreter } from './evaluate.js';
import type { Frame, Pipe, Streams } from './runtime.js';
import { encodeText } from '../protocol/text-codec.js';

export interface Redirection {
  /** Replaces the element's output (a file collector, or nothing for `>$null`). */
  out?: Pipe;
  /** The element's side streams, derived from the enclosing ones. */
  streams(base: Streams): Streams;
  /** Writes collected files. */
  finish(): Promise<void>;
}

type Target = { kind: 'null' } | { kind: 'merge' } | { kind: 'file'; sink: FileSink };

class FileSink {
  readonly objects: unknown[] = [];
  constructor(
    readonly path: string,
    readonly append: boolean,
  ) {}
}

function isNullTarget(e: A.ExpressionAst): boolean {
  return e.kind === 'Variable' && e.name.toLowerCase() === 'null' && !e.scope;
}

export async function prepareRedirections(
  interp: Interpreter,
  redirections: A.RedirectionAst[],
  f: Frame,
  holder: { out: Pipe },
): Promise<Redirection> {
  const sinks = new Map<string, FileSink>();
  const byStream = new Map<string, Target>();
  for (const r of redirections) {
    let target: Target;
    if (r.toOutput) target = { kind: 'merge' };
    else if (!r.target || isNullTarget(r.target)) target = { kind: 'null' };
    else {
      const path = toDisplayText(await interp.evalExpr(r.target, f));
      const key = path.toLowerCase();
      let sink = sinks.get(key);
      if (!sink) {
        sink = new FileSink(path, r.append === true);
        sinks.set(key, sink);
      }
      target = { kind: 'file', sink };
    }
    const streams = r.from === '*' ? ['1', '2', '3', '4', '5', '6'] : [String(r.from)];
    for (const s of streams) if (!(s === '1' && target.kind === 'merge')) byStream.set(s, target);
  }

  const outTarget = byStream.get('1');
  let out: Pipe | undefined;
  if (outTarget?.kind === 'null') out = { write: () => undefined };
  else if (outTarget?.kind === 'file') {
    const sink = outTarget.sink;
    out = { write: (v) => void sink.objects.push(v) };
  }
  // Merged streams go wherever this element's output goes (after the override above).
  const outputPipe = (): Pipe => out ?? holder.out;

  // A side stream's record goes where its stream is sent: merged into the output it is shown as
  // that stream (PSObject.WriteStream), in a file it is its message.
  const record = (target: Target | undefined, r: InformationalRecord | InformationRecord, fallback: () => void): void => {
    if (!target) return fallback();
    if (target.kind === 'null') return;
    if (target.kind === 'file') target.sink.objects.push(r);
    else {
      if (r instanceof InformationalRecord) r.writeStream = r.stream;
      void outputPipe().write(r);
    }
  };

  return {
    out,
    streams(base: Streams): Streams {
      const err = byStream.get('2');
      return {
        error: (record: ErrorRecord) => {
          if (!err) return base.error(record);
          if (err.kind === 'null') return;
          if (err.kind === 'merge') return outputPipe().write(record);
          err.sink.objects.push(record);
        },
        warning: (r) => record(byStream.get('3'), r, () => base.warning(r)),
        verbose: (r) => record(byStream.get('4'), r, () => base.verbose(r)),
        debug: (r) => record(byStream.get('5'), r, () => base.debug(r)),
        information: (r, hidden) => record(byStream.get('6'), r, () => base.information(r, hidden)),
        errorVariables: base.errorVariables,
      };
    },
    async finish() {
      for (const sink of sinks.values()) writeSink(interp, sink);
    },
  };
}

function writeSink(interp: Interpreter, sink: FileSink): void {
  const rt = interp.rt;
  const lines: string[] = [];
  const width = rt.host.width;
  let od: { write(v: unknown): void; end(): void } | undefined;
  for (const o of sink.objects) {
    if (o instanceof ErrorRecord) {
      od?.end();
      od = undefined;
      lines.push(...rt.renderer.errorLines(o, width));
      continue;
    }
    od ??= rt.renderer.outDefault(width, (line) => lines.push(line));
    od.write(o);
  }
  od?.end();
  const path = rt.fs.resolve(sink.path, rt.location);
  const existing = sink.append ? rt.fs.stat(path) : undefined;
  const body = lines.map((l) => l + '\r\n').join('');
  // `>` is Out-File: UTF-16 LE, with its BOM unless appending to a file that has content.
  const withBom = !(existing && existing.length > 0);
  rt.fs.writeBytes(path, encodeText(body, 'utf-16', withBom), sink.append);
}
