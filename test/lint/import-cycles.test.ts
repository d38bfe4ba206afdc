// No module of src/engine/ imports itself back through others (issue: evaluate.ts and pipeline.ts
// imported each other). Only imports that load code count: `import type` is erased by TypeScript.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The modules of a folder each file loads at run time (same folder only). */
function valueImports(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const deps: string[] = [];
    for (const m of text.matchAll(/^import\s+(type\s+)?([\s\S]*?)\s+from\s+'\.\/([\w-]+)\.js';/gm)) {
      if (m[1]) continue;
      const names = m[2]!.replace(/^\{|\}$/g, '').split(',').map((n) => n.trim()).filter(Boolean);
      // `import { type A, type B } from` loads nothing either.
      if (names.length > 0 && names.every((n) => n.startsWith('type '))) continue;
      deps.push(`${m[3]}.ts`);
    }
    graph.set(file, deps);
  }
  return graph;
}

/** One cycle as a path `a -> b -> a`, or undefined. */
function findCycle(graph: Map<string, string[]>): string | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (n: string): string | undefined => {
    if (state.get(n) === 'done') return undefined;
    if (state.get(n) === 'open') return [...path.slice(path.indexOf(n)), n].join(' -> ');
    state.set(n, 'open');
    path.push(n);
    for (const d of graph.get(n) ?? []) {
      const c = visit(d);
      if (c) return c;
    }
    path.pop();
    state.set(n, 'done');
    return undefined;
  };
  for (const n of graph.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
}

describe('import cycles', () => {
  it('src/engine/ has none', () => {
    expect(findCycle(valueImports('src/engine'))).toBeUndefined();
  });

  it('the check finds one', () => {
    const g = new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']]]);
    expect(findCycle(g)).toBe('a.ts -> b.ts -> c.ts -> a.ts');
  });
});
