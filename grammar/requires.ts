// `#requires` lines: every line comment that starts with `#requires`, anywhere in a script, is a
// requirement the script states (-Version, -PSEdition, -Modules, -RunAsAdministrator, -ShellId,
// -PSSnapin, -Assembly). Its text after `#` reads as a command `requires -Param value ...`; what
// is not in that form is a parse error, as in PowerShell's tokenizer.

import type { ParseError, ScriptRequirements, Span } from './ast.js';
import { makeError, type ParserErrorId } from './messages.js';

const PARAMETERS = ['shellid', 'pssnapin', 'version', 'psedition', 'assembly', 'modules', 'runasadministrator'];

interface Word {
  text: string;
  /** A parameter (`-Name`), without its dash. */
  parameter?: string;
  /** A quoted string's value. */
  quoted?: boolean;
  span: Span;
}

/** Splits the text after `#` into words: `-Parameter`, quoted strings, `@{...}`, bare words; commas separate list items. */
function words(text: string, offset: number): Word[] {
  const out: Word[] = [];
  const re = /\s*(?:(@\{[^}]*\})|'((?:[^']|'')*)'|"([^"]*)"|(-[A-Za-z]+)(?::)?|([^\s,'"]+)|(,))/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    const start = offset + m.index + (m[0].length - m[0].trimStart().length);
    const span = { start, end: offset + re.lastIndex };
    if (m[6]) continue;
    if (m[4]) out.push({ text: m[4], parameter: m[4].slice(1), span });
    else if (m[2] !== undefined) out.push({ text: m[2].replace(/''/g, "'"), quoted: true, span });
    else if (m[3] !== undefined) out.push({ text: m[3], quoted: true, span });
    else out.push({ text: (m[1] ?? m[5])!, span });
    if (!m[0].trim()) break;
  }
  return out;
}

/** `3`, `3.0`, `5.1.14393` as a version (a lone number is major.0); undefined when it is not one. */
export function requiredVersion(text: string): string | undefined {
  const v = /^\d+$/.test(text) ? `${text}.0` : text;
  return /^\d+\.\d+(\.\d+){0,2}$/.test(v) ? v : undefined;
}

/** The module name of a `-Modules` item: a name, or a ModuleSpecification hashtable's ModuleName. */
function moduleName(w: Word): string {
  if (!w.text.startsWith('@{')) return w.text;
  return /ModuleName\s*=\s*['"]?([^'";}\s]+)/i.exec(w.text)?.[1] ?? w.text;
}

/** Reads the `#requires` comments of a script: what they require, and their errors. */
export function readRequirements(text: string, comments: readonly Span[]): { requirements?: ScriptRequirements; errors: ParseError[] } {
  const errors: ParseError[] = [];
  let req: ScriptRequirements | undefined;
  const fail = (id: ParserErrorId, span: Span, args: string[] = []) => errors.push(makeError(id, span, args, false));
  for (const c of comments) {
    const comment = text.slice(c.start, c.end);
    if (!/^#requires/i.test(comment)) continue;
    req ??= { modules: [], editions: [] };
    const all = words(comment.slice(1), c.start + 1);
    const [command, ...rest] = all;
    if (!command || command.text.toLowerCase() !== 'requires') {
      fail('ScriptRequiresInvalidFormat', command?.span ?? c);
      continue;
    }
    for (let i = 0; i < rest.length; i++) {
      const w = rest[i]!;
      const name = w.parameter?.toLowerCase();
      const which = name ? PARAMETERS.find((p) => p.startsWith(name)) : undefined;
      if (!name || !which) {
        fail('ScriptRequiresInvalidFormat', w.span);
        // An unknown parameter's argument goes with it.
        if (name) while (i + 1 < rest.length && !rest[i + 1]!.parameter) i++;
        continue;
      }
      if (which === 'runasadministrator') {
        req.elevation = true;
        continue;
      }
      // The parameter's values: the words up to the next parameter (a list for -Modules / -PSEdition).
      const values: Word[] = [];
      while (i + 1 < rest.length && !rest[i + 1]!.parameter) values.push(rest[++i]!);
      if (!values.length) {
        fail('ParameterRequiresArgument', w.span, [w.parameter!]);
        continue;
      }
      const first = values[0]!;
      if (which === 'version') {
        const v = requiredVersion(first.text);
        if (!v) fail('RequiresVersionInvalid', first.span);
        else req.version = v;
      } else if (which === 'psedition') {
        for (const e of values) {
          if (!/^(Desktop|Core)$/i.test(e.text)) fail('RequiresPSEditionInvalid', e.span, ['PSEdition']);
          else req.editions!.push(e.text);
        }
      } else if (which === 'modules') {
        req.modules!.push(...values.map(moduleName));
      } else if (which === 'shellid') {
        req.shellId = first.text;
      } else if (which === 'pssnapin') {
        (req.snapins ??= []).push(first.text);
      }
    }
  }
  return { requirements: req, errors };
}
