// What a script's `#requires` lines demand (grammar/requires.ts), checked before it runs, with
// Windows PowerShell 5.1's ScriptRequiresException texts and ids: a newer PowerShell, the Core
// edition, or modules the session does not have stop the script before its first statement.

import type { ScriptRequirements } from '../../grammar/ast.js';
import { ErrorRecord, TerminatingError } from '../protocol/errors.js';
import { PS_VERSION } from './automatic-variables.js';

function versionParts(v: string): number[] {
  return v.split('.').map(Number);
}

/** True when the required version is this shell's (5.1) or older. */
function versionSatisfied(required: string): boolean {
  const need = versionParts(required);
  const have = versionParts(PS_VERSION);
  for (let i = 0; i < need.length; i++) {
    const a = need[i]!;
    const b = have[i] ?? 0;
    if (a !== b) return a < b;
  }
  return true;
}

function requiresError(scriptName: string, message: string, errorId: string): TerminatingError {
  return new TerminatingError(
    new ErrorRecord({
      message,
      errorId,
      category: 'ResourceUnavailable',
      exceptionType: 'ScriptRequiresException',
      targetObject: scriptName,
      targetName: scriptName,
      targetType: 'String',
    }),
  );
}

/**
 * Throws the ScriptRequiresException a script's requirements raise here; `modules` gives the
 * names of the modules the session has, in lower case.
 */
export function checkRequirements(req: ScriptRequirements | undefined, scriptPath: string, modules: () => ReadonlySet<string>): void {
  if (!req) return;
  const name = scriptPath.slice(scriptPath.lastIndexOf('\\') + 1);
  if (req.version && !versionSatisfied(req.version)) {
    throw requiresError(
      name,
      `The script '${name}' cannot be run because it contained a "#requires" statement for Windows PowerShell ${req.version}. The version of Windows PowerShell that is required by the script does not match the currently running version of Windows PowerShell ${PS_VERSION}.`,
      'ScriptRequiresUnmatchedPSVersion',
    );
  }
  if (req.editions?.length && !req.editions.some((e) => e.toLowerCase() === 'desktop')) {
    throw requiresError(
      name,
      `The script '${name}' cannot be run because it contained a "#requires" statement for PowerShell editions '${req.editions.join(',')}'. The edition of PowerShell that is required by the script does not match the currently running PowerShell Desktop edition.`,
      'ScriptRequiresUnmatchedPSEdition',
    );
  }
  const missing = req.modules?.length ? req.modules.filter((m) => !modules().has(m.toLowerCase())) : [];
  if (missing.length) {
    throw requiresError(
      name,
      `The script '${name}' cannot be run because the following modules that are specified by the "#requires" statements of the script are missing: ${missing.join(', ')}.`,
      'ScriptRequiresMissingModules',
    );
  }
}
