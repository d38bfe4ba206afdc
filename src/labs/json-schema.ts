// A JSON Schema (draft-07) validator for the keywords exercise.schema.json uses. Exercises are
// checked against the very schema that ships in labs/ (editors use it too), so the two cannot
// disagree. A keyword this validator does not know makes the schema itself an error (a unit test
// walks the shipped schema), rather than being silently ignored.

import { pointerToken } from './json-positions.js';

export interface SchemaProblem {
  /** JSON Pointer of the value the problem is about. */
  pointer: string;
  /** True when the problem is best shown at the member's key (an unknown property). */
  atKey?: boolean;
  message: string;
}

export type Schema = { [keyword: string]: unknown };

/** Keywords that only document (ignored when validating). */
const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description', 'default', 'examples', '$comment', 'definitions']);
/** Keywords this validator applies. */
const ASSERTIONS = new Set([
  'type', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'items', 'minItems', 'maxItems',
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', '$ref',
]);

/** Keywords of a schema (and its subschemas) that this validator would not apply. */
export function unsupportedKeywords(schema: Schema): string[] {
  const out = new Set<string>();
  const walk = (s: unknown) => {
    if (typeof s !== 'object' || s === null) return;
    for (const [k, v] of Object.entries(s as Schema)) {
      if (!ANNOTATIONS.has(k) && !ASSERTIONS.has(k)) out.add(k);
      if (k === 'properties' || k === 'definitions') for (const sub of Object.values(v as Schema)) walk(sub);
      else if (k === 'items' || k === 'additionalProperties') walk(v);
    }
  };
  walk(schema);
  return [...out];
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, type: string): boolean {
  const t = jsonType(v);
  return t === type || (type === 'number' && t === 'integer');
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** Validates a value; returns every problem found (empty: valid). */
export function validateJson(root: Schema, value: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const resolve = (ref: string): Schema => {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    const target = m ? (root.definitions as Record<string, Schema> | undefined)?.[m[1]!] : undefined;
    if (!target) throw new Error(`The schema's $ref '${ref}' does not resolve.`);
    return target;
  };

  const check = (schema: Schema, v: unknown, pointer: string): void => {
    if (typeof schema.$ref === 'string') return check(resolve(schema.$ref), v, pointer);
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => typeMatches(v, t))) {
        problems.push({ pointer, message: `must be ${types.map(article).join(' or ')}, not ${article(jsonType(v))}.` });
        return;
      }
    }
    if (schema.enum !== undefined && !(schema.enum as unknown[]).some((e) => e === v)) {
      problems.push({ pointer, message: `must be one of ${(schema.enum as unknown[]).map((e) => JSON.stringify(e)).join(', ')}; it is ${JSON.stringify(v)}.` });
    }
    if (schema.const !== undefined && schema.const !== v) problems.push({ pointer, message: `must be ${JSON.stringify(schema.const)}.` });
    if (typeof v === 'string') {
      if (typeof schema.minLength === 'number' && v.length < schema.minLength) {
        problems.push({ pointer, message: schema.minLength === 1 ? 'must not be empty.' : `must have at least ${schema.minLength} characters.` });
      }
      if (typeof schema.maxLength === 'number' && v.length > schema.maxLength) problems.push({ pointer, message: `must have at most ${schema.maxLength} characters (it has ${v.length}).` });
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(v)) {
        problems.push({ pointer, message: `${JSON.stringify(v)} does not match the pattern ${schema.pattern}.` });
      }
    }
    if (typeof v === 'number') {
      if (typeof schema.minimum === 'number' && v < schema.minimum) problems.push({ pointer, message: `must be at least ${schema.minimum}.` });
      if (typeof schema.maximum === 'number' && v > schema.maximum) problems.push({ pointer, message: `must be at most ${schema.maximum}.` });
    }
    if (Array.isArray(v)) {
      if (typeof schema.minItems === 'number' && v.length < schema.minItems) {
        problems.push({ pointer, message: schema.minItems === 1 ? 'must have at least one element.' : `must have at least ${schema.minItems} elements.` });
      }
      if (typeof schema.maxItems === 'number' && v.length > schema.maxItems) problems.push({ pointer, message: `must have at most ${schema.maxItems} elements.` });
      if (schema.items && typeof schema.items === 'object') v.forEach((e, i) => check(schema.items as Schema, e, `${pointer}/${i}`));
    }
    if (jsonType(v) === 'object') {
      const obj = v as Record<string, unknown>;
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      for (const name of (schema.required ?? []) as string[]) {
        if (!(name in obj)) problems.push({ pointer, message: `must have the property '${name}'.` });
      }
      for (const [name, sub] of Object.entries(obj)) {
        const child = `${pointer}/${pointerToken(name)}`;
        if (props[name]) check(props[name], sub, child);
        else if (schema.additionalProperties === false) {
          const known = Object.keys(props);
          problems.push({ pointer: child, atKey: true, message: `is not a known property${known.length ? ` (known: ${known.join(', ')})` : ''}.` });
        } else if (typeof schema.additionalProperties === 'object') check(schema.additionalProperties as Schema, sub, child);
      }
    }
  };
  check(root, value, '');
  return problems;
}

/** A pointer as an author reads it: `/tasks/0/checks/1/test` → `tasks[0].checks[1].test`. */
export function fieldName(pointer: string): string {
  if (pointer === '') return '(the document)';
  return pointer
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, t) => (/^\d+$/.test(t) ? `${acc}[${t}]` : acc ? `${acc}.${t}` : t), '');
}
