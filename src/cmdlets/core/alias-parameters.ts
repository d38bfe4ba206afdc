// The parameters Set-Alias and New-Alias share (5.1 declares the same ones on both).

import { ALL_SETS, type ParameterDeclaration } from '../../protocol/cmdlet.js';
import { OPTION_PARAMETER, SCOPE_PARAMETER } from './variables.js';

const BY_NAME = { [ALL_SETS]: { fromPipelineByPropertyName: true } };

export const ALIAS_PARAMETERS = {
  Name: {
    type: 'String',
    sets: { [ALL_SETS]: { position: 0, mandatory: true, fromPipelineByPropertyName: true } },
    help: 'Specifies the name of the alias.',
  },
  Value: {
    type: 'String',
    sets: { [ALL_SETS]: { position: 1, mandatory: true, fromPipelineByPropertyName: true } },
    help: 'Specifies the name of the cmdlet, function or other command the alias runs.',
  },
  Description: { type: 'String', sets: BY_NAME, help: 'Specifies a description of the alias.' },
  Option: { ...OPTION_PARAMETER, sets: BY_NAME, help: 'Sets the Options property of the alias: None, ReadOnly, Constant, Private or AllScope.' },
  PassThru: { type: 'Switch', help: 'Returns the alias (an AliasInfo object).' },
  Scope: { ...SCOPE_PARAMETER, sets: BY_NAME },
  Force: { type: 'Switch', help: 'Changes a read-only alias (a constant one never changes).' },
} satisfies Record<string, ParameterDeclaration>;
