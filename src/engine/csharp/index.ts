// Add-Type's C# compiler: source text → the types it declares, lowered for the class runtime
// (lower.ts), or the compiler's diagnostics (line and message, as csc reports them).
import { CompileError, type Diagnostic } from './lexer.js';
import { lowerTypes, type LowerEnv, type Lowered } from './lower.js';
import { parseCompilationUnit } from './parser.js';
import type { TypeDecl } from './syntax.js';

export type { Diagnostic } from './lexer.js';
export type { Lowered, LoweredClass, LoweredEnum, LowerEnv, TypeShape } from './lower.js';

export interface SourceDiagnostic extends Diagnostic {
  /** Which of the sources (index) the diagnostic is about. */
  source: number;
}

export function compileCSharp(sources: string[], env: LowerEnv): { types: Lowered[]; diagnostics: SourceDiagnostic[] } {
  const diagnostics: SourceDiagnostic[] = [];
  const decls: TypeDecl[] = [];
  for (const [i, text] of sources.entries()) {
    const found: Diagnostic[] = [];
    try {
      for (const d of parseCompilationUnit(text, found)) decls.push({ ...d, source: i });
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      found.push(e.diagnostic);
    }
    diagnostics.push(...found.map((x) => ({ ...x, source: i })));
  }
  const found: Diagnostic[] = [];
  const types = lowerTypes(decls, env, found);
  for (const x of found) diagnostics.push({ ...x, source: x.source ?? 0 });
  return { types, diagnostics };
}
