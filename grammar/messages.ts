// PowerShell parse-error texts (ParserStrings.resx wording; ids are the resource names).
import type { ParseError, Span } from './ast.js';

export const parserMessages = {
  MissingEndCurlyBrace: "Missing closing '}' in statement block or type definition.",
  UnexpectedToken: "Unexpected token '{0}' in expression or statement.",
  MissingExpressionAfterOperator: "Missing expression after unary operator '{0}'.",
  ExpectedValueExpression: "You must provide a value expression following the '{0}' operator.",
  TerminatorExpectedAtEndOfString: 'The string is missing the terminator: {0}.',
  MissingExpression: "Missing expression after '{0}' in pipeline element.",
  MissingExpressionAfterToken: "Missing expression after '{0}'.",
  ExpectedExpression: "An expression was expected after '('.",
  MissingEndParenthesisInExpression: "Missing closing ')' in expression.",
  MissingEndParenthesisInSubexpression: "Missing closing ')' in subexpression.",
  MissingEndParenthesisInMethodCall: "Missing ')' in method call.",
  MissingEndSquareBracket: "Missing ']' after array index expression.",
  MissingArrayIndexExpression: 'Array index expression is missing or not valid.',
  MissingPropertyName: 'Missing property name after reference operator.',
  MissingEqualsInHashLiteral: "Missing '=' operator after key in hash literal.",
  MissingStatementBlock: 'Missing statement block after {0} ( condition ).',
  MissingStatementBlockAfterElse: "Missing statement block after 'else' keyword.",
  MissingOpenParenthesisInIfStatement: "Missing '(' after '{0}' in if statement.",
  MissingEndParenthesisAfterStatement: "Missing closing ')' after expression in '{0}' statement.",
  MissingOpenParenthesisAfterKeyword: "Missing opening '(' after keyword '{0}'.",
  MissingVariableNameAfterForeach: 'Missing variable name after foreach.',
  MissingInInForeach: "Missing 'in' after variable in foreach loop.",
  MissingForeachExpression: 'Missing expression in foreach loop.',
  MissingLoopStatement: 'Missing statement body in {0} loop.',
  MissingWhileOrUntilInDoWhile: 'Missing while or until keyword in do loop.',
  MissingFunctionBody: 'Missing function body in function declaration.',
  MissingNameAfterKeyword: 'Missing name after {0} keyword.',
  ArrayReferenceNotSupportedInDataSection: 'Array references are not allowed in restricted language mode or a Data section.',
  AssignmentStatementNotSupportedInDataSection: 'Assignment statements are not allowed in restricted language mode or a Data section.',
  DoWhileStatementNotSupportedInDataSection: 'The Do and While statements are not allowed in restricted language mode or a Data section.',
  TrapStatementNotSupportedInDataSection: 'The Trap statement is not allowed in restricted language mode or a Data section.',
  TryStatementNotSupportedInDataSection: 'The Try statement is not allowed in restricted language mode or a Data section.',
  FlowControlStatementNotSupportedInDataSection: 'Flow control statements such as Break, Continue, Return, Exit, and Throw are not allowed in restricted language mode or a Data section.',
  ForeachStatementNotSupportedInDataSection: 'Foreach statements are not allowed in restricted language mode or a Data section.',
  ForWhileStatementNotSupportedInDataSection: 'For and While statements are not allowed in restricted language mode or a Data section.',
  FunctionDeclarationNotSupportedInDataSection: 'Function declarations are not allowed in restricted language mode or a Data section.',
  MethodCallNotSupportedInDataSection: 'Method calls are not allowed in restricted language mode or a Data section.',
  PropertyReferenceNotSupportedInDataSection: 'Property references are not allowed in restricted language mode or a Data section.',
  ScriptBlockNotSupportedInDataSection: 'Script block literals are not allowed in restricted language mode or a Data section.',
  SwitchStatementNotSupportedInDataSection: 'The switch statement is not allowed in restricted language mode or a Data section.',
  VariableReferenceNotSupportedInDataSection: 'A variable that cannot be referenced in restricted language mode or a Data section is being referenced. Variables that can be referenced include the following: {0}.',
  CmdletNotInAllowedListForDataSection: "The command '{0}' is not allowed in restricted language mode or a Data section.",
  DotSourcingNotSupportedInDataSection: 'Dot sourcing is not allowed in restricted language mode or a Data section.',
  OperatorNotSupportedInDataSection: "The '{0}' operator is not allowed in restricted language mode or a Data section.",
  RedirectionNotSupportedInDataSection: 'Redirection is not allowed in restricted language mode or a Data section.',
  MissingStatementBlockForDataSection: 'The Data section is missing its statement block.',
  InvalidParameterForDataSectionStatement: 'The "{0}" parameter of the Data section is not valid. The valid Data section parameter is SupportedCommand.',
  MissingValueForSupportedCommandInDataSectionStatement: 'The SupportedCommand parameter of the Data section is missing a value. Supply a cmdlet or function name to the parameter.',
  MissingTypeBody: "Missing '{0}' body in '{0}' declaration.",
  MissingBaseCtorCall: "Missing 'base' after ':' in a base class constructor call.",
  MissingEndParenthesisInFunctionParameterList: "Missing ')' in function parameter list.",
  MissingTryStatementBlock: 'The Try statement is missing its statement block.',
  MissingCatchOrFinally: 'The Try statement is missing its Catch or Finally block.',
  MissingCatchHandlerBlock: 'The Catch block is missing its statement block.',
  MissingFinallyStatementBlock: 'The Finally block is missing its statement block.',
  MissingCurlyBraceInSwitchStatement: "Missing '{' in switch statement.",
  MissingTypename: "Missing type name after '['.",
  EndSquareBracketExpectedAtEndOfAttribute: 'Missing ] at end of attribute or type literal.',
  ParameterRequiresArgument: 'Parameter {0} requires an argument.',
  MissingArgument: 'Missing argument in parameter list.',
  EmptyPipeElement: 'An empty pipe element is not allowed.',
  ExpressionsMustBeFirstInPipeline: 'Expressions are only allowed as the first element of a pipeline.',
  UnrecognizedToken: 'Unrecognized token in source text.',
  IncompleteString: 'Incomplete string token.',
  RedirectionNotSupported: "The '{0}' operator is reserved for future use.",
  InvalidEndOfLine: "The token '{0}' is not a valid statement separator in this version.",
  MissingFileSpecification: 'Missing file specification after redirection operator.',
  InvalidVariableReference:
    "Variable reference is not valid. '$' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
  InvalidVariableReferenceWithDrive:
    "Variable reference is not valid. ':' was not followed by a valid variable name character. Consider using ${} to delimit the name.",
  SplattingNotPermitted:
    "The splatting operator '@' cannot be used to reference variables in an expression. '@{0}' can be used only as an argument to a command. To reference variables in an expression use '${0}'.",
  SplattingNotPermittedInArgumentList:
    "Splatted variables like '@{0}' cannot be part of a comma-separated list of arguments.",
  BadNumericConstant: 'The numeric constant {0} is not valid.',
  InvalidLeftHandSide:
    'The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.',
  UnexpectedCharactersAfterHereStringHeader: 'No characters are allowed after a here-string header but before the end of the line.',
  IfStatementMissingCondition: "Missing condition in if statement after '{0} ('.",
  MissingEndParenthesisAfterForeach: "Missing closing ')' after expression part of foreach loop.",
  MissingForeachStatement: 'Missing statement body in foreach loop.',
  MissingExpressionAfterKeyword: "Missing expression after '{0}' in loop.",
  PipelineValueRequired: "A switch statement must have one of the following:  '-file file_name' or '( expression )'.",
  MissingEndParenthesisInSwitchStatement: "Missing ')' after expression in switch statement.",
  MissingSwitchStatementClause: 'Missing statement block in switch statement clause.',
  MissingSwitchConditionExpression: 'Missing condition in switch statement clause.',
  MissingTypeLiteralToken: 'Missing type literal.',
  MultipleSwitchDefaultClauses: 'A switch statement can have only one default clause.',
  InvalidSwitchFlag: 'The parameter {0} is not valid for the switch statement.',
  MissingFilenameOption: "Cannot process the 'switch' statement because of a missing file name argument to the -file option.",
  MissingTrapStatement: "The 'trap' statement was incomplete. A trap statement requires a body.",
  MissingNamedStatementBlock: "Missing statement block after '{0}'.",
  MissingNamedBlocks: "unexpected token '{0}', expected 'begin', 'process', 'end', or 'dynamicparam'.",
  DuplicateScriptCommandClause: "Script command clause '{0}' has already been defined.",
  MissingStatementInHashLiteral: "Missing statement after '=' in hash literal.",
  InvalidFunctionParameter: 'Parameter declarations are a comma-separated list of variable names with optional initializer expressions.',
  InvalidForeachFlag: 'The parameter {0} is not valid for the foreach statement.',
  MissingThrottleLimit: 'The ThrottleLimit parameter of the foreach statement is missing a value. Supply a throttle limit to the parameter.',
  // Semantic checks (run on the tree after parsing; SemanticChecks in PowerShell)
  ParallelNotSupported: "The '-parallel' parameter can be used only within a workflow.",
  ThrottleLimitRequresParallelFlag: 'The ThrottleLimit parameter is only supported on foreach statements that use the Parallel parameter.',
  DuplicateNamedArgument: "Duplicate named arguments '{0}' are not allowed.",
  ParameterAttributeArgumentNeedsToBeConstantOrScriptBlock: 'Attribute argument must be a constant or a script block.',
  ControlLeavingFinally: 'Flow of control cannot leave a Finally block.',
  DuplicateFormalParameter: 'Duplicate parameter ${0} in parameter list.',
  OnlyOneParameterListAllowed: 'The param statement cannot be used if arguments were specified in the function declaration.',
  VoidTypeConstraintNotAllowed: '[void] cannot be used as a parameter type, or on the left side of an assignment.',
  EmptyCatchNotLast: 'Catch block must be the last catch block.',
  ExceptionTypeAlreadyCaught: 'Exception type {0} is already handled by a previous handler.',
  OperatorRequiresVariableOrProperty: "The '{0}' operator works only on variables or on properties.",
  DuplicateKeyInHashLiteral: "Duplicate keys '{0}' are not allowed in hash literals.",
  OrderedAttributeOnlyOnHashLiteralNode: 'The {0} attribute can be specified only on a hash literal node.',
  ReferenceNeedsToBeByItselfInTypeSequence: 'Cannot have two occurrences of [ref] in a type sequence.',
  ReferenceNeedsToBeLastTypeInTypeConversion: '[ref] can only be the final type in type conversion sequence.',
  ReferenceNeedsToBeByItselfInTypeConstraint: 'Cannot use [ref] with other types in a type constraint.',
  ScriptTooComplicated: 'Processing was stopped because the script is too complex.',
  ScriptRequiresInvalidFormat:
    'Cannot process the #requires statement because it is not in the correct format.\nThe #requires statement must be in one of the following formats:\n "#requires -shellid <shellID>"\n "#requires -version <major.minor>"\n "#requires -psedition <edition>"\n "#requires -pssnapin <psSnapInName> [-version <major.minor>]"\n "#requires -modules <ModuleSpecification>"\n "#requires -runasadministrator"',
  RequiresVersionInvalid: 'The argument for the Version parameter is not valid. Specify a valid PowerShell version, in the format major.minor version.',
  RequiresPSEditionInvalid: 'The argument for the {0} parameter is not valid. Specify a valid PowerShell edition.',
  RequiresInvalidStringArgument: 'The argument for the {0} parameter is not valid. Specify a valid string argument.',
  ParameterCannotHaveArgument: 'Parameter {0} cannot have an argument.',
} as const;

export type ParserErrorId = keyof typeof parserMessages;

export function formatMessage(id: ParserErrorId, args: string[] = []): string {
  return parserMessages[id].replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

/** An error raised while scanning or parsing; the parser throws it to stop at the first error. */
export class PsSyntaxError extends Error {
  constructor(
    public readonly errorId: ParserErrorId,
    public readonly span: Span,
    public readonly args: string[] = [],
    /** Forced incomplete flag; otherwise computed from the position. */
    public readonly incompleteHint?: boolean,
  ) {
    super(formatMessage(errorId, args));
  }
}

export function makeError(id: ParserErrorId, span: Span, args: string[], incomplete: boolean): ParseError {
  return { message: formatMessage(id, args), errorId: id, span, incomplete };
}
