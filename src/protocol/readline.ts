// The line editor's settings as PSReadLine has them: one key-binding table (chord → named editor
// function) per edit mode, the prediction source and the token colours. The interactive shell's key
// router reads this table; Get-/Set-PSReadLineKeyHandler and Set-PSReadLineOption change it, in
// the UI and, without one, in a script's session alike. Data only: the functions live in src/ui/.

import { serviceKey, type ServiceKey } from './cmdlet.js';

export type EditMode = 'Windows' | 'Emacs';
export type PredictionSource = 'None' | 'History';

/** PSReadLine's groups, in the order Get-PSReadLineKeyHandler lists them. */
export const HANDLER_GROUPS = [
  'Basic editing functions',
  'Cursor movement functions',
  'History functions',
  'Completion functions',
  'Prediction functions',
  'Miscellaneous functions',
  'Selection functions',
  'Search functions',
] as const;
export type HandlerGroup = (typeof HANDLER_GROUPS)[number];

/** The editor functions emsh implements: name → group and one line of description. */
export const READLINE_FUNCTIONS: Record<string, { group: HandlerGroup; description: string }> = {
  Abort: { group: 'Basic editing functions', description: 'Abort the current action, e.g. an incremental history search.' },
  AcceptLine: { group: 'Basic editing functions', description: 'Accept the input, or start a new line when the input is incomplete.' },
  AddLine: { group: 'Basic editing functions', description: 'Start a new line of input without running it.' },
  BackwardDeleteChar: { group: 'Basic editing functions', description: 'Delete the character before the cursor.' },
  BackwardDeleteInput: { group: 'Basic editing functions', description: 'Delete the input from its start up to the cursor.' },
  BackwardKillInput: { group: 'Basic editing functions', description: 'Kill the input from its start up to the cursor.' },
  BackwardKillWord: { group: 'Basic editing functions', description: 'Kill the word before the cursor.' },
  CapitalizeWord: { group: 'Basic editing functions', description: 'Capitalize the next word.' },
  Copy: { group: 'Basic editing functions', description: 'Copy the selection (or the whole input) to the clipboard.' },
  CopyOrCancelLine: { group: 'Basic editing functions', description: 'Copy the selection, or abandon the input when nothing is selected.' },
  Cut: { group: 'Basic editing functions', description: 'Move the selection to the clipboard.' },
  DeleteChar: { group: 'Basic editing functions', description: 'Delete the character under the cursor.' },
  DeleteCharOrExit: { group: 'Basic editing functions', description: 'Delete the character under the cursor, or leave the shell on an empty line.' },
  DowncaseWord: { group: 'Basic editing functions', description: 'Lower-case the next word.' },
  ForwardDeleteInput: { group: 'Basic editing functions', description: 'Delete the input from the cursor to its end.' },
  InsertLineAbove: { group: 'Basic editing functions', description: 'Open a new empty line above the current one.' },
  InsertLineBelow: { group: 'Basic editing functions', description: 'Open a new empty line below the current one.' },
  KillLine: { group: 'Basic editing functions', description: 'Kill from the cursor to the end of the input.' },
  KillWord: { group: 'Basic editing functions', description: 'Kill from the cursor to the end of the word.' },
  Paste: { group: 'Basic editing functions', description: 'Paste the clipboard over the selection or at the cursor.' },
  Redo: { group: 'Basic editing functions', description: 'Redo an undone edit.' },
  RevertLine: { group: 'Basic editing functions', description: 'Clear the input (as Escape does in the console).' },
  SwapCharacters: { group: 'Basic editing functions', description: 'Swap the character before the cursor with the one under it.' },
  Undo: { group: 'Basic editing functions', description: 'Undo the last edit.' },
  UnixWordRubout: { group: 'Basic editing functions', description: 'Kill the blank-delimited word before the cursor.' },
  UpcaseWord: { group: 'Basic editing functions', description: 'Upper-case the next word.' },
  ValidateAndAcceptLine: { group: 'Basic editing functions', description: 'Accept the input if it parses, else keep editing.' },
  Yank: { group: 'Basic editing functions', description: 'Insert the most recently killed text.' },
  YankLastArg: { group: 'Basic editing functions', description: 'Insert the last argument of the previous command; repeat for older ones.' },
  BackwardChar: { group: 'Cursor movement functions', description: 'Move the cursor one character left.' },
  BackwardWord: { group: 'Cursor movement functions', description: 'Move the cursor to the start of the current or previous word.' },
  BeginningOfLine: { group: 'Cursor movement functions', description: 'Move the cursor to the start of the line (of the input when already there).' },
  EndOfLine: { group: 'Cursor movement functions', description: 'Move the cursor to the end of the line, accepting a suggestion there.' },
  ForwardChar: { group: 'Cursor movement functions', description: 'Move the cursor one character right, accepting a suggestion at the end.' },
  ForwardWord: { group: 'Cursor movement functions', description: 'Move the cursor to the end of the current or next word.' },
  GotoBrace: { group: 'Cursor movement functions', description: 'Move the cursor to the matching brace, bracket or parenthesis.' },
  NextWord: { group: 'Cursor movement functions', description: 'Move the cursor to the start of the next word, accepting the next word of a suggestion.' },
  BeginningOfHistory: { group: 'History functions', description: 'Recall the oldest history entry.' },
  EndOfHistory: { group: 'History functions', description: 'Go back to the input being typed.' },
  ForwardSearchHistory: { group: 'History functions', description: 'Search history forward incrementally.' },
  HistorySearchBackward: { group: 'History functions', description: 'Recall the previous entry that starts with the text before the cursor.' },
  HistorySearchForward: { group: 'History functions', description: 'Recall the next entry that starts with the text before the cursor.' },
  NextHistory: { group: 'History functions', description: 'Recall the next history entry.' },
  PreviousHistory: { group: 'History functions', description: 'Recall the previous history entry.' },
  ReverseSearchHistory: { group: 'History functions', description: 'Search history backward incrementally.' },
  Complete: { group: 'Completion functions', description: 'Complete the longest common part; a second press lists the candidates.' },
  MenuComplete: { group: 'Completion functions', description: 'Complete from a menu of candidates; typing filters it.' },
  PossibleCompletions: { group: 'Completion functions', description: 'List the completion candidates.' },
  TabCompleteNext: { group: 'Completion functions', description: 'Complete with the next candidate.' },
  TabCompletePrevious: { group: 'Completion functions', description: 'Complete with the previous candidate.' },
  AcceptSuggestion: { group: 'Prediction functions', description: 'Accept the whole inline suggestion.' },
  AcceptNextSuggestionWord: { group: 'Prediction functions', description: 'Accept the next word of the inline suggestion.' },
  ClearScreen: { group: 'Miscellaneous functions', description: 'Clear the screen; the input stays.' },
  ShowKeyBindings: { group: 'Miscellaneous functions', description: 'Show all key bindings.' },
  ShowLabTasks: { group: 'Miscellaneous functions', description: "Show the tasks of the lab's exercise, done or not (emsh's training labs)." },
  WhatIsKey: { group: 'Miscellaneous functions', description: 'Show what the next key is bound to.' },
  SelectAll: { group: 'Selection functions', description: 'Select the whole input.' },
  SelectBackwardChar: { group: 'Selection functions', description: 'Extend the selection one character left.' },
  SelectBackwardWord: { group: 'Selection functions', description: 'Extend the selection to the start of the previous word.' },
  SelectBackwardsLine: { group: 'Selection functions', description: 'Extend the selection to the start of the line.' },
  SelectForwardChar: { group: 'Selection functions', description: 'Extend the selection one character right.' },
  SelectForwardWord: { group: 'Selection functions', description: 'Extend the selection to the end of the next word.' },
  SelectLine: { group: 'Selection functions', description: 'Extend the selection to the end of the line.' },
  SelectNextWord: { group: 'Selection functions', description: 'Extend the selection to the start of the next word.' },
  CharacterSearch: { group: 'Search functions', description: 'Move the cursor to the next occurrence of the character typed next.' },
  CharacterSearchBackward: { group: 'Search functions', description: 'Move the cursor to the previous occurrence of the character typed next.' },
};

// PSReadLine's default tables (KeyBindings.cs), less what a terminal emulator cannot do here
// (ScrollDisplay*, which scroll the console buffer; DigitArgument; help and tooltip windows;
// ViEditVisually). Chords are written as Get-PSReadLineKeyHandler shows them.
const WINDOWS: [string, string][] = [
  ['Enter', 'AcceptLine'], ['Shift+Enter', 'AddLine'], ['Ctrl+Enter', 'InsertLineAbove'], ['Ctrl+Shift+Enter', 'InsertLineBelow'],
  ['Escape', 'RevertLine'], ['LeftArrow', 'BackwardChar'], ['RightArrow', 'ForwardChar'],
  ['Ctrl+LeftArrow', 'BackwardWord'], ['Ctrl+RightArrow', 'NextWord'],
  ['Shift+LeftArrow', 'SelectBackwardChar'], ['Shift+RightArrow', 'SelectForwardChar'],
  ['Ctrl+Shift+LeftArrow', 'SelectBackwardWord'], ['Ctrl+Shift+RightArrow', 'SelectNextWord'],
  ['UpArrow', 'PreviousHistory'], ['DownArrow', 'NextHistory'], ['Home', 'BeginningOfLine'], ['End', 'EndOfLine'],
  ['Shift+Home', 'SelectBackwardsLine'], ['Shift+End', 'SelectLine'], ['Delete', 'DeleteChar'], ['Backspace', 'BackwardDeleteChar'],
  ['Tab', 'TabCompleteNext'], ['Shift+Tab', 'TabCompletePrevious'], ['Ctrl+a', 'SelectAll'], ['Ctrl+c', 'CopyOrCancelLine'],
  ['Ctrl+C', 'Copy'], ['Ctrl+l', 'ClearScreen'], ['Ctrl+r', 'ReverseSearchHistory'], ['Ctrl+s', 'ForwardSearchHistory'],
  ['Ctrl+v', 'Paste'], ['Shift+Insert', 'Paste'], ['Ctrl+x', 'Cut'], ['Shift+Delete', 'Cut'], ['Ctrl+y', 'Redo'], ['Ctrl+z', 'Undo'],
  ['Ctrl+Backspace', 'BackwardKillWord'], ['Ctrl+Home', 'BackwardDeleteInput'], ['Ctrl+End', 'ForwardDeleteInput'],
  ['Ctrl+]', 'GotoBrace'], ['Ctrl+Alt+?', 'ShowKeyBindings'], ['Alt+.', 'YankLastArg'], ['Alt+?', 'WhatIsKey'],
  ['F3', 'CharacterSearch'], ['Shift+F3', 'CharacterSearchBackward'], ['F8', 'HistorySearchBackward'], ['Shift+F8', 'HistorySearchForward'],
  ['Alt+d', 'KillWord'], ['Ctrl+Delete', 'KillWord'], ['Ctrl+Spacebar', 'MenuComplete'], ['Ctrl+w', 'BackwardKillWord'],
  ['Ctrl+h', 'BackwardDeleteChar'],
  // emsh: F1 (PSReadLine's command help, which has no window here) shows the exercise's tasks.
  ['F1', 'ShowLabTasks'],
];

const EMACS: [string, string][] = [
  ['Backspace', 'BackwardDeleteChar'], ['Enter', 'AcceptLine'], ['Shift+Enter', 'AddLine'],
  ['LeftArrow', 'BackwardChar'], ['RightArrow', 'ForwardChar'], ['Shift+LeftArrow', 'SelectBackwardChar'], ['Shift+RightArrow', 'SelectForwardChar'],
  ['UpArrow', 'PreviousHistory'], ['DownArrow', 'NextHistory'], ['Alt+<', 'BeginningOfHistory'], ['Alt+>', 'EndOfHistory'],
  ['Home', 'BeginningOfLine'], ['End', 'EndOfLine'], ['Shift+Home', 'SelectBackwardsLine'], ['Shift+End', 'SelectLine'],
  ['Escape', 'RevertLine'], ['Delete', 'DeleteChar'], ['Tab', 'Complete'],
  ['Ctrl+a', 'BeginningOfLine'], ['Ctrl+b', 'BackwardChar'], ['Ctrl+c', 'CopyOrCancelLine'], ['Ctrl+d', 'DeleteCharOrExit'],
  ['Ctrl+e', 'EndOfLine'], ['Ctrl+f', 'ForwardChar'], ['Ctrl+g', 'Abort'], ['Ctrl+l', 'ClearScreen'], ['Ctrl+k', 'KillLine'],
  ['Ctrl+n', 'NextHistory'], ['Ctrl+p', 'PreviousHistory'], ['Ctrl+r', 'ReverseSearchHistory'], ['Ctrl+s', 'ForwardSearchHistory'],
  ['Ctrl+t', 'SwapCharacters'], ['Ctrl+u', 'BackwardKillInput'], ['Ctrl+w', 'UnixWordRubout'], ['Ctrl+y', 'Yank'],
  ['Ctrl+Backspace', 'BackwardDeleteChar'], ['Ctrl+_', 'Undo'], ['Ctrl+]', 'CharacterSearch'], ['Ctrl+Alt+]', 'CharacterSearchBackward'],
  ['Alt+b', 'BackwardWord'], ['Alt+B', 'SelectBackwardWord'], ['Alt+d', 'KillWord'], ['Alt+f', 'ForwardWord'], ['Alt+F', 'SelectForwardWord'],
  ['Alt+r', 'RevertLine'], ['Alt+Backspace', 'BackwardKillWord'], ['Alt+=', 'PossibleCompletions'], ['Ctrl+Alt+?', 'ShowKeyBindings'],
  ['Alt+?', 'WhatIsKey'], ['Alt+.', 'YankLastArg'], ['Alt+_', 'YankLastArg'], ['Alt+u', 'UpcaseWord'], ['Alt+l', 'DowncaseWord'],
  ['Alt+c', 'CapitalizeWord'], ['Ctrl+h', 'BackwardDeleteChar'], ['Ctrl+Spacebar', 'MenuComplete'], ['F1', 'ShowLabTasks'],
];

export const DEFAULT_BINDINGS: Record<EditMode, readonly (readonly [string, string])[]> = { Windows: WINDOWS, Emacs: EMACS };

const KEY_NAMES: Record<string, string> = {
  enter: 'Enter', escape: 'Escape', esc: 'Escape', tab: 'Tab', backspace: 'Backspace', delete: 'Delete', del: 'Delete', insert: 'Insert',
  home: 'Home', end: 'End', pageup: 'PageUp', pagedown: 'PageDown', spacebar: 'Spacebar', space: 'Spacebar',
  leftarrow: 'LeftArrow', rightarrow: 'RightArrow', uparrow: 'UpArrow', downarrow: 'DownArrow',
  left: 'LeftArrow', right: 'RightArrow', up: 'UpArrow', down: 'DownArrow',
};

/**
 * The canonical spelling of a chord (`ctrl+shift+leftarrow` → `Ctrl+Shift+LeftArrow`), or undefined
 * when it is not one. Modifiers are case-insensitive; a letter keeps its case (`Ctrl+C` is
 * Ctrl+Shift+c, as in PSReadLine).
 */
export function normalizeChord(chord: string): string | undefined {
  const parts = chord.trim().split(/\+(?=.)/);
  const key = parts.pop();
  if (!key) return undefined;
  let ctrl = false;
  let alt = false;
  let shift = false;
  for (const m of parts) {
    const l = m.toLowerCase();
    if (l === 'ctrl' || l === 'control') ctrl = true;
    else if (l === 'alt') alt = true;
    else if (l === 'shift') shift = true;
    else return undefined;
  }
  let name: string;
  if (key.length === 1) {
    name = key;
    if (shift && /[a-z]/.test(name)) {
      name = name.toUpperCase();
      shift = false;
    }
  } else if (/^f([1-9]|1[0-9]|2[0-4])$/i.test(key)) name = key.toUpperCase();
  else {
    const n = KEY_NAMES[key.toLowerCase()];
    if (!n) return undefined;
    name = n;
  }
  return `${ctrl ? 'Ctrl+' : ''}${alt ? 'Alt+' : ''}${shift ? 'Shift+' : ''}${name}`;
}

export interface KeyHandlerInfo {
  key: string;
  function: string;
  description: string;
  group: HandlerGroup;
}

/** The tokens Set-PSReadLineOption -Colors names, with PSReadLine's console colours as defaults. */
export const DEFAULT_COLORS: Record<string, string> = {
  Command: 'Yellow', Parameter: 'DarkGray', String: 'DarkCyan', Variable: 'Green', Keyword: 'Green', Number: 'White',
  Comment: 'DarkGreen', Operator: 'DarkGray', Type: 'Gray', Member: 'White', Default: '', Error: 'Red',
  Selection: 'Inverse', InlinePrediction: 'DarkGray', Emphasis: 'Cyan',
};

/** One session's editor settings (the PSReadLine options a UI reads and the cmdlets change). */
export class ReadLineSettings {
  editMode: EditMode = 'Windows';
  predictionSource: PredictionSource = 'History';
  readonly colors: Record<string, string> = { ...DEFAULT_COLORS };
  private bindings = new Map<string, string>();
  private listeners = new Set<() => void>();
  /** Bumped on every change, so a UI can tell its cached view is stale. */
  version = 0;

  constructor() {
    this.reset();
  }

  private reset(): void {
    this.bindings = new Map(DEFAULT_BINDINGS[this.editMode].map(([k, f]) => [normalizeChord(k)!, f]));
  }

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setEditMode(mode: EditMode): void {
    this.editMode = mode;
    this.reset();
    this.changed();
  }

  setPredictionSource(source: PredictionSource): void {
    this.predictionSource = source;
    this.changed();
  }

  setColor(token: string, color: string): void {
    this.colors[token] = color;
    this.changed();
  }

  /** Binds a chord (already normalized) to a function of READLINE_FUNCTIONS. */
  setKeyHandler(chord: string, fn: string): void {
    this.bindings.set(chord, fn);
    this.changed();
  }

  removeKeyHandler(chord: string): void {
    this.bindings.delete(chord);
    this.changed();
  }

  /** The function bound to a chord (canonical spelling), if any. */
  functionFor(chord: string): string | undefined {
    return this.bindings.get(chord);
  }

  /** Every binding, grouped and ordered as Get-PSReadLineKeyHandler lists them. */
  handlers(): KeyHandlerInfo[] {
    const rows = [...this.bindings].map(([key, fn]) => {
      const meta = READLINE_FUNCTIONS[fn] ?? { group: 'Miscellaneous functions' as HandlerGroup, description: '' };
      return { key, function: fn, description: meta.description, group: meta.group };
    });
    const order = (g: HandlerGroup) => HANDLER_GROUPS.indexOf(g);
    return rows.sort((a, b) => order(a.group) - order(b.group) || a.function.localeCompare(b.function) || a.key.localeCompare(b.key));
  }
}

/**
 * The key bindings of both edit modes as a Markdown table (function, Windows keys, Emacs keys),
 * by group: README's list is generated from this, so it cannot drift from the table.
 */
export function keyBindingsMarkdown(): string {
  const keysOf = (mode: EditMode, fn: string) =>
    DEFAULT_BINDINGS[mode]
      .filter(([, f]) => f === fn)
      .map(([k]) => '`' + k + '`')
      .join(', ');
  const lines = ['| Function | Windows (default) | Emacs | What it does |', '| --- | --- | --- | --- |'];
  for (const group of HANDLER_GROUPS) {
    const fns = Object.keys(READLINE_FUNCTIONS)
      .filter((f) => READLINE_FUNCTIONS[f]!.group === group)
      .sort();
    for (const fn of fns) {
      const w = keysOf('Windows', fn);
      const e = keysOf('Emacs', fn);
      if (!w && !e) continue;
      lines.push(`| ${fn} | ${w} | ${e} | ${READLINE_FUNCTIONS[fn]!.description.replace(/\|/g, '\\|')} |`);
    }
  }
  return lines.join('\n') + '\n';
}

export const ReadLineKey: ServiceKey<ReadLineSettings> = serviceKey<ReadLineSettings>('readline');
