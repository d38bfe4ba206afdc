// The records of the side streams, as 5.1 has them: WarningRecord, VerboseRecord and DebugRecord
// (InformationalRecord: Message, InvocationInfo, PipelineIterationInfo) and InformationRecord
// (MessageData, Tags, Source, TimeGenerated, User, Computer, ProcessId, thread ids).
//
// A record is what a redirection (`3>&1`, `4> file`), -WarningVariable, -InformationVariable and
// [powershell]'s Streams collect. Its text is the bare message: the console host puts
// `WARNING: ` / `VERBOSE: ` / `DEBUG: ` before it when it shows the stream, and Out-Default at the
// console does the same for a record merged into the output (PSObject.WriteStream in .NET);
// a file or Out-String gets the message only.

import type { ConsoleColor, LineKind } from './host.js';
import { PSObject, markList, toDisplayText } from './values.js';

const SMA = 'System.Management.Automation';

export type MessageStream = 'Warning' | 'Verbose' | 'Debug';

/** The console host's prefix for each line of a stream's message. */
const STREAM_PREFIX: Readonly<Record<MessageStream, string>> = { Warning: 'WARNING: ', Verbose: 'VERBOSE: ', Debug: 'DEBUG: ' };
const STREAM_KIND: Readonly<Record<MessageStream, LineKind>> = { Warning: 'warning', Verbose: 'verbose', Debug: 'debug' };

/** The console host's line for a stream's message (WriteWarningLine ...): its text with the prefix, and its kind (colours). */
export function consoleStreamLine(stream: MessageStream, message: string): { text: string; kind: LineKind } {
  return { text: STREAM_PREFIX[stream] + message, kind: STREAM_KIND[stream] };
}

function intList(): unknown[] {
  return markList([], { typeName: 'System.Collections.ObjectModel.ReadOnlyCollection`1[[System.Int32]]', addReturnsIndex: false });
}

/** A WarningRecord, VerboseRecord or DebugRecord. */
export class InformationalRecord extends PSObject {
  /** Set when a redirection merged the record into the output: Out-Default shows it as its stream's line. */
  writeStream?: MessageStream;

  /** `invocationInfo`: the InvocationInfo of the command (or, for Write-*, the script) that wrote it. */
  constructor(
    readonly stream: MessageStream,
    public message: string,
    invocationInfo: () => unknown,
  ) {
    super([`${SMA}.${stream}Record`, `${SMA}.InformationalRecord`, 'System.Object']);
    let inv: unknown;
    let made = false;
    const iterations = intList();
    this.addProperty({
      name: 'Message',
      memberType: 'Property',
      typeName: 'System.String',
      get: () => this.message,
      set: (v) => (this.message = toDisplayText(v)),
    });
    this.addProperty({
      name: 'InvocationInfo',
      memberType: 'Property',
      typeName: `${SMA}.InvocationInfo`,
      get: () => {
        if (!made) [inv, made] = [invocationInfo(), true];
        return inv;
      },
    });
    this.addProperty({ name: 'PipelineIterationInfo', memberType: 'Property', typeName: 'System.Collections.ObjectModel.ReadOnlyCollection[int]', get: () => iterations });
    this.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => this.message });
  }
}

/** Where an InformationRecord was made: the session's user, machine and process. */
export interface InformationOrigin {
  /** `DOMAIN\user`. */
  user: string;
  computer: string;
  processId: number;
  time: Date;
  /** The script's path, or the command's name. */
  source: string;
}

/** The pipeline thread's ids (emsh runs one pipeline thread; [Threading.Thread]::CurrentThread has ManagedThreadId 1). */
const NATIVE_THREAD_ID = 5196;
const MANAGED_THREAD_ID = 1;

/** An InformationRecord (Write-Information, Write-Host). */
export class InformationRecord extends PSObject {
  readonly tags: string[];

  constructor(
    readonly messageData: unknown,
    tags: readonly string[],
    origin: InformationOrigin,
  ) {
    super([`${SMA}.InformationRecord`, 'System.Object']);
    this.tags = markList([...tags], { typeName: 'System.Collections.Generic.List`1[[System.String]]', addReturnsIndex: false });
    let source = origin.source;
    let time = origin.time;
    let user = origin.user;
    let computer = origin.computer;
    const prop = (name: string, typeName: string, get: () => unknown, set?: (v: unknown) => void) => this.addProperty({ name, memberType: 'Property', typeName, get, set });
    prop('MessageData', 'System.Object', () => this.messageData);
    prop('Source', 'System.String', () => source, (v) => (source = toDisplayText(v)));
    prop('TimeGenerated', 'System.DateTime', () => time, (v) => (time = v instanceof Date ? v : time));
    prop('Tags', 'System.Collections.Generic.List[string]', () => this.tags);
    prop('User', 'System.String', () => user, (v) => (user = toDisplayText(v)));
    prop('Computer', 'System.String', () => computer, (v) => (computer = toDisplayText(v)));
    prop('ProcessId', 'System.UInt32', () => origin.processId);
    prop('NativeThreadId', 'System.UInt32', () => NATIVE_THREAD_ID);
    prop('ManagedThreadId', 'System.UInt32', () => MANAGED_THREAD_ID);
    this.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => this.text() });
  }

  /** ToString: the message data's text, else the type name. */
  text(): string {
    const d = this.messageData;
    return d === null || d === undefined ? `${SMA}.InformationRecord` : toDisplayText(d);
  }

  /** Write-Host's message (HostInformationMessage with the PSHOST tag), or undefined. */
  hostMessage(): HostInformationMessage | undefined {
    return this.messageData instanceof HostInformationMessage ? this.messageData : undefined;
  }
}

/** What Write-Host writes to the information stream: the text, its colours and whether a new line follows. */
export class HostInformationMessage extends PSObject {
  constructor(
    readonly message: string,
    readonly noNewLine: boolean,
    readonly foreground: ConsoleColor | undefined,
    readonly background: ConsoleColor | undefined,
  ) {
    super([`${SMA}.HostInformationMessage`, 'System.Object']);
    this.addNote('Message', message);
    this.addNote('NoNewLine', noNewLine);
    this.addNote('ForegroundColor', foreground ?? null);
    this.addNote('BackgroundColor', background ?? null);
    this.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => message });
  }
}

/** Records Out-Default prints on their own, as their message. */
export function isStreamRecord(v: unknown): v is InformationalRecord | InformationRecord {
  return v instanceof InformationalRecord || v instanceof InformationRecord;
}
