// SMTP protocol logs as Exchange writes them: SENDyyyymmdd-N.LOG and
// RECVyyyymmdd-N.LOG, a `#`-header then CSV rows
//   date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context
// with events `+` connect, `-` disconnect, `>` sent, `<` received, `*` information.

import type { SeenCertificate } from './tls.js';

export const LOG_FIELDS = 'date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context';
export const LOG_FIELD_NAMES = LOG_FIELDS.split(',');

export type LogKind = 'Send' | 'Receive';
export type LogEvent = '+' | '-' | '>' | '<' | '*';

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** yyyymmdd of a UTC date (Exchange names log files by UTC day). */
export function logDay(d: Date): string {
  return d.toISOString().slice(0, 10).replace(/-/g, '');
}

export function logFileName(kind: LogKind, d: Date): string {
  return `${kind === 'Send' ? 'SEND' : 'RECV'}${logDay(d)}-1.LOG`;
}

/** The header a new log file starts with. */
export function logHeader(kind: LogKind, version: string, created: Date): string {
  return [
    '#Software: Microsoft Exchange Server',
    `#Version: ${version}`,
    `#Log-type: SMTP ${kind === 'Send' ? 'Send' : 'Receive'} Protocol Log`,
    `#Date: ${created.toISOString()}`,
    `#Fields: ${LOG_FIELDS}`,
  ].join('\r\n') + '\r\n';
}

/** `Version 8.1 (Build 240.6)` -> `8.1.240.6`. */
export function logVersion(adminDisplayVersion: string): string {
  const m = adminDisplayVersion.match(/(\d+)\.(\d+) \(Build (\d+)\.(\d+)\)/);
  return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}` : '8.0.0.0';
}

let sessionCounter = 0;

/** A session id in Exchange's form: 16 hex digits (here .NET ticks of the lab clock plus a counter). */
export function newSessionId(now: Date): string {
  const ticks = (BigInt(now.getTime()) + 62135596800000n) * 10000n + BigInt(++sessionCounter % 10000);
  return ticks.toString(16).toUpperCase().padStart(16, '0');
}

/** The rows of one SMTP session, as one side logs them. */
export class ProtocolLogSession {
  readonly rows: string[] = [];
  private seq = 0;
  local = '';
  remote = '';

  constructor(
    readonly kind: LogKind,
    readonly connectorId: string,
    readonly sessionId: string,
    private readonly now: () => Date,
  ) {}

  add(event: LogEvent, data = '', context = ''): void {
    const fields = [this.now().toISOString(), this.connectorId, this.sessionId, String(this.seq++), this.local, this.remote, event, data, context];
    this.rows.push(fields.map(csvField).join(','));
  }

  /** The certificate lines: `Sending certificate` (ours) or `Received certificate` (the peer's). */
  certificate(label: 'Sending certificate' | 'Received certificate', c: SeenCertificate): void {
    this.add('*', '', label);
    this.add('*', c.subject, 'Certificate subject');
    this.add('*', c.issuer, 'Certificate issuer name');
    this.add('*', c.serialNumber, 'Certificate serial number');
    this.add('*', c.thumbprint, 'Certificate thumbprint');
    this.add('*', c.alternateNames.join(';'), 'Certificate alternate names');
  }
}

/** Rows to append to one server's log (the cmdlet writes them to that server's drive). */
export interface LogBatch {
  server: string;
  kind: LogKind;
  /** Windows folder on the server's drive, e.g. C:\Program Files\...\SmtpSend. */
  folder: string;
  version: string;
  rows: string[];
}
