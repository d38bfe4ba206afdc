// What Get-FormatData, Update-FormatData and Export-FormatData share: ExtendedTypeDefinition
// objects (one per type, with its FormatViewDefinitions) and the view elements behind them.

import type { CmdletContext } from '../../protocol/cmdlet.js';
import { PSObject } from '../../protocol/values.js';
import type { XmlElement } from '../../format/ps1xml.js';
import type { FormatDefinition, ScriptCompiler } from '../../format/format-data.js';
import { scriptBlockOf } from './type-data.js';

const ETD = 'System.Management.Automation.ExtendedTypeDefinition';
const VIEWS = new WeakMap<PSObject, XmlElement[]>();

/** The <View> elements an ExtendedTypeDefinition stands for (Export-FormatData). */
export function viewElementsOf(o: unknown): XmlElement[] | undefined {
  return o instanceof PSObject ? VIEWS.get(o) : undefined;
}

function controlName(view: XmlElement): string {
  const c = view.children.find((x) => /Control$/.test(x.name));
  return c ? `System.Management.Automation.${c.name}` : 'System.Management.Automation.PSControl';
}

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
    const o = new PSObject([ETD, 'System.Object']);
    o.addNote('TypeName', typeName);
    o.addNote('TypeNames', [typeName]);
    o.addNote(
      'FormatViewDefinition',
      views.map((v) => {
        const control = new PSObject([controlName(v.element), 'System.Management.Automation.PSControl', 'System.Object']);
        const def = new PSObject(['System.Management.Automation.FormatViewDefinition', 'System.Object']);
        def.addNote('Name', v.name);
        def.addNote('Control', control);
        return def;
      }),
    );
    VIEWS.set(o, views.map((v) => v.element));
    return o;
  });
}

/** Script blocks of a view as functions of the object (expression-only blocks, as ScriptProperty). */
export function viewCompiler(ctx: CmdletContext): ScriptCompiler {
  return (text) => {
    const fn = ctx.scriptMember?.(scriptBlockOf(text));
    return fn ? (self) => fn(self, []) : undefined;
  };
}
