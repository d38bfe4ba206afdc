// PowerShell's restricted language (what a data section and ScriptBlock.CheckRestrictedLanguage
// allow): expressions, if statements, pipelines of the allowed commands, and variables of an
// allowed list plus $PSCulture, $PSUICulture, $true, $false and $null; no assignments, loops,
// functions, method calls or script blocks. A violation is a ParseException with 5.1's message.

import type * as A from '../../grammar/ast.js';
import { children } from './secrets.js';

const DEFAULT_VARIABLES = ['psculture', 'psuiculture', 'true', 'false', 'null'];

export interface RestrictedLanguageRules {
  /** Commands that may run (names, case-insensitive). */
  commands: readonly string[];
  /** Variables that may be read besides the defaults; `*` allows every variable, environment ones too. */
  variables: readonly string[];
  allowEnvironmentVariables: boolean;
}

export interface RestrictedLanguageViolation {
  message: string;
  errorId: string;
  span: A.Span;
}

const NOT_ALLOWED: Partial<Record<string, [string, string]>> = {
  Assignment: ['AssignmentStatementNotSupportedInDataSection', 'Assignment statements are not allowed in restricted language mode or a Data section.'],
  Foreach: ['ForeachStatementNotSupportedInDataSection', "A 'foreach' statement is not allowed in restricted language mode or a Data section."],
  For: ['ForStatementNotSupportedInDataSection', "A 'for' statement is not allowed in restricted language mode or a Data section."],
  While: ['WhileStatementNotSupportedInDataSection', "A 'while' statement is not allowed in restricted language mode or a Data section."],
  DoLoop: ['DoWhileStatementNotSupportedInDataSection', "A 'do' statement is not allowed in restricted language mode or a Data section."],
  Switch: ['SwitchStatementNotSupportedInDataSection', "A 'switch' statement is not allowed in restricted language mode or a Data section."],
  FunctionDefinition: ['FunctionDeclarationNotSupportedInDataSection', 'A function declaration is not allowed in restricted language mode or a Data section.'],
  Trap: ['TrapStatementNotSupportedInDataSection', "A 'trap' statement is not allowed in restricted language mode or a Data section."],
  Try: ['TryStatementNotSupportedInDataSection', "A 'try' statement is not allowed in restricted language mode or a Data section."],
  InvokeMember: ['MethodCallNotSupportedInDataSection', 'Method calls are not allowed in restricted language mode or a Data section.'],
  ScriptBlockExpression: ['ScriptBlockNotSupportedInDataSection', 'A script block cannot be used in restricted language mode or a Data section.'],
};

/** The first construct of a block's body that the rules do not allow, or undefined. */
export function checkRestrictedLanguage(block: A.ScriptBlockAst, rules: RestrictedLanguageRules): RestrictedLanguageViolation | undefined {
  const commands = new Set(rules.commands.map((c) => c.toLowerCase()));
  const variables = new Set([...DEFAULT_VARIABLES, ...rules.variables.map((v) => v.toLowerCase())]);
  const any = variables.has('*');
  const visit = (n: { kind: string; span: A.Span }): RestrictedLanguageViolation | undefined => {
    const bad = NOT_ALLOWED[n.kind];
    if (bad) return { errorId: bad[0], message: bad[1], span: n.span };
    if (n.kind === 'Variable') {
      const v = n as A.VariableAst;
      const env = v.scope?.toLowerCase() === 'env';
      const ok = any || (env ? rules.allowEnvironmentVariables : variables.has(v.name.toLowerCase()));
      if (!ok) return { errorId: 'VariableReferenceNotSupportedInDataSection', message: `The variable '$${v.scope ? v.scope + ':' : ''}${v.name}' cannot be referenced in restricted language mode or a Data section.`, span: n.span };
    }
    if (n.kind === 'Command') {
      const c = n as A.CommandAst;
      const name = c.name.kind === 'StringConstant' ? c.name.value : undefined;
      if (c.invocation || name === undefined || !commands.has(name.toLowerCase())) {
        return { errorId: 'CmdletNotInAllowedListForDataSection', message: `The command '${name ?? ''}' is not allowed in restricted language mode or a Data section.`, span: n.span };
      }
    }
    for (const child of children(n)) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  // The block itself is what is checked: its param block and body, not the braces around it.
  for (const child of children(block)) {
    const found = visit(child);
    if (found) return found;
  }
  return undefined;
}
