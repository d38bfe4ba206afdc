// What Get-FormatData, Update-FormatData and Export-FormatData share: ExtendedTypeDefinition
// objects (one per type, with its FormatViewDefinitions) and the view elements behind them.

import type { CmdletContext } from '../../protocol/cmdlet.js';
import type { PSObject } from '../../protocol/values.js';
import { controlObject, extendedTypeDefinition, formatViewDefinition } from '../../protocol/format-controls.js';
import type { FormatDefinition, ScriptCompiler } from '../../format/format-data.js';
import { scriptBlockOf } from './type-data.js';

/** One ExtendedTypeDefinition per type name, with the views of that type in order. */
export function typeDefinitions(defs: FormatDefinition[]): PSObject[] {
  const byType = new Map<string, { typeName: string; views: FormatDefinition[] }>();
  for (const d of defs) {
    for (const t of d.typeNames) {
      const key = t.toLowerCase();
      const entry = byType.get(key) ?? { typeName: t, views: [] };
      entry.views.push(d);
      byType.set(key, entry);
    }
  }
  return [...byType.values()].map(({ typeName, views }) => {
    const definitions = views.map((v) => {
      const control = v.element.children.find((x) => /Control$/.test(x.name)) ?? { name: 'PSControl', children: [], text: '' };
      return formatViewDefinition(v.name, controlObject(control));
    });
    return extendedTypeDefinition(typeName, { definitions, elements: views.map((v) => v.element) });
  });
}

/** Script blocks of a view as functions of the object (expression-only blocks, as ScriptProperty). */
export function viewCompiler(ctx: CmdletContext): ScriptCompiler {
  return (text) => {
    const fn = ctx.scriptMember?.(scriptBlockOf(text));
    return fn ? (self) => fn(self, []) : undefined;
  };
}
