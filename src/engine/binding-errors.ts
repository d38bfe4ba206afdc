// The parameter binding error records of Windows PowerShell 5.1 (ParameterBinderStrings.resx):
// message, error id, category, exception type. The binder adds the command and the span.

import type { SourceText, Span } from '../../grammar/ast.js';
import { ErrorRecord, type ErrorCategory } from '../protocol/errors.js';

export interface BindingErrorSite {
  source: SourceText;
  invocationName: string;
  commandName: string;
  commandFullName: string;
}

interface Template {
  category: ErrorCategory;
  exceptionType: string;
  message: (a: Record<string, string>) => string;
}

const T: Record<string, Template> = {
  NamedParameterNotFound: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => `A parameter cannot be found that matches parameter name '${a.name}'.`,
  },
  PositionalParameterNotFound: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => `A positional parameter cannot be found that accepts argument '${a.name}'.`,
  },
  MissingArgument: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => `Missing an argument for parameter '${a.name}'. Specify a parameter of type '${a.type}' and try again.`,
  },
  AmbiguousParameter: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => `Parameter cannot be processed because the parameter name '${a.name}' is ambiguous. Possible matches include:${a.matches}.`,
  },
  AmbiguousParameterSet: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: () => 'Parameter set cannot be resolved using the specified named parameters.',
  },
  ParameterAlreadyBound: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) =>
      `Cannot bind parameter because parameter '${a.name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, "-parameter value1,value2,value3".`,
  },
  ParameterBindingFailed: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => a.reason!,
  },
  ParameterArgumentValidationErrorNullNotAllowed: {
    category: 'InvalidData',
    exceptionType: 'ParameterBindingValidationException',
    message: (a) => `Cannot bind argument to parameter '${a.name}' because it is null.`,
  },
  ParameterArgumentValidationErrorEmptyStringNotAllowed: {
    category: 'InvalidData',
    exceptionType: 'ParameterBindingValidationException',
    message: (a) => `Cannot bind argument to parameter '${a.name}' because it is an empty string.`,
  },
  ParameterArgumentValidationErrorEmptyArrayNotAllowed: {
    category: 'InvalidData',
    exceptionType: 'ParameterBindingValidationException',
    message: (a) => `Cannot bind argument to parameter '${a.name}' because it is an empty array.`,
  },
  ParameterArgumentValidationErrorEmptyCollectionNotAllowed: {
    category: 'InvalidData',
    exceptionType: 'ParameterBindingValidationException',
    message: (a) => `Cannot bind argument to parameter '${a.name}' because it is an empty collection.`,
  },
  ParameterArgumentValidationError: {
    category: 'InvalidData',
    exceptionType: 'ParameterBindingValidationException',
    message: (a) => `Cannot validate argument on parameter '${a.name}'. ${a.detail}`,
  },
  InputObjectNotBound: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: () =>
      'The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.',
  },
  InputObjectMissingMandatory: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => `The input object cannot be bound because it did not contain the information required to bind all mandatory parameters: ${a.list}`,
  },
  MissingMandatoryParameter: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => `Cannot process command because of one or more missing mandatory parameters:${a.list}.`,
  },
  CannotConvertArgument: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => `Cannot convert '${a.value}' to the type '${a.type}' required by parameter '${a.name}'. ${a.detail}`,
  },
  ParameterArgumentTransformationError: {
    category: 'InvalidData',
    exceptionType: 'ParameterBindingArgumentTransformationException',
    message: (a) => `Cannot process argument transformation on parameter '${a.name}'. ${a.detail}`,
  },
  ScriptBlockArgumentNoInput: {
    category: 'MetadataError',
    exceptionType: 'ParameterBindingException',
    message: (a) => `Cannot evaluate parameter '${a.name}' because its argument is specified as a script block and there is no input. A script block cannot be evaluated without input.`,
  },
  ScriptBlockArgumentInvocationFailed: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => `The input to the script block for parameter '${a.name}' failed. ${a.detail}`,
  },
  ScriptBlockArgumentNoOutput: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => `Cannot evaluate parameter '${a.name}' because its argument input did not produce any output.`,
  },
  CannotConvertArgumentNoMessage: {
    category: 'InvalidArgument',
    exceptionType: 'ParameterBindingException',
    message: (a) => `Cannot bind parameter '${a.name}'. ${a.detail}`,
  },
};

export type BindingErrorId = keyof typeof T;

/** A binding error record: FQID `<id>,<command type>`, positioned at `span`. */
export function bindingError(
  id: BindingErrorId,
  args: Record<string, string>,
  site: BindingErrorSite,
  span: Span,
  targetObject?: unknown,
): ErrorRecord {
  const t = T[id]!;
  return new ErrorRecord({
    message: t.message(args),
    errorId: id,
    category: t.category,
    exceptionType: t.exceptionType,
    commandFullName: site.commandFullName,
    targetObject,
    invocation: { source: site.source, span, invocationName: site.invocationName, commandName: site.commandName },
  });
}

/** `" -Name1 -Name2"`, the list format of AmbiguousParameter. */
export function matchList(names: string[]): string {
  return names.map((n) => ` -${n}`).join('');
}

/** `" Name1 Name2"`, the list format of the missing-mandatory messages. */
export function missingList(names: string[]): string {
  return names.map((n) => ` ${n}`).join('');
}

/** ValidateSet's inner message. */
export function validateSetText(value: string, set: readonly string[]): string {
  return `The argument "${value}" does not belong to the set "${set.join(',')}" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.`;
}

export function validateRangeText(value: number | string, range: [number, number]): string {
  const n = Number(value);
  if (n < range[0]) {
    return `The ${value} argument is less than the minimum allowed range of ${range[0]}. Supply an argument that is greater than or equal to ${range[0]} and then try the command again.`;
  }
  return `The ${value} argument is greater than the maximum allowed range of ${range[1]}. Supply an argument that is less than or equal to ${range[1]} and then try the command again.`;
}

export const VALIDATE_NOT_NULL_OR_EMPTY_TEXT =
  'The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.';
export const VALIDATE_NOT_NULL_TEXT = 'The argument is null. Provide a valid value for the argument, and then try running the command again.';
/** ValidateNotNull on a collection with a null element. */
export const VALIDATE_NOT_NULL_COLLECTION_TEXT =
  'The argument has a null value, or an element of the argument collection contains a null value. Provide a collection that does not contain any null values, and then try the command again.';
/** ValidateNotNullOrEmpty on an empty collection or one with a null element; also any per-element Validate* given $null. */
export const VALIDATE_NOT_NULL_OR_EMPTY_COLLECTION_TEXT =
  'The argument is null, empty, or an element of the argument collection contains a null value. Supply a collection that does not contain any null values and then try the command again.';

// The Validate* attributes' texts as Windows PowerShell 5.1 words them (its Metadata.resx; the
// ValidateCount and ValidateLength texts changed in PowerShell 6).

export function validateCountText(count: number, range: [number, number]): string {
  if (count < range[0]) {
    return `The number of provided arguments (${count}) is fewer than the minimum number of allowed arguments (${range[0]}). Provide more than ${range[0]} arguments, and then try the command again.`;
  }
  return `The number of provided arguments, (${count}), exceeds the maximum number of allowed arguments (${range[1]}). Provide fewer than ${range[1]} arguments, and then try the command again.`;
}

export const VALIDATE_COUNT_NOT_ARRAY_TEXT =
  'The ValidateCount attribute cannot be applied to a non-array parameter. Either remove the attribute from the parameter or make the parameter an array parameter.';

export function validateLengthText(length: number, range: [number, number]): string {
  if (length < range[0]) {
    return `The character length (${length}) of the argument is too short. Specify an argument with a length that is greater than or equal to "${range[0]}", and then try the command again.`;
  }
  return `The character length of the ${length} argument is too long. Shorten the character length of the argument so it is fewer than or equal to "${range[1]}" characters, and then try the command again.`;
}

export const VALIDATE_LENGTH_NOT_STRING_TEXT =
  'The ValidateLength attribute cannot be applied to a parameter that is not a string or string[] parameter. Make the parameter a string or string[] parameter.';

export function validatePatternText(value: string, pattern: string): string {
  return `The argument "${value}" does not match the "${pattern}" pattern. Supply an argument that matches "${pattern}" and try the command again.`;
}

export function validateScriptText(value: string, script: string): string {
  return `The "${script}" validation script for the argument with value "${value}" did not return a result of True. Determine why the validation script failed, and then try the command again.`;
}
