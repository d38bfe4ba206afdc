// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, and the floors of
// docs/ARCHITECTURE.md as import boundaries. `npm run lint`; .ci/run runs it.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// ---------------------------------------------------------------------------------------------
// Floors (docs/ARCHITECTURE.md, Floors): what each folder may import besides itself.

const FLOOR_1 = ['grammar', 'src/protocol', 'src/pki'];
const FLOOR_2 = [...FLOOR_1, 'src/engine', 'src/format', 'src/exchange'];

/** @type {Record<string, string[]>} */
const MAY_IMPORT = {
  grammar: [],
  'src/pki': [],
  // grammar is the bottom of floor 1: error records carry AST spans.
  'src/protocol': ['grammar'],
  'src/engine': FLOOR_1,
  'src/format': FLOOR_1,
  'src/exchange': FLOOR_1,
  // Cmdlets reach the engine only through their context.
  'src/cmdlets': FLOOR_2.filter((f) => f !== 'src/engine'),
  'src/store': FLOOR_2,
  // Training exercises: their files, checks, checkpoints, progress and reports (the training
  // service that runs them on a session is the program's src/training.ts).
  'src/labs': FLOOR_2,
  'src/host': FLOOR_2,
  'src/ui': FLOOR_2,
};

/** Floor 4: the modules directly in src/ (the program); they may import anything. */
const PROGRAM = readdirSync('src', { withFileTypes: true })
  .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
  .map((e) => `src/${e.name.replace(/\.tsx?$/, '')}`);

/** Every folder below `dir`, itself included. */
function folders(dir) {
  return [dir, ...readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => folders(join(dir, e.name)))];
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An import specifier, written from `dir`, that reaches `target` (a folder, or a module without extension). */
function reaching(dir, target, isModule) {
  const rel = relative(dir, target);
  const spec = rel.startsWith('.') ? rel : `./${rel}`;
  return isModule ? `^${escape(spec)}(\\.js)?$` : `^${escape(spec)}(/|$)`;
}

const INK = { group: ['ink', 'ink/*', 'ink-*', 'react', 'react/*', 'react-*'], message: 'Only src/ui/ uses Ink and React (docs/ARCHITECTURE.md, Floors).' };

/** One config per folder: no-restricted-imports with the specifiers that would climb a floor. */
const floorConfigs = Object.entries(MAY_IMPORT).flatMap(([area, allowed]) => {
  const forbiddenAreas = Object.keys(MAY_IMPORT).filter((a) => a !== area && !allowed.includes(a));
  return folders(area).map((dir) => {
    const patterns = [
      ...forbiddenAreas.map((target) => ({ regex: reaching(dir, target, false), message: `${area} may not import ${target} (docs/ARCHITECTURE.md, Floors).` })),
      ...PROGRAM.map((target) => ({ regex: reaching(dir, target, true), message: `Only the program (src/*.ts) imports ${target}.` })),
      ...(area === 'src/ui' ? [] : [INK]),
    ];
    return { files: [`${dir}/*.ts`, `${dir}/*.tsx`], rules: { 'no-restricted-imports': ['error', { patterns }] } };
  });
});

/** Chevrotain's internal parser methods (not in its typings), as a selector's name pattern. */
const CHEVROTAIN_INTERNALS = '/^(topLevelRuleRecord|enableRecording|disableRecording|preComputeLookaheadFunctions|setLaFuncCache|lookAheadFuncsCache|getLaFuncFromCache|ruleInvocationStateUpdate)$/';

// ---------------------------------------------------------------------------------------------

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'grammar/diagrams.html'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: {
        // Node's globals (the sources and scripts run on Node 20).
        process: 'readonly', Buffer: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
        setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', clearImmediate: 'readonly',
        queueMicrotask: 'readonly', structuredClone: 'readonly', performance: 'readonly', URL: 'readonly',
        TextEncoder: 'readonly', TextDecoder: 'readonly', AbortController: 'readonly', AbortSignal: 'readonly',
        __dirname: 'readonly', __filename: 'readonly', require: 'readonly', module: 'writable', globalThis: 'readonly',
        NodeJS: 'readonly',
      },
    },
    rules: {
      // `_` marks a parameter an interface requires but this implementation does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A shell matches control characters on purpose: terminal escape sequences (ESC), NUL and
      // the other characters a Windows file name may not hold, ASCII checks on bundles.
      'no-control-regex': 'off',
      // `s` walks a chain that starts at `this` (scope → parent).
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['s'] }],
      // Module augmentation of node-forge's typings needs `namespace` inside `declare module`.
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      // A `let` read by a closure made before its value exists (the host's callback that stops the
      // session made from that host) cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Chevrotain through its public API only (docs/ARCHITECTURE.md, Start-up): none of the
    // internals performSelfAnalysis uses may be overridden or called.
    files: ['grammar/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `:matches(MethodDefinition > Identifier.key, PropertyDefinition > Identifier.key, MemberExpression > Identifier.property)[name=${CHEVROTAIN_INTERNALS}]`,
          message: 'A Chevrotain internal: use its public API (docs/ARCHITECTURE.md, Start-up).',
        },
      ],
    },
  },
  {
    // A cmdlet's parameters are typed from its declaration (BoundParameters in src/protocol/cmdlet.ts):
    // a cast of one in a cmdlet body hides a mismatch between the two.
    files: ['src/cmdlets/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSAsExpression > MemberExpression.expression[object.name=/^(params|p)$/]',
          message: 'Parameters are typed by the declaration: no cast (declare the right type, a default, or narrow).',
        },
        {
          // State of one invocation lives in the context (CmdletContext.runState), not in the module.
          selector: "NewExpression[callee.name=/^(WeakMap|Map)$/] TSTypeReference[typeName.name='CmdletContext']",
          message: 'Per-invocation state belongs in the context: ctx.runState(stateKey(...), init).',
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.tsx', 'src/ui/**/*.ts', 'test/ui/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...floorConfigs,
);
