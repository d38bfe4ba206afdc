// Where-Object: the script block form (`? { $_.Status -eq 'Valid' }`) and the comparison
// statement form (`? Status -eq Valid`), where the operator switch picks the parameter set.

import type { BinaryOperator } from '../../../grammar/ast.js';
import { ALL_SETS, defineCmdlet, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { TerminatingError } from '../../protocol/errors.js';
import { getMember } from '../../protocol/members.js';
import { binaryOperation } from '../../protocol/operators.js';
import { isTruthy } from '../../protocol/values.js';
import { isPromise } from '../../protocol/maybe-promise.js';

/** Switch name → operator, and its parameter set name (as in PowerShell: EQ → EqualSet ...). */
const OPERATORS: [string, BinaryOperator, string, string][] = [
  ['EQ', '-eq', 'EqualSet', 'equal to'],
  ['CEQ', '-ceq', 'CaseSensitiveEqualSet', 'equal to (case-sensitive)'],
  ['NE', '-ne', 'NotEqualSet', 'not equal to'],
  ['CNE', '-cne', 'CaseSensitiveNotEqualSet', 'not equal to (case-sensitive)'],
  ['GT', '-gt', 'GreaterThanSet', 'greater than'],
  ['CGT', '-cgt', 'CaseSensitiveGreaterThanSet', 'greater than (case-sensitive)'],
  ['LT', '-lt', 'LessThanSet', 'less than'],
  ['CLT', '-clt', 'CaseSensitiveLessThanSet', 'less than (case-sensitive)'],
  ['GE', '-ge', 'GreaterOrEqualSet', 'greater than or equal to'],
  ['CGE', '-cge', 'CaseSensitiveGreaterOrEqualSet', 'greater than or equal to (case-sensitive)'],
  ['LE', '-le', 'LessOrEqualSet', 'less than or equal to'],
  ['CLE', '-cle', 'CaseSensitiveLessOrEqualSet', 'less than or equal to (case-sensitive)'],
  ['Like', '-like', 'LikeSet', 'like the wildcard pattern'],
  ['CLike', '-clike', 'CaseSensitiveLikeSet', 'like the wildcard pattern (case-sensitive)'],
  ['NotLike', '-notlike', 'NotLikeSet', 'not like the wildcard pattern'],
  ['CNotLike', '-cnotlike', 'CaseSensitiveNotLikeSet', 'not like the wildcard pattern (case-sensitive)'],
  ['Match', '-match', 'MatchSet', 'matching the regular expression'],
  ['CMatch', '-cmatch', 'CaseSensitiveMatchSet', 'matching the regular expression (case-sensitive)'],
  ['NotMatch', '-notmatch', 'NotMatchSet', 'not matching the regular expression'],
  ['CNotMatch', '-cnotmatch', 'CaseSensitiveNotMatchSet', 'not matching the regular expression (case-sensitive)'],
  ['Contains', '-contains', 'ContainsSet', 'a collection containing the value'],
  ['CContains', '-ccontains', 'CaseSensitiveContainsSet', 'a collection containing the value (case-sensitive)'],
  ['NotContains', '-notcontains', 'NotContainsSet', 'a collection not containing the value'],
  ['CNotContains', '-cnotcontains', 'CaseSensitiveNotContainsSet', 'a collection not containing the value (case-sensitive)'],
  ['In', '-in', 'InSet', 'in the value collection'],
  ['CIn', '-cin', 'CaseSensitiveInSet', 'in the value collection (case-sensitive)'],
  ['NotIn', '-notin', 'NotInSet', 'not in the value collection'],
  ['CNotIn', '-cnotin', 'CaseSensitiveNotInSet', 'not in the value collection (case-sensitive)'],
  ['Is', '-is', 'IsSet', 'of the type given by the value'],
  ['IsNot', '-isnot', 'IsNotSet', 'not of the type given by the value'],
];

const SET_TO_OPERATOR = new Map(OPERATORS.map(([, op, set]) => [set, op]));

const fixedParameters = {
  InputObject: {
    type: 'PSObject',
    sets: { [ALL_SETS]: { fromPipeline: true } },
    help: 'Specifies the objects to be filtered. Usually piped in.',
  },
  FilterScript: {
    type: 'ScriptBlock',
    sets: { ScriptBlockSet: { position: 0, mandatory: true } },
    help: 'Specifies the script block used to filter the objects: an object passes when the block returns a true value. $_ is the current object.',
  },
  Property: {
    type: 'String',
    sets: Object.fromEntries(OPERATORS.map(([, , set]) => [set, { position: 0, mandatory: true }])),
    help: 'Specifies the name of a property of the input objects to compare.',
  },
  Value: {
    type: 'Object',
    sets: Object.fromEntries(OPERATORS.map(([, , set]) => [set, { position: 1 }])),
    help: 'Specifies the value to compare the property with.',
  },
} satisfies Record<string, ParameterDeclaration>;

/** The fixed parameters and one switch per comparison operator (-EQ, -Like, ...). */
const parameters: typeof fixedParameters & Record<string, ParameterDeclaration> = { ...fixedParameters };
for (const [name, , set, text] of OPERATORS) {
  parameters[name] = {
    type: 'Switch',
    // -EQ is optional in its set: `Where-Object Name` alone tests the property's truth.
    sets: { [set]: { mandatory: name !== 'EQ' } },
    help: `Keeps the objects whose property value is ${text} the value of -Value.`,
  };
}

export default defineCmdlet({
  name: 'Where-Object',
  aliases: ['?', 'where'],
  module: 'Microsoft.PowerShell.Core',
  synopsis: 'Selects objects from a collection based on their property values.',
  description:
    'The Where-Object cmdlet selects the objects that pass a filter from the objects passed to it. ' +
    'Write the filter as a script block (Where-Object { $_.Status -eq "Valid" }), or as a comparison ' +
    'statement with a property name, an operator switch and a value (Where-Object Status -eq Valid). ' +
    'A property name alone keeps the objects whose property has a true value.',
  defaultParameterSet: 'EqualSet',
  parameters,
  outputType: ['System.Object'],
  examples: [
    {
      code: "1..10 | Where-Object { $_ % 3 -eq 0 }",
      remarks: 'Keeps the numbers that are multiples of 3.',
      shows: '3\n6\n9',
    },
    {
      code: "'alpha','beta','gamma' | Where-Object Length -gt 4",
      remarks: 'Uses the comparison statement form: keeps the strings longer than 4 characters.',
      shows: 'alpha\ngamma',
    },
    {
      code: "'cert.pfx','notes.txt','root.cer' | ? { $_ -like '*.c*' }",
      remarks: 'Uses the ? alias with a wildcard comparison.',
      shows: 'root.cer',
    },
  ],
  related: ['ForEach-Object', 'Select-Object', 'Sort-Object'],
  process(params, ctx) {
    const input = params.InputObject;
    const filter = params.FilterScript;
    // No pipeline input and no -InputObject: nothing to filter.
    if (!ctx.expectingInput && !ctx.bound.has('InputObject')) return;
    if (filter) {
      const out = ctx.invoke(filter, { dollarUnder: input, dotSource: true });
      if (!isPromise(out)) {
        if (isTruthy(out)) ctx.write(input);
        return;
      }
      return out.then((o) => {
        if (isTruthy(o)) ctx.write(input);
      });
    }
    const value = getMember(input, params.Property ?? '');
    const op = SET_TO_OPERATOR.get(ctx.parameterSetName) ?? '-eq';
    if (op === '-eq' && !ctx.bound.has('EQ') && !ctx.bound.has('Value')) {
      if (isTruthy(value)) ctx.write(input);
      return;
    }
    if (!ctx.bound.has('Value')) {
      throw new TerminatingError(
        ctx.error({
          message:
            "The specified operator requires both the -Property and -Value parameters. Supply both parameters and retry.",
          errorId: 'ValueNotSpecifiedForWhereObject',
          category: 'InvalidArgument',
          exceptionType: 'PSArgumentException',
        }),
      );
    }
    if (isTruthy(binaryOperation(op, value, params.Value))) ctx.write(input);
  },
});
