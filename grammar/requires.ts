// `#requires` lines: PowerShell reads a comment that starts `#requires` as a command
// (`requires -Version 3.0`) and reports a malformed one as a parse error of the script
// (tokenizer.cs, GetScriptRequirements). What the requirements then demand is the engine's.
import type { Span } from './ast.js';
import type { ParserErrorId } from './messages.js';

export interface RequiresError {
  id: ParserErrorId;
  span: Span;
  args: string[];
}

const PARAMETERS = ['shellid', 'pssnapin', 'version', 'psedition', 'assembly', 'modules', 'runasadministrator'];

/** System.Version's text as PowerShell reads it: `3`, `3.0`, up to four numbers. */
function isVersion(text: string): boolean {
  return /^\d+(\.\d+){0,3}$/.test(text);
}

/** The errors of the `#requires` comments among `comments` (spans into `text`). */
export function requiresErrors(text: string, comments: readonly Span[]): RequiresError[] {
  const errors: RequiresError[] = [];
  for (const c of comments) {
    if (text.charCodeAt(c.start) !== 35 /* # */ || text.slice(c.start + 1, c.start + 9).toLowerCase() !== 'requires') continue;
    const words: { text: string; span: Span }[] = [];
    const re = /'[^']*'|"[^"]*"|[^\s]+/g;
    const body = text.slice(c.start + 1, c.end);
    for (let m = re.exec(body); m; m = re.exec(body)) words.push({ text: m[0], span: { start: c.start + 1 + m.index, end: c.start + 1 + m.index + m[0].length } });
    if (words[0]?.text.toLowerCase() !== 'requires') {
      errors.push({ id: 'ScriptRequiresInvalidFormat', span: words[0]?.span ?? c, args: [] });
      continue;
    }
    for (let i = 1; i < words.length; i++) {
      const w = words[i]!;
      if (!w.text.startsWith('-')) {
        errors.push({ id: 'ScriptRequiresInvalidFormat', span: w.span, args: [] });
        continue;
      }
      const [rawName, colonArg] = w.text.slice(1).split(/:(.*)/s, 2) as [string, string | undefined];
      const name = rawName.toLowerCase();
      const known = name ? PARAMETERS.find((p) => p.startsWith(name)) : undefined;
      if (known === 'runasadministrator') continue;
      // The argument: the next word, and the words a trailing comma joins to it (`'A', 'B'`).
      let arg = colonArg !== undefined ? { text: colonArg, span: w.span } : words[i + 1]?.text.startsWith('-') ? undefined : words[++i];
      while (arg && words[i + 1] && (arg.text.endsWith(',') || words[i + 1]!.text.startsWith(','))) arg = { text: arg.text + words[++i]!.text, span: { start: arg.span.start, end: words[i]!.span.end } };
      if (!known) {
        errors.push({ id: 'ScriptRequiresInvalidFormat', span: w.span, args: [] });
        continue;
      }
      if (!arg) {
        errors.push({ id: 'ParameterRequiresArgument', span: w.span, args: [rawName] });
        continue;
      }
      if (known === 'version' && !isVersion(arg.text.replace(/^(['"])(.*)\1$/s, '$2'))) errors.push({ id: 'RequiresVersionInvalid', span: arg.span, args: [] });
    }
  }
  return errors;
}
