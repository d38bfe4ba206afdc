// PowerShell 4's collection methods `.ForEach()` and `.Where()`, which every object answers
// (a scalar as a one-item collection, $null as an empty one) unless it has a method of that
// name itself. The interpreter runs the script blocks; this module holds what they select.
import { convertTo, convertToEnum, enumInfo, registerEnum } from '../protocol/convert.js';
import { TerminatingError, runtimeError } from '../protocol/errors.js';
import { getMember, hasMember, invokeMethod, methodArgumentError, setMember } from '../protocol/members.js';
import { PSTypeValue, toDisplayText, typeNamesOf } from '../protocol/values.js';

const SELECTION_MODE = 'System.Management.Automation.WhereOperatorSelectionMode';
registerEnum({ typeName: SELECTION_MODE, values: ['Default', 'First', 'Last', 'SkipUntil', 'Until', 'Split'] });

type Mode = 'Default' | 'First' | 'Last' | 'SkipUntil' | 'Until' | 'Split';

/** An argument of Where that does not convert (the one MethodArgumentConversionInvalidCastArgument of members.ts). */
function argumentError(index: number, value: unknown, typeName: string, inner: string) {
  return methodArgumentError('Where', ['expression', 'mode', 'numberToReturn'][index]!, value, typeName, inner);
}

/** `.Where('text')`: the expression must be a script block. */
export function whereNeedsBlock(value: unknown) {
  return argumentError(0, value, 'System.Management.Automation.ScriptBlock', `Cannot convert the "${toDisplayText(value)}" value of type "${typeNamesOf(value)[0]}" to type "System.Management.Automation.ScriptBlock".`);
}

/**
 * `.Where({ test }, mode, numberToReturn)`: the items `test` accepts, picked by the mode
 * (Default: all; First/Last: the first/last N; SkipUntil: from the first accepted one on;
 * Until: those before it; Split: accepted and rejected as two collections).
 */
export async function whereMethod(items: ArrayLike<unknown>, args: unknown[], test: (item: unknown) => Promise<boolean>): Promise<unknown[]> {
  if (args.length > 3) throw runtimeError(`Cannot find an overload for "Where" and the argument count: "${args.length}".`, 'MethodCountCouldNotFindBest', 'NotSpecified', 'MethodException');
  let mode: Mode = 'Default';
  if (args.length > 1 && args[1] !== null && args[1] !== undefined) {
    try {
      mode = convertToEnum(args[1], enumInfo(SELECTION_MODE)!) as Mode;
    } catch (e) {
      throw argumentError(1, args[1], SELECTION_MODE, e instanceof Error ? e.message : String(e));
    }
  }
  let count = 0;
  if (args.length > 2) {
    try {
      count = Number(convertTo(args[2], 'int'));
    } catch (e) {
      throw argumentError(2, args[2], 'System.Int32', e instanceof Error ? e.message : String(e));
    }
  }
  const n = items.length;
  const picked: unknown[] = [];
  switch (mode) {
    case 'Default':
    case 'First': {
      const limit = count > 0 ? count : mode === 'First' ? 1 : Infinity;
      for (let i = 0; i < n && picked.length < limit; i++) if (await test(items[i])) picked.push(items[i]);
      return picked;
    }
    case 'Last': {
      const limit = count > 0 ? count : 1;
      for (let i = n - 1; i >= 0 && picked.length < limit; i--) if (await test(items[i])) picked.unshift(items[i]);
      return picked;
    }
    case 'SkipUntil': {
      let i = 0;
      while (i < n && !(await test(items[i]))) i++;
      for (; i < n && (count <= 0 || picked.length < count); i++) picked.push(items[i]);
      return picked;
    }
    case 'Until': {
      for (let i = 0; i < n && (count <= 0 || picked.length < count); i++) {
        if (await test(items[i])) break;
        picked.push(items[i]);
      }
      return picked;
    }
    case 'Split': {
      const rest: unknown[] = [];
      for (let i = 0; i < n; i++) {
        if ((count <= 0 || picked.length < count) && (await test(items[i]))) picked.push(items[i]);
        else rest.push(items[i]);
      }
      return [picked, rest];
    }
  }
}

/**
 * `.ForEach(type)` converts each item; `.ForEach('Name')` gives each item's property;
 * `.ForEach('Name', args...)` calls each item's method of that name, or sets the property to
 * the one argument when the item has no such method. (The script-block form runs in the
 * interpreter.)
 */
export function forEachByName(items: ArrayLike<unknown>, what: unknown, rest: unknown[]): unknown[] {
  const out: unknown[] = [];
  if (what instanceof PSTypeValue) {
    for (let i = 0; i < items.length; i++) out.push(convertTo(items[i], what.fullName));
    return out;
  }
  const name = toDisplayText(what);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (rest.length === 0 && hasMember(item, name)) {
      // A property by name.
      const v = getMember(item, name);
      if (Array.isArray(v)) out.push(...v);
      else if (v !== undefined) out.push(v);
      continue;
    }
    if (rest.length === 0) {
      // Else a method by name, without arguments (`.ForEach('ToUpper')`); neither: nothing.
      let r: unknown;
      try {
        r = invokeMethod(item, name, []);
      } catch (e) {
        if (e instanceof TerminatingError && e.record.errorId === 'MethodNotFound') continue;
        throw e;
      }
      if (Array.isArray(r)) out.push(...r);
      else if (r !== undefined) out.push(r);
      continue;
    }
    let r: unknown;
    try {
      r = invokeMethod(item, name, rest);
    } catch (e) {
      if (rest.length === 1 && hasMember(item, name)) {
        setMember(item, name, rest[0]);
        continue;
      }
      throw e;
    }
    if (Array.isArray(r)) out.push(...r);
    else if (r !== undefined) out.push(r);
  }
  return out;
}
