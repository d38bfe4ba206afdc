// The PSReadLine module's cmdlets: Get-PSReadLineKeyHandler, Set-PSReadLineKeyHandler,
// Get-PSReadLineOption and Set-PSReadLineOption. They act on the session's ReadLineSettings: the
// interactive shell's key router reads the same table, and in a script they change only the
// session's settings (PowerShell's own host without PSReadLine behaves the same way).

import { defineCmdlet, type CmdletContext } from '../../protocol/cmdlet.js';
import { CONSOLE_COLORS, type ConsoleColor } from '../../protocol/host.js';
import {
  DEFAULT_COLORS,
  HANDLER_GROUPS,
  normalizeChord,
  READLINE_FUNCTIONS,
  ReadLineKey,
  ReadLineSettings,
  type EditMode,
  type KeyHandlerInfo,
  type PredictionSource,
} from '../../protocol/readline.js';
import { PSObject } from '../../protocol/values.js';
import { registerView } from '../../format/views.js';

export const KEY_HANDLER_TYPE = 'Microsoft.PowerShell.KeyHandler';
const OPTIONS_TYPE = 'Microsoft.PowerShell.PSConsoleReadLineOptions';
const MODULE = 'PSReadLine';

// PSReadLine's format: a table per group, under the group's name underlined with `=`.
registerView({
  typeName: KEY_HANDLER_TYPE,
  shape: 'table',
  table: {
    columns: [
      { label: 'Key', property: 'Key' },
      { label: 'Function', property: 'Function' },
      { label: 'Description', property: 'Description' },
    ],
    groupBy: { label: 'Group', value: (o) => String((o as PSObject).get('Group')), lines: (g) => [g, '='.repeat(g.length)] },
  },
});

/** The session's settings; a session composed without them (tests) gets its own for the call. */
function settingsOf(ctx: CmdletContext): ReadLineSettings {
  return ctx.services.tryGet(ReadLineKey) ?? new ReadLineSettings();
}

function handlerObject(h: KeyHandlerInfo): PSObject {
  const o = PSObject.fromRecord({ Key: h.key, Function: h.function, Description: h.description, Group: h.group }, [KEY_HANDLER_TYPE, 'System.Object']);
  o.addMethod({ name: 'ToString', definition: 'string ToString()', invoke: () => `${h.key} ${h.function}` });
  return o;
}

const FUNCTION_NAMES = Object.keys(READLINE_FUNCTIONS).sort();

export const getPSReadLineKeyHandler = defineCmdlet({
  name: 'Get-PSReadLineKeyHandler',
  module: MODULE,
  synopsis: 'Gets the key bindings for the PSReadLine module.',
  description:
    'The Get-PSReadLineKeyHandler cmdlet lists the keys bound to editor functions in the current edit mode ' +
    '(Windows by default, or Emacs), grouped as PSReadLine groups them. -Unbound lists the functions no key ' +
    'is bound to; -Chord shows what particular keys do.',
  defaultParameterSet: 'FullListing',
  parameters: {
    Bound: { type: 'Switch', sets: { FullListing: {} }, help: 'Includes the functions that are bound (the default).' },
    Unbound: { type: 'Switch', sets: { FullListing: {} }, help: 'Includes the functions that are not bound to any key.' },
    Chord: { type: 'String[]', aliases: ['Key'], sets: { SpecificBindings: { position: 0, mandatory: true } }, help: 'The keys or sequences of keys to look up.' },
  },
  outputType: [KEY_HANDLER_TYPE],
  examples: [
    { code: 'Get-PSReadLineKeyHandler', remarks: 'Lists every key binding, by group.', shows: /Cursor movement functions\n=+[\s\S]*RightArrow\s+ForwardChar/ },
    { code: 'Get-PSReadLineKeyHandler -Chord Ctrl+r, F8', remarks: 'Shows the functions bound to two keys.', shows: /Ctrl\+r\s+ReverseSearchHistory/ },
  ],
  related: ['Set-PSReadLineKeyHandler', 'Set-PSReadLineOption'],
  end(params, ctx) {
    const settings = settingsOf(ctx);
    const handlers = settings.handlers();
    if (params.Chord) {
      for (const raw of params.Chord) {
        const chord = normalizeChord(raw);
        const hit = chord ? handlers.find((h) => h.key === chord) : undefined;
        if (hit) ctx.write(handlerObject(hit));
        else if (chord) ctx.write(handlerObject({ key: chord, function: 'Unbound', description: '', group: 'Miscellaneous functions' }));
        else ctx.writeError(badChord(ctx, raw));
      }
      return;
    }
    const bound = params.Bound === true || params.Unbound !== true;
    if (bound) for (const h of handlers) ctx.write(handlerObject(h));
    if (params.Unbound === true) {
      const used = new Set(handlers.map((h) => h.function));
      const unbound = FUNCTION_NAMES.filter((f) => !used.has(f)).map((f) => ({ key: 'Unbound', function: f, ...READLINE_FUNCTIONS[f]! }));
      unbound.sort((a, b) => HANDLER_GROUPS.indexOf(a.group) - HANDLER_GROUPS.indexOf(b.group) || a.function.localeCompare(b.function));
      for (const h of unbound) ctx.write(handlerObject(h));
    }
  },
});

function badChord(ctx: CmdletContext, chord: string) {
  return ctx.error({
    message: `Unrecognized key '${chord}'. Please use a character literal or a well-known key name from the System.ConsoleKey enumeration.`,
    errorId: 'System.ArgumentException',
    category: 'InvalidArgument',
    exceptionType: 'ArgumentException',
    targetObject: chord,
  });
}

export const setPSReadLineKeyHandler = defineCmdlet({
  name: 'Set-PSReadLineKeyHandler',
  module: MODULE,
  synopsis: 'Binds keys to user-defined or PSReadLine key handler functions.',
  description:
    'The Set-PSReadLineKeyHandler cmdlet binds a key (a chord such as Ctrl+d, Shift+F8 or Alt+.) to one of ' +
    "PSReadLine's named editor functions, in the current edit mode. The interactive shell uses the new binding " +
    'at once. Binding a script block (-ScriptBlock) is not available in emsh.',
  defaultParameterSet: 'Function',
  parameters: {
    Chord: { type: 'String[]', aliases: ['Key'], sets: { Function: { position: 0, mandatory: true } }, help: 'The key or sequence of keys to bind.' },
    Function: { type: 'String', validateSet: FUNCTION_NAMES, sets: { Function: { position: 1, mandatory: true } }, help: 'The name of the editor function to bind.' },
  },
  outputType: [],
  examples: [
    {
      code: 'Set-PSReadLineKeyHandler -Chord UpArrow -Function HistorySearchBackward; Get-PSReadLineKeyHandler -Chord UpArrow',
      remarks: 'Makes Up search history for lines that start with what is typed, as F8 does.',
      shows: /UpArrow\s+HistorySearchBackward/,
    },
  ],
  related: ['Get-PSReadLineKeyHandler', 'Set-PSReadLineOption'],
  process(params, ctx) {
    const settings = settingsOf(ctx);
    // Both are mandatory in the Function set, the only one this emsh cmdlet has.
    const fn = params.Function;
    if (!params.Chord || !fn) return;
    for (const raw of params.Chord) {
      const chord = normalizeChord(raw);
      if (!chord) {
        ctx.writeError(badChord(ctx, raw));
        continue;
      }
      settings.setKeyHandler(chord, fn);
    }
  },
});

const COLOR_TOKENS = Object.keys(DEFAULT_COLORS).filter((k) => k !== 'Default').concat('Default', 'ContinuationPrompt').sort();

/** A colour value: a ConsoleColor name, or a VT sequence for one of the 16 colours (`"$([char]27)[93m"`). */
function consoleColor(value: unknown): ConsoleColor | undefined {
  const text = String(value ?? '');
  const named = CONSOLE_COLORS.find((c) => c.toLowerCase() === text.toLowerCase());
  if (named) return named;
  const m = /^\x1b\[(\d+)m$/.exec(text);
  if (!m) return undefined;
  const code = Number(m[1]);
  const order: ConsoleColor[] = ['Black', 'DarkRed', 'DarkGreen', 'DarkYellow', 'DarkBlue', 'DarkMagenta', 'DarkCyan', 'Gray'];
  const bright: ConsoleColor[] = ['DarkGray', 'Red', 'Green', 'Yellow', 'Blue', 'Magenta', 'Cyan', 'White'];
  if (code >= 30 && code <= 37) return order[code - 30];
  if (code >= 90 && code <= 97) return bright[code - 90];
  return undefined;
}

export const setPSReadLineOption = defineCmdlet({
  name: 'Set-PSReadLineOption',
  module: MODULE,
  synopsis: 'Customizes the behavior of command line editing in PSReadLine.',
  description:
    'The Set-PSReadLineOption cmdlet sets the edit mode (Windows, the default, or Emacs), where inline ' +
    'suggestions come from (History or None) and the colours of the tokens of the command line. A new edit ' +
    "mode replaces the key bindings with that mode's defaults. Vi mode and prediction plug-ins are not " +
    'available in emsh.',
  parameters: {
    EditMode: { type: 'Enum', enum: { typeName: 'Microsoft.PowerShell.EditMode', values: ['Windows', 'Emacs', 'Vi'] }, help: 'The key bindings to use: Windows or Emacs.' },
    PredictionSource: {
      type: 'Enum',
      enum: { typeName: 'Microsoft.PowerShell.PredictionSource', values: ['None', 'History', 'Plugin', 'HistoryAndPlugin'] },
      help: 'Where inline suggestions come from: History, or None to turn them off.',
    },
    Colors: { type: 'Hashtable', help: 'Token colours, e.g. @{ Command = "Green"; String = "Magenta" }.' },
  },
  outputType: [],
  examples: [
    { code: "Set-PSReadLineOption -EditMode Emacs; Get-PSReadLineKeyHandler -Chord Ctrl+a", remarks: 'Switches to Emacs key bindings: Ctrl+a moves to the start of the line.', shows: /Ctrl\+a\s+BeginningOfLine/ },
    { code: "Set-PSReadLineOption -Colors @{ Command = 'Green'; Parameter = 'Gray' }", remarks: 'Shows command names in green and parameters in grey.' },
    { code: 'Set-PSReadLineOption -PredictionSource None', remarks: 'Turns the grey inline suggestions off.' },
  ],
  related: ['Get-PSReadLineOption', 'Set-PSReadLineKeyHandler'],
  process(params, ctx) {
    const settings = settingsOf(ctx);
    const unavailable = (what: string, value: string) =>
      ctx.fail(
        ctx.error({
          message: `${what} '${value}' is not available in emsh; use ${what === 'The edit mode' ? 'Windows or Emacs' : 'History or None'}.`,
          errorId: 'System.ArgumentException',
          category: 'InvalidArgument',
          exceptionType: 'ArgumentException',
          targetObject: value,
        }),
      );
    if (params.EditMode !== undefined) {
      const mode = String(params.EditMode);
      if (mode === 'Vi') unavailable('The edit mode', mode);
      settings.setEditMode(mode as EditMode);
    }
    if (params.PredictionSource !== undefined) {
      const source = String(params.PredictionSource);
      if (source !== 'None' && source !== 'History') unavailable('The prediction source', source);
      settings.setPredictionSource(source as PredictionSource);
    }
    const colors = params.Colors;
    if (colors) {
      for (const key of colors.keys()) {
        const token = COLOR_TOKENS.find((t) => t.toLowerCase() === String(key).toLowerCase());
        if (!token) {
          ctx.writeError(
            ctx.error({
              message: `'${String(key)}' is not a valid color token. Valid tokens are: ${COLOR_TOKENS.join(', ')}.`,
              errorId: 'System.ArgumentException',
              category: 'InvalidArgument',
              exceptionType: 'ArgumentException',
              targetObject: key,
            }),
          );
          continue;
        }
        const color = consoleColor(colors.get(key));
        if (!color) {
          ctx.writeError(
            ctx.error({
              message: `'${String(colors.get(key))}' is not a valid color value. Use a ConsoleColor name (such as Yellow or DarkCyan) or an escape sequence for one.`,
              errorId: 'System.ArgumentException',
              category: 'InvalidArgument',
              exceptionType: 'ArgumentException',
              targetObject: colors.get(key),
            }),
          );
          continue;
        }
        settings.setColor(token, color);
      }
    }
  },
});

export const getPSReadLineOption = defineCmdlet({
  name: 'Get-PSReadLineOption',
  module: MODULE,
  synopsis: 'Gets values for the options that can be configured.',
  description: 'The Get-PSReadLineOption cmdlet gets the edit mode, the prediction source and the token colours in effect.',
  parameters: {},
  outputType: [OPTIONS_TYPE],
  examples: [{ code: 'Get-PSReadLineOption', remarks: 'Shows the options in effect.', shows: /EditMode\s+: Windows/ }],
  related: ['Set-PSReadLineOption'],
  end(_params, ctx) {
    const s = settingsOf(ctx);
    const rec: Record<string, unknown> = { EditMode: s.editMode, PredictionSource: s.predictionSource };
    for (const t of COLOR_TOKENS) if (t !== 'Default' && t !== 'ContinuationPrompt') rec[`${t}Color`] = s.colors[t] ?? '';
    ctx.write(PSObject.fromRecord(rec, [OPTIONS_TYPE, 'System.Object']));
  },
});

export const readLineCmdlets = [getPSReadLineKeyHandler, setPSReadLineKeyHandler, getPSReadLineOption, setPSReadLineOption];
