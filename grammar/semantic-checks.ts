// The checks PowerShell runs on the tree after parsing (its SemanticChecks visitor): errors a
// grammar cannot see, such as control flow leaving a finally block, a parameter declared twice,
// duplicate hash keys, `++` on a constant, `[ref]` in a type sequence. Reported as parse errors.
import type * as A from './ast.js';
import { PsSyntaxError } from './messages.js';

export type AnyNode = { kind: string; span: A.Span };

const isNode = (v: unknown): v is AnyNode => typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string';

/** The children of a node, in source order of their properties (a generic walk: every AST kind). */
export function forEachChild(n: object, visit: (child: AnyNode) => void): void {
  for (const key in n) {
    if (key === 'span') continue;
    const v = (n as Record<string, unknown>)[key];
    if (typeof v !== 'object' || v === null) continue; // names, flags, text: most properties
    if (Array.isArray(v)) {
      for (const x of v) {
        if (isNode(x)) visit(x);
        else if (typeof x === 'object' && x !== null) forEachChild(x, visit); // clauses, entries
      }
    } else if (isNode(v)) visit(v);
    else if (typeof v === 'object' && v !== null && key !== 'flags') forEachChild(v, visit);
  }
}

const typeKey = (name: string) => name.toLowerCase().replace(/^system\./, '');
const isRef = (t: A.TypeNameAst) => typeKey(t.name) === 'ref' || typeKey(t.name) === 'management.automation.psreference';
const isVoid = (t: A.TypeNameAst) => typeKey(t.name) === 'void';

/** The .NET full name of an exception type as written (for ExceptionTypeAlreadyCaught's text). */
function exceptionFullName(name: string): string {
  return name.includes('.') ? (name.toLowerCase().startsWith('system.') ? name : `System.${name}`) : `System.${name}`;
}

/** Whether a catch of `later` is unreachable after a catch of `earlier` (same type, or any type after Exception). */
function alreadyCaught(earlier: string, later: string): boolean {
  const e = typeKey(earlier);
  return e === typeKey(later) || e === 'exception';
}

export function semanticChecks(root: A.ScriptBlockAst): PsSyntaxError[] {
  const errors: PsSyntaxError[] = [];
  const report = (id: ConstructorParameters<typeof PsSyntaxError>[0], span: A.Span, args: string[] = []) => errors.push(new PsSyntaxError(id, span, args, false));
  // The ancestors of the node being visited.
  const path: AnyNode[] = [];

  const checkParameters = (params: A.ParameterDeclAst[]) => {
    const seen = new Set<string>();
    for (const p of params) {
      const key = p.name.toLowerCase();
      if (seen.has(key)) report('DuplicateFormalParameter', p.nameSpan ?? p.span, [p.name]);
      seen.add(key);
      const voidType = (p.types ?? (p.type ? [p.type] : [])).find(isVoid);
      if (voidType) report('VoidTypeConstraintNotAllowed', voidType.span);
      const types = p.types ?? [];
      const ref = types.find(isRef);
      if (ref && types.length > 1) report('ReferenceNeedsToBeByItselfInTypeConstraint', ref.span);
    }
  };

  /** CheckForFlowOutOfFinally: a break/continue/return whose way out crosses a finally block. */
  const checkFlowOutOfFinally = (st: AnyNode, label: string | undefined) => {
    for (let i = path.length - 1; i >= 0; i--) {
      const p = path[i]!;
      // A script block (function, script block literal) is a method of its own.
      if (p.kind === 'ScriptBlock' || p.kind === 'Trap') return;
      // A loop inside the finally takes a break/continue (a label must match it).
      if (st.kind !== 'Return' && isLoop(p) && (label === undefined || label.toLowerCase() === ((p as { label?: string }).label ?? '').toLowerCase())) return;
      if (p.kind === 'Try') {
        const list = path[i + 1];
        if (list && list === (p as A.TryAst).finally) {
          report('ControlLeavingFinally', st.span);
          return;
        }
      }
    }
  };

  /** CheckAssignmentTarget: what `=` (or `+=`, `++`) can assign to. Returns the offending node. */
  const badTarget = (e: A.ExpressionAst, simple: boolean): A.ExpressionAst | undefined => {
    switch (e.kind) {
      case 'Variable': case 'Member': case 'Index':
        return undefined;
      case 'ArrayLiteral':
        if (!simple) return e;
        for (const x of e.elements) {
          const bad = badTarget(x, true);
          if (bad) return bad;
        }
        return undefined;
      case 'Convert': {
        // A type constraint on the left: [ref] only alone, never [void].
        const types: A.TypeNameAst[] = [];
        let inner: A.ExpressionAst = e;
        while (inner.kind === 'Convert') {
          types.push(inner.type);
          inner = inner.operand;
        }
        for (const t of types) if (isVoid(t)) report('VoidTypeConstraintNotAllowed', t.span);
        const ref = types.find(isRef);
        if (ref && types.length > 1) {
          report('ReferenceNeedsToBeByItselfInTypeConstraint', ref.span);
          return undefined;
        }
        return badTarget(inner, simple);
      }
      default:
        return e;
    }
  };

  const visit = (n: AnyNode): void => {
    switch (n.kind) {
      case 'ScriptBlock': {
        const sb = n as A.ScriptBlockAst;
        const fn = path[path.length - 1];
        const fnParams = fn?.kind === 'FunctionDefinition' ? (fn as A.FunctionDefinitionAst).parameters : undefined;
        if (fnParams && fnParams.length > 0 && sb.params) report('OnlyOneParameterListAllowed', sb.params.span);
        if (sb.params) checkParameters(sb.params.parameters);
        break;
      }
      case 'Attribute': {
        // Named arguments once each; arguments constant (or script blocks), as attributes are built before the code runs.
        const a = n as A.AttributeAst;
        const names = new Set<string>();
        for (const arg of a.named) {
          if (names.has(arg.name.toLowerCase())) report('DuplicateNamedArgument', arg.span, [arg.name]);
          else if (arg.value && !isConstantArgument(arg.value)) report('ParameterAttributeArgumentNeedsToBeConstantOrScriptBlock', arg.value.span);
          names.add(arg.name.toLowerCase());
        }
        for (const arg of a.positional) if (!isConstantArgument(arg)) report('ParameterAttributeArgumentNeedsToBeConstantOrScriptBlock', arg.span);
        // Script blocks inside attributes (ValidateScript) are checked as code below; the rest is done.
        break;
      }
      case 'FunctionDefinition': {
        const f = n as A.FunctionDefinitionAst;
        if (f.parameters) checkParameters(f.parameters);
        break;
      }
      case 'Foreach': {
        // Workflow forms: emsh has no workflows, so they are always outside one.
        const f = n as A.ForeachAst;
        if (f.parallel) report('ParallelNotSupported', f.span);
        if (f.throttleLimit && !f.parallel) report('ThrottleLimitRequresParallelFlag', f.span);
        break;
      }
      case 'Switch':
        if ((n as A.SwitchAst).flags.parallel) report('ParallelNotSupported', n.span);
        break;
      case 'Break': case 'Continue':
        checkFlowOutOfFinally(n, (n as A.BreakAst).label);
        break;
      case 'Return':
        checkFlowOutOfFinally(n, undefined);
        break;
      case 'Try': {
        const t = n as A.TryAst;
        for (let i = 0; i < t.catches.length - 1; i++) {
          const c1 = t.catches[i]!;
          for (let j = i + 1; j < t.catches.length; j++) {
            const c2 = t.catches[j]!;
            if (c1.types.length === 0) {
              report('EmptyCatchNotLast', { start: c2.span.start, end: c2.span.start });
              break;
            }
            for (const t2 of c2.types) if (c1.types.some((t1) => alreadyCaught(t1.name, t2.name))) report('ExceptionTypeAlreadyCaught', t2.span, [exceptionFullName(t2.name)]);
          }
        }
        break;
      }
      case 'Assignment': {
        const a = n as A.AssignmentAst;
        const bad = badTarget(a.target, a.operator === '=');
        if (bad) report('InvalidLeftHandSide', bad.span);
        break;
      }
      case 'Increment': {
        const inc = n as A.IncrementAst;
        const bad = badTarget(inc.operand, false);
        if (bad) report('OperatorRequiresVariableOrProperty', bad.span, [inc.operator]);
        break;
      }
      case 'Hashtable': {
        const seen = new Set<string>();
        for (const { key } of (n as A.HashtableAst).entries) {
          const k = key.kind === 'StringConstant' ? key.value : key.kind === 'Constant' ? String(key.value) : undefined;
          if (k === undefined) continue;
          if (seen.has(k.toLowerCase())) report('DuplicateKeyInHashLiteral', key.span, [k]);
          seen.add(k.toLowerCase());
        }
        break;
      }
      case 'Convert': {
        const c = n as A.ConvertAst;
        if (typeKey(c.type.name) === 'ordered' && c.operand.kind !== 'Hashtable') report('OrderedAttributeOnlyOnHashLiteralNode', c.span, [c.type.name]);
        const parent = path[path.length - 1];
        if (isRef(c.type)) {
          // [ref][ref]: the inner one is reported; [int][ref] (not as an assignment target): [ref] must be last.
          let inner: A.ExpressionAst = c.operand;
          let twice = false;
          while (inner.kind === 'Convert') {
            if (isRef(inner.type)) {
              twice = true;
              report('ReferenceNeedsToBeByItselfInTypeSequence', inner.type.span);
            }
            inner = inner.operand;
          }
          const outer = parent?.kind === 'Convert' ? (parent as A.ConvertAst) : undefined;
          if (!twice && outer && !isRef(outer.type) && !isAssignmentTarget(path, c)) report('ReferenceNeedsToBeLastTypeInTypeConversion', c.type.span);
        }
        break;
      }
    }
    path.push(n);
    forEachChild(n, visit);
    path.pop();
  };
  visit(root);
  return errors;
}

/** An attribute argument PowerShell can evaluate before running anything: no variables (but $true, $false, $null) and no commands. */
function isConstantArgument(e: A.ExpressionAst): boolean {
  switch (e.kind) {
    case 'Constant': case 'StringConstant': case 'ScriptBlockExpression': case 'TypeExpression':
      return true;
    case 'ExpandableString':
      return e.parts.every((p) => typeof p === 'string');
    case 'Variable':
      return /^(true|false|null)$/i.test(e.name) && !e.scope;
    case 'Unary':
      return isConstantArgument(e.operand);
    case 'Binary':
      return isConstantArgument(e.left) && isConstantArgument(e.right);
    case 'Convert':
      return isConstantArgument(e.operand);
    case 'ArrayLiteral':
      return e.elements.every(isConstantArgument);
    case 'Member':
      // `[int]::MaxValue`: a static member of a type.
      return e.static && e.target.kind === 'TypeExpression';
    case 'Paren':
      return e.pipeline.kind === 'Pipeline' && e.pipeline.elements.length === 1 && e.pipeline.elements[0]!.kind === 'CommandExpression' && isConstantArgument(e.pipeline.elements[0].expression);
    case 'ArrayExpression':
      return e.statements.statements.every((s) => s.kind === 'Pipeline' && s.elements.length === 1 && s.elements[0]!.kind === 'CommandExpression' && isConstantArgument(s.elements[0].expression));
    default:
      return false;
  }
}

function isLoop(n: AnyNode): boolean {
  return n.kind === 'Foreach' || n.kind === 'For' || n.kind === 'While' || n.kind === 'DoLoop' || n.kind === 'Switch';
}

/** Whether `e` lies on the left of an assignment among the ancestors (`[int][ref]$x = ...`). */
function isAssignmentTarget(path: AnyNode[], e: A.ExpressionAst): boolean {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i]!;
    if (p.kind === 'Assignment') {
      const t = (p as A.AssignmentAst).target;
      return e.span.start >= t.span.start && e.span.end <= t.span.end;
    }
    if (p.kind === 'CommandExpression' || p.kind === 'ScriptBlock') return false;
  }
  return false;
}
