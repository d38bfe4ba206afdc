// Windows PowerShell 5.1's NormalView of an error record:
//
//   Get-ChildItem : Parameter set cannot be resolved using the specified named parameters.
//   At line:1 char:1
//   + Get-ChildItem -Path $PSHOME -LiteralPath $PSHOME
//   + ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
//       + CategoryInfo          : InvalidArgument: (:) [Get-ChildItem], ParameterBindingException
//       + FullyQualifiedErrorId : AmbiguousParameterSet,Microsoft.PowerShell.Commands.GetChildItemCommand
//
// Parse errors put the position block first and have no `Name : ` prefix.

import { lineAndColumn } from '../../grammar/positions.js';
import type { SourceText, Span } from '../../grammar/ast.js';
import type { ErrorRecord } from '../protocol/errors.js';
import { typeNamesOf, toDisplayText } from '../protocol/values.js';

/** The source line is cut to this many characters around the extent (5.1's PositionMessage). */
const MAX_LINE = 69;

/**
 * `At line:1 char:8` / `At C:\s.ps1:3 char:5`, then `+ <line>` and `+ <spaces>~~~` under the
 * extent, as lines. Tabs count as 4 spaces; long lines are cut with `... ` / ` ...`.
 */
export function positionLines(source: SourceText, span: Span): string[] {
  const startPos = lineAndColumn(source.text, span.start);
  const endPos = lineAndColumn(source.text, Math.max(span.end, span.start));
  const where = `At ${source.file ?? 'line'}:${startPos.line} char:${startPos.column}`;
  let src = startPos.lineText.trimEnd();
  if (src.length === 0) return [where, '+ '];

  let before = Math.min(startPos.column - 1, src.length);
  let errLen =
    startPos.line === endPos.line ? endPos.column - startPos.column : src.length - startPos.column + 1;
  errLen = Math.max(0, Math.min(errLen, src.length - before));

  if (src.includes('\t')) {
    const b = src.slice(0, before).replace(/\t/g, '    ');
    const e = src.slice(before, before + errLen).replace(/\t/g, '    ');
    src = b + e + src.slice(before + errLen).replace(/\t/g, '    ');
    before = b.length;
    errLen = e.length;
  }

  let prefixDots = false;
  let suffixDots = false;
  if (src.length > MAX_LINE) {
    // Keep the extent visible with some context: up to 12 characters before, 8 after, then
    // fill the rest of the 69 preferring what comes before.
    const totalPrefix = before;
    let prefix = Math.min(totalPrefix, 12);
    const totalSuffix = src.length - errLen - before;
    let suffix = Math.min(totalSuffix, 8);
    let candidate = prefix + errLen + suffix;
    if (candidate >= MAX_LINE) {
      if (prefix + errLen >= MAX_LINE) errLen = MAX_LINE - prefix;
      suffixDots = true;
    } else {
      const prefixAvailable = totalPrefix - prefix;
      if (prefixAvailable > 0) {
        prefix += Math.min(prefixAvailable, MAX_LINE - candidate);
        candidate = prefix + errLen + suffix;
      }
      if (candidate < MAX_LINE && totalSuffix > 0) suffix += Math.min(totalSuffix, MAX_LINE - candidate);
      suffixDots = suffix < totalSuffix;
    }
    prefixDots = prefix < totalPrefix;
    const startIndex = Math.max(before - prefix, 0);
    src = src.slice(startIndex, startIndex + MAX_LINE);
    before = Math.min(before, prefix);
    errLen = Math.min(errLen, MAX_LINE - before);
  }
  const shown = (prefixDots ? '... ' : '') + src + (suffixDots ? ' ...' : '');
  const marker = ' '.repeat(before + (prefixDots ? 4 : 0)) + '~'.repeat(errLen > 0 ? errLen : 1);
  return [where, `+ ${shown}`, `+ ${marker}`];
}

/**
 * The message of a parse exception with several errors: each error's position block and
 * message, separated by blank lines; more than 10 errors add 5.1's TooManyErrors note.
 * (A record built with this message has isParseError set and no invocation.)
 */
export function parseErrorsText(errors: { message: string; span: Span }[], source: SourceText): string {
  const parts = errors.slice(0, 10).map((e) => [...positionLines(source, e.span), e.message].join('\n'));
  let text = parts.join('\n\n');
  if (errors.length > 10) text += '\n\nNot all parse errors were reported.  Correct the reported errors and try again.';
  return text;
}

/** 5.1 shortens category parts longer than 40 characters to 19 + `...` + 19. */
function ellipsize(s: string): string {
  return s.length > 40 ? s.slice(0, 19) + '...' + s.slice(s.length - 19) : s;
}

function shortTypeName(v: unknown): string {
  const full = typeNamesOf(v)[0];
  if (!full) return '';
  const i = full.lastIndexOf('.', full.endsWith('[]') ? full.length - 3 : full.length);
  return i >= 0 ? full.slice(i + 1) : full;
}

/** `{Category}: ({TargetName}:{TargetType}) [{Activity}], {Reason}`. */
export function categoryInfoText(r: ErrorRecord): string {
  const targetName = r.targetName ?? toDisplayText(r.targetObject);
  const targetType = r.targetType ?? shortTypeName(r.targetObject);
  const activity = r.activity ?? r.invocation?.commandName ?? '';
  return `${r.category}: (${ellipsize(targetName)}:${ellipsize(targetType)}) [${ellipsize(activity)}], ${r.categoryReason}`;
}

/** `Get-ChildItem : ` — empty for parse errors and errors raised outside any command. */
export function errorPrefix(r: ErrorRecord): string {
  if (r.isParseError) return '';
  const inv = r.invocation;
  if (!inv) return '';
  const name = inv.invocationName;
  if (name && name !== '&' && name !== '.') return `${name} : `;
  if (inv.commandName) return `${inv.commandName} : `;
  if (name) return `${name} : `;
  return '';
}

/** The NormalView lines of an error record (no trailing blank line). */
export function errorLines(r: ErrorRecord, _width?: number): string[] {
  const out: string[] = [];
  const message = r.message.split(/\r?\n/);
  const position = r.invocation && r.invocation.source ? positionLines(r.invocation.source, r.invocation.span) : [];
  if (r.isParseError) {
    out.push(...position, ...message);
  } else {
    message[0] = errorPrefix(r) + message[0];
    out.push(...message, ...position);
  }
  out.push(`    + CategoryInfo          : ${categoryInfoText(r)}`);
  out.push(`    + FullyQualifiedErrorId : ${r.fullyQualifiedErrorId}`);
  return out;
}
