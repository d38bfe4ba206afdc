// PowerShell's restricted language (what a Data section and ScriptBlock.CheckRestrictedLanguage
// allow): literals, operators, the commands and variables allowed by name, nothing that assigns,
// loops, calls methods or defines anything (SemanticChecks.cs, RestrictedLanguageChecker).
import type * as A from './ast.js';
import type { ParserErrorId } from './messages.js';
import { forEachChild, type AnyNode } from './semantic-checks.js';

export interface RestrictedLanguageError {
  id: ParserErrorId;
  span: A.Span;
  args: string[];
}

const DEFAULT_VARIABLES = ['PSCulture', 'PSUICulture', 'true', 'false', 'null'];

const STATEMENT_ERRORS: Partial<Record<string, ParserErrorId>> = {
  Assignment: 'AssignmentStatementNotSupportedInDataSection',
  Foreach: 'ForeachStatementNotSupportedInDataSection',
  For: 'ForWhileStatementNotSupportedInDataSection',
  While: 'ForWhileStatementNotSupportedInDataSection',
  DoLoop: 'DoWhileStatementNotSupportedInDataSection',
  Switch: 'SwitchStatementNotSupportedInDataSection',
  Try: 'TryStatementNotSupportedInDataSection',
  Trap: 'TrapStatementNotSupportedInDataSection',
  FunctionDefinition: 'FunctionDeclarationNotSupportedInDataSection',
  Return: 'FlowControlStatementNotSupportedInDataSection',
  Break: 'FlowControlStatementNotSupportedInDataSection',
  Continue: 'FlowControlStatementNotSupportedInDataSection',
  Exit: 'FlowControlStatementNotSupportedInDataSection',
  Throw: 'FlowControlStatementNotSupportedInDataSection',
  InvokeMember: 'MethodCallNotSupportedInDataSection',
  Member: 'PropertyReferenceNotSupportedInDataSection',
  Index: 'ArrayReferenceNotSupportedInDataSection',
  ScriptBlockExpression: 'ScriptBlockNotSupportedInDataSection',
  Redirection: 'RedirectionNotSupportedInDataSection',
};

/**
 * What in `block` the restricted language does not allow. `commands`: the commands allowed
 * (besides none); `variables`: those allowed besides $PSCulture, $PSUICulture, $true, $false and
 * $null (`*` allows every variable, $env: ones included); `allowEnvironment`: $env: variables.
 */
export function restrictedLanguageErrors(block: A.ScriptBlockAst, commands: readonly string[], variables: readonly string[], allowEnvironment: boolean): RestrictedLanguageError[] {
  const errors: RestrictedLanguageError[] = [];
  const allowedCommands = new Set(commands.map((c) => c.toLowerCase()));
  const anyVariable = variables.includes('*');
  const allowedVariables = new Set([...DEFAULT_VARIABLES, ...variables].map((v) => v.toLowerCase()));
  const shown = [...DEFAULT_VARIABLES, ...variables].map((v) => '$' + v).join(', ');
  const visit = (n: AnyNode): void => {
    const id = STATEMENT_ERRORS[n.kind];
    if (id) errors.push({ id, span: n.span, args: [] });
    if (n.kind === 'Command') {
      const c = n as A.CommandAst;
      if (c.invocation === '.') errors.push({ id: 'DotSourcingNotSupportedInDataSection', span: c.span, args: [] });
      else if (c.invocation === '&') errors.push({ id: 'OperatorNotSupportedInDataSection', span: c.span, args: ['&'] });
      else {
        const name = c.name.kind === 'StringConstant' ? c.name.value : '';
        if (!allowedCommands.has(name.toLowerCase())) errors.push({ id: 'CmdletNotInAllowedListForDataSection', span: c.span, args: [name] });
      }
    } else if (n.kind === 'Variable') {
      const v = n as A.VariableAst;
      const isEnv = v.scope?.toLowerCase() === 'env';
      const ok = anyVariable || (isEnv ? allowEnvironment : allowedVariables.has(v.name.toLowerCase()));
      if (!ok) errors.push({ id: 'VariableReferenceNotSupportedInDataSection', span: v.span, args: [shown] });
    }
    forEachChild(n, visit);
  };
  for (const list of [block.begin, block.process, block.end]) if (list) forEachChild(list, visit);
  return errors;
}
