// The key router: every key of the interactive shell goes through here. It looks the chord up in
// the session's key-binding table (ReadLineSettings) and runs the named function — a pure editor
// function from editor-state.ts, or one that needs history, completion, the clipboard or the
// session (below). Modes (incremental search, the completion menu, a question from the host, a
// running command) see keys first. Outside React: the App subscribes and renders what it holds.

import { parseScript } from '../../grammar/index.js';
import { READLINE_FUNCTIONS, type ReadLineSettings } from '../protocol/readline.js';
import { EDITOR_FUNCTIONS, editorReducer, emptyEditor, nextWordStart, selection, type EditorAction, type EditorState } from './editor-state.js';
import type { History } from './history.js';
import { complete, type Candidate, type Completion, type CompletionSource } from './completion.js';
import { createKeyDecoder, type KeyEvent } from './keys.js';
import type { UiStore } from './ui-store.js';
import type { LabWatch } from './lab-watch.js';

/** What the router needs from the session. */
export interface ShellSession {
  execute(text: string, opts?: { history?: boolean }): Promise<{ ok: boolean; exitCode?: number }>;
  stop(): void;
  promptText(): string;
  readonly services: { readonly machine: string };
  /** Whether a line carries a secret, judged on the parsed command (keeps it out of the history file). */
  hasSecret?(text: string): boolean;
}

export type Mode =
  | { kind: 'edit' }
  | { kind: 'search'; query: string; index: number; failed: boolean; forward: boolean }
  | { kind: 'menu'; completion: Completion; items: Candidate[]; index: number; base: EditorState; filter: string }
  | { kind: 'character'; backward: boolean }
  | { kind: 'whatIsKey' };

interface CycleState {
  completion: Completion;
  index: number;
  /** Text and cursor before the first Tab, to compute each replacement from. */
  base: EditorState;
}

export interface RouterDeps {
  store: UiStore;
  session: ShellSession;
  history: History;
  completion: CompletionSource;
  settings: ReadLineSettings;
  onExit: (code: number) => void;
  /** The machine the shell is on now (for the status line), read after each command. */
  machine?: () => string;
  /** Training labs: the exercise's checks after each command, the progress bar, F1's task list. */
  lab?: LabWatch;
}

/** True when Enter should continue the input on a new line (`>> `). */
export function isIncomplete(text: string): boolean {
  const { errors } = parseScript(text);
  return errors.length > 0 && errors[0]!.incomplete;
}

export function safePrompt(session: ShellSession): string {
  try {
    return session.promptText();
  } catch {
    return 'PS>'; // PowerShell's fallback when the prompt function fails
  }
}

/** The last argument of a command line (Alt+.): its last token, quotes and all. */
export function lastArgument(line: string): string | undefined {
  const words = line.trim().match(/"(?:[^"`]|`.)*"|'(?:[^']|'')*'|[^\s]+/g);
  return words && words.length > 1 ? words[words.length - 1] : undefined;
}

/** Inputs longer than this get no inline suggestion (see suggestion()). */
const MAX_SUGGEST_INPUT = 1000;

export class KeyRouter {
  editor: EditorState = emptyEditor;
  mode: Mode = { kind: 'edit' };
  /** The answer being typed to a question of the host (Read-Host, a mandatory parameter). */
  field: EditorState = emptyEditor;
  /** Lines shown under the input until the next key (WhatIsKey, Complete's candidates). */
  message: string[] = [];
  private historyIndex = -1;
  private draft = '';
  private cycle?: CycleState;
  private clipboard = '';
  private killRing: string[] = [];
  private lastArg?: { index: number; start: number; end: number };
  /** Keys typed while a command runs, replayed at the next prompt (typeahead). */
  private queue: KeyEvent[] = [];
  private readonly decoder = createKeyDecoder();
  private listeners = new Set<() => void>();
  version = 0;

  constructor(private readonly deps: RouterDeps) {}

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getVersion = (): number => this.version;

  private changed(): void {
    this.version++;
    for (const fn of this.listeners) fn();
  }

  private edit(a: EditorAction): void {
    this.editor = editorReducer(this.editor, a);
  }

  private setText(text: string, cursor?: number): void {
    this.edit({ type: 'set', text, cursor });
  }

  /** Raw terminal input: decoded, then each key routed in order. */
  push(data: string): void {
    let events: KeyEvent[];
    try {
      events = this.decoder.push(data);
    } catch (e) {
      this.fail(e);
      return;
    }
    for (const ev of events) {
      try {
        this.route(ev);
      } catch (e) {
        // A bug in a key handler must not leave a dead prompt.
        this.fail(e);
        this.mode = { kind: 'edit' };
      }
    }
    this.changed();
  }

  private fail(e: unknown): void {
    this.deps.store.write(`emsh: ${e instanceof Error ? e.message : String(e)}\n`, 'error');
  }

  route(ev: KeyEvent): void {
    const state = this.deps.store.getState();
    if (state.request) return this.fieldKey(ev);
    if (state.running) {
      if (ev.kind === 'key' && this.deps.settings.functionFor(ev.chord) === 'CopyOrCancelLine') {
        this.queue = [];
        this.deps.session.stop();
      } else if (this.queue.length < 10_000) this.queue.push(ev);
      return;
    }
    this.message = [];
    const m = this.mode;
    if (m.kind === 'search') return this.searchKey(ev, m);
    if (m.kind === 'menu') return this.menuKey(ev, m);
    if (m.kind === 'character') {
      this.mode = { kind: 'edit' };
      if (ev.kind === 'text') this.characterSearch(ev.text, m.backward);
      return;
    }
    if (m.kind === 'whatIsKey') {
      this.mode = { kind: 'edit' };
      const name = ev.kind === 'key' ? ev.chord : ev.text;
      const fn = ev.kind === 'key' ? this.deps.settings.functionFor(ev.chord) : 'SelfInsert';
      this.message = [fn ? `${name}: ${fn} - ${READLINE_FUNCTIONS[fn]?.description ?? 'Insert the key typed.'}` : `${name}: Key is unbound`];
      return;
    }
    this.editKey(ev);
  }

  private editKey(ev: KeyEvent): void {
    if (ev.kind === 'text') {
      this.cycle = undefined;
      this.lastArg = undefined;
      this.edit({ type: 'insert', text: ev.text });
      return;
    }
    const fn = this.deps.settings.functionFor(ev.chord);
    if (!fn) return; // an unbound key does nothing (never types its escape sequence)
    this.run(fn);
  }

  /** Runs a named editor function (as a key bound to it would). */
  run(fn: string): void {
    if (fn !== 'TabCompleteNext' && fn !== 'TabCompletePrevious') this.cycle = undefined;
    if (fn !== 'YankLastArg') this.lastArg = undefined;
    const special = this.functions[fn];
    if (special) return special();
    const pure = EDITOR_FUNCTIONS[fn];
    if (pure) this.editor = pure(this.editor);
  }

  private suggestion(): string | undefined {
    const { text, cursor } = this.editor;
    if (cursor !== text.length || this.mode.kind !== 'edit' || this.deps.settings.predictionSource === 'None') return undefined;
    // A pasted request or script is no history entry's start, and scanning history with it costs
    // milliseconds per key: long inputs get no suggestion.
    if (text.length > MAX_SUGGEST_INPUT) return undefined;
    try {
      // Suggestions for one-line input only: a multi-line guess would jump around the screen.
      return text.includes('\n') ? undefined : this.deps.history.suggest(text);
    } catch {
      return undefined;
    }
  }

  /** The prompt: the session's, with `>>` per nested prompt level as the console shows it. */
  prompt(): string {
    return safePrompt(this.deps.session) + '>>'.repeat(this.deps.store.getState().nested.length);
  }

  /** The grey inline suggestion shown after the cursor, if any. */
  currentSuggestion(): string | undefined {
    return this.suggestion();
  }

  private readonly functions: Record<string, () => void> = {
    AcceptLine: () => this.acceptLine(),
    ValidateAndAcceptLine: () => {
      const { text } = this.editor;
      if (text.trim() !== '' && parseScript(text).errors.length > 0 && !isIncomplete(text)) {
        this.message = [parseScript(text).errors[0]!.message];
        return;
      }
      this.acceptLine();
    },
    AddLine: () => this.edit({ type: 'insert', text: '\n' }),
    ForwardChar: () => {
      const s = this.suggestion();
      if (s) this.setText(this.editor.text + s);
      else this.editor = EDITOR_FUNCTIONS.ForwardChar!(this.editor);
    },
    EndOfLine: () => {
      const s = this.suggestion();
      if (s) this.setText(this.editor.text + s);
      else this.editor = EDITOR_FUNCTIONS.EndOfLine!(this.editor);
    },
    AcceptSuggestion: () => {
      const s = this.suggestion();
      if (s) this.setText(this.editor.text + s);
    },
    NextWord: () => this.acceptWordOr(() => (this.editor = EDITOR_FUNCTIONS.NextWord!(this.editor))),
    ForwardWord: () => this.acceptWordOr(() => (this.editor = EDITOR_FUNCTIONS.ForwardWord!(this.editor))),
    AcceptNextSuggestionWord: () => this.acceptWordOr(() => undefined),
    PreviousHistory: () => {
      const { text, cursor } = this.editor;
      // Inside a multi-line input, Up/Down move between its lines first.
      if (this.historyIndex === -1 && text.lastIndexOf('\n', cursor - 1) >= 0) this.edit({ type: 'lineUp' });
      else this.recall(1);
    },
    NextHistory: () => {
      const { text, cursor } = this.editor;
      if (this.historyIndex === -1 && text.indexOf('\n', cursor) >= 0) this.edit({ type: 'lineDown' });
      else this.recall(-1);
    },
    BeginningOfHistory: () => this.recallAt(this.deps.history.recallList().length - 1),
    EndOfHistory: () => this.recallAt(-1),
    HistorySearchBackward: () => this.prefixSearch(true),
    HistorySearchForward: () => this.prefixSearch(false),
    ReverseSearchHistory: () => this.startSearch(false),
    ForwardSearchHistory: () => this.startSearch(true),
    RevertLine: () => {
      this.editor = EDITOR_FUNCTIONS.RevertLine!(this.editor);
      this.historyIndex = -1;
    },
    Abort: () => undefined,
    ClearScreen: () => this.deps.store.clear(),
    CopyOrCancelLine: () => {
      const sel = selection(this.editor);
      if (sel) {
        this.clipboard = this.editor.text.slice(sel[0], sel[1]);
        this.editor = { ...this.editor, anchor: undefined };
        return;
      }
      // PSReadLine's CopyOrCancelLine: the line is abandoned, shown with ^C.
      const { text } = this.editor;
      if (text !== '') {
        this.deps.store.write(`${safePrompt(this.deps.session)} ${text.split('\n').join('\n>> ')}^C\n`, 'output');
        this.setText('');
      }
      this.historyIndex = -1;
    },
    Copy: () => {
      const sel = selection(this.editor);
      this.clipboard = sel ? this.editor.text.slice(sel[0], sel[1]) : this.editor.text;
    },
    Cut: () => {
      const sel = selection(this.editor);
      if (!sel) return;
      this.clipboard = this.editor.text.slice(sel[0], sel[1]);
      this.editor = EDITOR_FUNCTIONS.DeleteChar!(this.editor);
    },
    Paste: () => {
      if (this.clipboard) this.edit({ type: 'insert', text: this.clipboard });
    },
    KillLine: () => this.kill('KillLine'),
    KillWord: () => this.kill('KillWord'),
    BackwardKillWord: () => this.kill('BackwardKillWord'),
    BackwardKillInput: () => this.kill('BackwardKillInput'),
    UnixWordRubout: () => this.kill('UnixWordRubout'),
    Yank: () => {
      const t = this.killRing[this.killRing.length - 1];
      if (t) this.edit({ type: 'insert', text: t });
    },
    YankLastArg: () => this.yankLastArg(),
    DeleteCharOrExit: () => {
      if (this.editor.text === '') {
        this.deps.onExit(0);
        return;
      }
      this.editor = EDITOR_FUNCTIONS.DeleteChar!(this.editor);
    },
    TabCompleteNext: () => this.tabComplete(1),
    TabCompletePrevious: () => this.tabComplete(-1),
    Complete: () => this.bashComplete(),
    PossibleCompletions: () => this.listCompletions(),
    MenuComplete: () => this.menuComplete(),
    ShowKeyBindings: () => this.showKeyBindings(),
    ShowLabTasks: () => {
      this.message = this.deps.lab?.taskLines() ?? ['This shell has no training labs.'];
    },
    WhatIsKey: () => {
      this.mode = { kind: 'whatIsKey' };
      this.message = ['what-is-key: '];
    },
    CharacterSearch: () => {
      this.mode = { kind: 'character', backward: false };
    },
    CharacterSearchBackward: () => {
      this.mode = { kind: 'character', backward: true };
    },
  };

  private acceptWordOr(otherwise: () => void): void {
    const s = this.suggestion();
    if (!s) return otherwise();
    // The suggestion's next word (and the blanks before the one after it).
    const end = nextWordStart(s, 0) || s.length;
    this.setText(this.editor.text + s.slice(0, end));
  }

  private kill(fn: string): void {
    const before = this.editor;
    this.editor = EDITOR_FUNCTIONS[fn]!(this.editor);
    if (this.editor.text !== before.text) {
      const start = Math.min(this.editor.cursor, before.cursor);
      const killed = before.text.slice(start, start + (before.text.length - this.editor.text.length));
      this.killRing.push(killed);
      if (this.killRing.length > 10) this.killRing.shift();
    }
  }

  private yankLastArg(): void {
    const list = this.deps.history.recallList();
    let index = this.lastArg ? this.lastArg.index + 1 : 0;
    for (; index < list.length; index++) {
      const arg = lastArgument(list[index]!);
      if (!arg) continue;
      const base = this.lastArg ? editorReducer(this.editor, { type: 'replaceRange', start: this.lastArg.start, end: this.lastArg.end, text: '' }) : this.editor;
      const start = base.cursor;
      this.editor = editorReducer(base, { type: 'insert', text: arg });
      this.lastArg = { index, start, end: start + arg.length };
      return;
    }
  }

  private characterSearch(ch: string, backward: boolean): void {
    const { text, cursor } = this.editor;
    const at = backward ? text.lastIndexOf(ch, cursor - 1) : text.indexOf(ch, cursor + 1);
    if (at >= 0) this.editor = { ...this.editor, cursor: at, anchor: undefined };
  }

  private acceptLine(): void {
    const { text } = this.editor;
    if (text.trim() !== '' && isIncomplete(text)) {
      this.edit({ type: 'insert', text: '\n' });
      return;
    }
    void this.submit(text);
  }

  /** Echoes the input into scrollback as typed (one logical line per input line) and runs it. */
  async submit(text: string): Promise<void> {
    const { store, session, history } = this.deps;
    this.historyIndex = -1;
    this.draft = '';
    this.cycle = undefined;
    this.editor = emptyEditor;
    const lines = text.split('\n');
    store.write(lines.map((t, i) => (i === 0 ? `${this.prompt()} ${t}` : `>> ${t}`)).join('\n') + '\n', 'output');
    this.changed();
    if (text.trim() === '') return;
    history.add(text);
    // `exit` at a nested prompt returns to the suspended command; the shell stays.
    const nested = store.getState().nested.length > 0;
    if (nested && /^\s*exit\s*$/i.test(text)) {
      store.exitNested();
      this.changed();
      return;
    }
    store.setRunning(true);
    try {
      // The exercise's background checks share the lab with commands: they stop first.
      await this.deps.lab?.settle();
      const r = await session.execute(text, { history: true });
      store.setMachine(this.deps.machine?.() ?? session.services.machine);
      if (r.exitCode !== undefined && !nested) {
        store.setRunning(false);
        this.queue = [];
        this.deps.onExit(r.exitCode);
        return;
      }
    } catch (e) {
      // The engine turns bugs into error records; this is the last net.
      this.fail(e);
    }
    store.setRunning(false);
    this.deps.lab?.afterCommand();
    this.drain();
    this.changed();
  }

  /** Replays typed-ahead keys once the prompt is back (stops if one of them starts a command). */
  private drain(): void {
    while (this.queue.length && !this.deps.store.getState().running) {
      try {
        this.route(this.queue.shift()!);
      } catch (e) {
        this.fail(e);
      }
    }
  }

  private recall(dir: 1 | -1): void {
    const list = this.deps.history.recallList();
    this.recallAt(Math.max(-1, Math.min(list.length - 1, this.historyIndex + dir)));
  }

  private recallAt(next: number): void {
    const list = this.deps.history.recallList();
    if (this.historyIndex === -1) this.draft = this.editor.text;
    if (next === this.historyIndex || next < -1 || next >= list.length) return;
    this.historyIndex = next;
    this.setText(next === -1 ? this.draft : list[next]!);
  }

  private prefixSearch(backward: boolean): void {
    const { text, cursor } = this.editor;
    const prefix = text.slice(0, cursor);
    const { history } = this.deps;
    const hit = backward ? history.prefixSearch(prefix, this.historyIndex) : history.prefixSearchForward(prefix, this.historyIndex);
    if (!hit) return;
    if (this.historyIndex === -1) this.draft = text;
    this.historyIndex = hit.index;
    this.setText(hit.text, prefix.length);
  }

  private startSearch(forward: boolean): void {
    if (this.historyIndex === -1) this.draft = this.editor.text;
    this.mode = { kind: 'search', query: '', index: forward ? this.deps.history.recallList().length : -1, failed: false, forward };
  }

  /** The next entry containing the query, older (backward) or newer (forward) than `from`. */
  private find(query: string, from: number, forward: boolean): { index: number; text: string } | undefined {
    if (!forward) return this.deps.history.search(query, from);
    if (query === '') return undefined;
    const list = this.deps.history.recallList();
    const q = query.toLowerCase();
    for (let i = Math.min(from, list.length) - 1; i >= 0; i--) if (list[i]!.toLowerCase().includes(q)) return { index: i, text: list[i]! };
    return undefined;
  }

  private searchKey(ev: KeyEvent, m: Extract<Mode, { kind: 'search' }>): void {
    const show = (query: string, from: number, forward: boolean) => {
      const hit = this.find(query, from, forward);
      if (hit) {
        this.setText(hit.text, Math.max(0, hit.text.toLowerCase().indexOf(query.toLowerCase())));
        this.historyIndex = hit.index;
      }
      this.mode = { kind: 'search', query, index: hit?.index ?? m.index, failed: query !== '' && !hit, forward };
    };
    const restart = (forward: boolean) => (forward ? this.deps.history.recallList().length : -1);
    if (ev.kind === 'text') return show(m.query + ev.text, m.query === '' ? restart(m.forward) : m.index + (m.forward ? 1 : -1), m.forward);
    const fn = this.deps.settings.functionFor(ev.chord);
    if (fn === 'ReverseSearchHistory') return show(m.query, m.forward ? m.index : m.index, false);
    if (fn === 'ForwardSearchHistory') return show(m.query, m.index, true);
    if (fn === 'BackwardDeleteChar') return show(m.query.slice(0, -1), restart(m.forward), m.forward);
    this.mode = { kind: 'edit' };
    if (fn === 'Abort' || fn === 'RevertLine' || fn === 'CopyOrCancelLine' || ev.chord === 'Ctrl+g' || ev.chord === 'Escape') {
      // Abandon the search: back to what was typed before it.
      this.setText(this.draft);
      this.historyIndex = -1;
      return;
    }
    this.editKey(ev);
  }

  private safeComplete(): Completion {
    const { text, cursor } = this.editor;
    try {
      return complete(text, cursor, this.deps.completion);
    } catch {
      return { start: cursor, end: cursor, candidates: [] };
    }
  }

  private apply(c: Completion, cand: Candidate, base: EditorState): void {
    const text = base.text.slice(0, c.start) + cand.text + base.text.slice(c.end);
    this.editor = editorReducer(base, { type: 'set', text, cursor: c.start + cand.text.length });
  }

  private tabComplete(dir: 1 | -1): void {
    if (this.cycle) {
      const n = this.cycle.completion.candidates.length;
      this.cycle.index = (this.cycle.index + dir + n) % n;
      this.apply(this.cycle.completion, this.cycle.completion.candidates[this.cycle.index]!, this.cycle.base);
      return;
    }
    const c = this.safeComplete();
    if (!c.candidates.length) return;
    const index = dir === 1 ? 0 : c.candidates.length - 1;
    this.cycle = { completion: c, index, base: this.editor };
    this.apply(c, c.candidates[index]!, this.editor);
  }

  /** Emacs mode's Tab: the longest common prefix; when nothing more is common, the list. */
  private bashComplete(): void {
    const c = this.safeComplete();
    if (!c.candidates.length) return;
    if (c.candidates.length === 1) return this.apply(c, c.candidates[0]!, this.editor);
    const texts = c.candidates.map((x) => x.text);
    let common = texts[0]!;
    for (const t of texts) while (!t.toLowerCase().startsWith(common.toLowerCase())) common = common.slice(0, -1);
    const typed = this.editor.text.slice(c.start, c.end);
    if (common.length > typed.length) this.apply(c, { text: common, display: common }, this.editor);
    else this.listCompletions(c);
  }

  private listCompletions(given?: Completion): void {
    const c = given ?? this.safeComplete();
    if (!c.candidates.length) return;
    this.message = [c.candidates.map((x) => x.display).join('  ')];
  }

  private menuComplete(): void {
    const c = this.safeComplete();
    if (c.candidates.length === 1) return this.apply(c, c.candidates[0]!, this.editor);
    if (c.candidates.length === 0) return;
    // MenuComplete: the selection is shown in the line as it moves; typing filters the menu.
    const base = this.editor;
    this.mode = { kind: 'menu', completion: c, items: c.candidates, index: 0, base, filter: '' };
    this.apply(c, c.candidates[0]!, base);
  }

  private menuKey(ev: KeyEvent, m: Extract<Mode, { kind: 'menu' }>): void {
    const n = m.items.length;
    const select = (index: number) => {
      this.mode = { ...m, index };
      if (m.items[index]) this.apply(m.completion, m.items[index]!, m.base);
    };
    const refilter = (filter: string) => {
      // Filtering by what was typed after the completed word, as PSReadLine's menu does.
      const typed = m.base.text.slice(m.completion.start, m.completion.end) + filter;
      const items = m.completion.candidates.filter((c) => c.text.toLowerCase().startsWith(typed.toLowerCase()) || c.display.toLowerCase().startsWith(typed.toLowerCase()));
      this.mode = { ...m, items, index: 0, filter };
      if (items[0]) this.apply(m.completion, items[0], m.base);
      else {
        const text = m.base.text.slice(0, m.completion.end) + filter + m.base.text.slice(m.completion.end);
        this.editor = editorReducer(m.base, { type: 'set', text, cursor: m.completion.end + filter.length });
      }
    };
    if (ev.kind === 'text') return refilter(m.filter + ev.text);
    const fn = this.deps.settings.functionFor(ev.chord);
    if (ev.chord === 'Backspace' && m.filter) return refilter(m.filter.slice(0, -1));
    if (n && (ev.chord === 'Tab' || ev.chord === 'DownArrow' || ev.chord === 'RightArrow' || fn === 'MenuComplete')) return select((m.index + 1) % n);
    if (n && (ev.chord === 'Shift+Tab' || ev.chord === 'UpArrow' || ev.chord === 'LeftArrow')) return select((m.index - 1 + n) % n);
    this.mode = { kind: 'edit' };
    if (ev.chord === 'Enter') return; // keep the selection, as MenuComplete does
    if (ev.chord === 'Escape' || fn === 'CopyOrCancelLine' || fn === 'Abort') {
      this.editor = editorReducer(this.editor, { type: 'set', text: m.base.text, cursor: m.base.cursor });
      return;
    }
    this.editKey(ev);
  }

  private showKeyBindings(): void {
    const { store, settings } = this.deps;
    let group = '';
    const rows = settings.handlers();
    const keyWidth = Math.max(...rows.map((r) => r.key.length), 3);
    const fnWidth = Math.max(...rows.map((r) => r.function.length), 8);
    for (const r of rows) {
      if (r.group !== group) {
        group = r.group;
        store.write(`\n${group}\n${'='.repeat(group.length)}\n\n${'Key'.padEnd(keyWidth)} ${'Function'.padEnd(fnWidth)} Description\n${'---'.padEnd(keyWidth)} ${'--------'.padEnd(fnWidth)} -----------\n`, 'output');
      }
      store.write(`${r.key.padEnd(keyWidth)} ${r.function.padEnd(fnWidth)} ${r.description}\n`, 'output');
    }
    store.write('\n', 'output');
  }

  // A question of the host (Read-Host, a mandatory parameter, a confirm prompt): the same editor,
  // without history and completion.
  private fieldKey(ev: KeyEvent): void {
    const request = this.deps.store.getState().request!;
    if (request.kind === 'key') {
      if (ev.kind === 'text') request.resolve(ev.text[0]!);
      else if (this.deps.settings.functionFor(ev.chord) === 'CopyOrCancelLine') {
        this.queue = [];
        request.resolve(null);
        this.deps.session.stop();
      } else if (ev.chord === 'Enter') request.resolve('\r');
      return;
    }
    if (ev.kind === 'text') {
      this.field = editorReducer(this.field, { type: 'insert', text: ev.text.replace(/\n/g, '') });
      return;
    }
    const fn = this.deps.settings.functionFor(ev.chord);
    if (fn === 'AcceptLine' || fn === 'ValidateAndAcceptLine' || ev.chord === 'Enter') {
      const v = this.field.text;
      this.field = emptyEditor;
      if (request.kind === 'field') request.resolve(v);
      return;
    }
    if (fn === 'CopyOrCancelLine' && !selection(this.field)) {
      this.field = emptyEditor;
      this.queue = [];
      if (request.kind === 'field') request.resolve(null);
      this.deps.session.stop();
      return;
    }
    if (fn === 'Paste' && this.clipboard) {
      this.field = editorReducer(this.field, { type: 'insert', text: this.clipboard.replace(/\n/g, '') });
      return;
    }
    if (fn === 'Copy' || fn === 'CopyOrCancelLine') {
      const sel = selection(this.field);
      if (sel) this.clipboard = this.field.text.slice(sel[0], sel[1]);
      return;
    }
    if (fn === 'RevertLine') {
      this.field = emptyEditor;
      return;
    }
    const pure = fn ? EDITOR_FUNCTIONS[fn] : undefined;
    if (pure && fn !== 'InsertLineAbove' && fn !== 'InsertLineBelow') this.field = pure(this.field);
  }

  /** A new question: its answer starts empty. */
  resetField(): void {
    this.field = emptyEditor;
  }
}
