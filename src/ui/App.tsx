// The interactive shell: finished output in <Static>, and a live area with the prompt (or the
// running command's spinner, or the question the host is asking), plus a status line.
// All keys arrive through one router (route) that dispatches by mode; it is subscribed once
// and always sees the newest state through refs.

import React, { Component, useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Box, Static, Text, useStdin, useStdout } from 'ink';
import { parseScript } from '../../grammar/index.js';
import { editorReducer, emptyEditor, type EditorAction, type EditorState } from './editor-state.js';
import type { History } from './history.js';
import { complete, type Completion, type CompletionSource } from './completion.js';
import { createKeyDecoder, type KeyEvent } from './keys.js';
import { colorize } from './syntax.js';
import type { ScrollLine, UiStore } from './ui-store.js';
import type { LineKind } from '../protocol/host.js';

/** What the App needs from the session. */
export interface ShellSession {
  execute(text: string, opts?: { history?: boolean }): Promise<{ ok: boolean; exitCode?: number }>;
  stop(): void;
  promptText(): string;
  readonly services: { readonly machine: string };
  /** Whether a line carries a secret, judged on the parsed command (keeps it out of the history file). */
  hasSecret?(text: string): boolean;
}

export interface AppProps {
  store: UiStore;
  session: ShellSession;
  history: History;
  completion: CompletionSource;
  onExit: (code: number) => void;
  /** The machine the shell is on (shown in the status line). */
  machine?: () => string;
  /** Clears the real terminal (Ctrl+L, cls); by default through Ink, which redraws the prompt. */
  clearScreen?: () => void;
  color: boolean;
}

const KIND_COLOR: Partial<Record<LineKind, string>> = { error: 'red', warning: 'yellow', verbose: 'cyan', debug: 'yellow' };
const HOST_COLOR: Record<string, string> = {
  Black: 'black', DarkBlue: 'blue', DarkGreen: 'green', DarkCyan: 'cyan', DarkRed: 'red', DarkMagenta: 'magenta',
  DarkYellow: 'yellow', Gray: 'white', DarkGray: 'gray', Blue: 'blueBright', Green: 'greenBright', Cyan: 'cyanBright',
  Red: 'redBright', Magenta: 'magentaBright', Yellow: 'yellowBright', White: 'whiteBright',
};
const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const MENU_ROWS = 10;

const Line = React.memo(function Line({ line, color }: { line: ScrollLine; color: boolean }) {
  // An empty <Text> has no height in Ink: a blank line needs a space to keep its row.
  const plain = line.segments.map((s) => s.text).join('');
  if (plain === '') return <Text> </Text>;
  if (!color) return <Text>{plain}</Text>;
  return (
    <Text>
      {line.segments.map((s, i) => (
        <Text
          key={i}
          color={s.style?.foreground ? HOST_COLOR[s.style.foreground] : KIND_COLOR[s.kind]}
          backgroundColor={s.style?.background ? HOST_COLOR[s.style.background] : undefined}
        >
          {s.text}
        </Text>
      ))}
    </Text>
  );
});

type Mode =
  | { kind: 'edit' }
  | { kind: 'search'; query: string; index: number; failed: boolean }
  | { kind: 'menu'; completion: Completion; index: number; base: EditorState };

interface CycleState {
  completion: Completion;
  index: number;
  /** Text and cursor before the first Tab, to compute each replacement from. */
  base: EditorState;
}

/** True when Enter should continue the input on a new line (`>> `). */
export function isIncomplete(text: string): boolean {
  const { errors } = parseScript(text);
  return errors.length > 0 && errors[0]!.incomplete;
}

/** The terminal's size, re-read on resize so the live area can stay smaller than the screen. */
function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns || 120, rows: stdout.rows || 40 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}

function safePrompt(session: ShellSession): string {
  try {
    return session.promptText();
  } catch {
    return 'PS>'; // PowerShell's fallback when the prompt function fails
  }
}

export function App(props: AppProps) {
  const { store, session, history, onExit } = props;
  const ui = useSyncExternalStore(store.subscribe, store.getState);
  const [editor, dispatch] = useReducer(editorReducer, emptyEditor);
  const [mode, setModeState] = useState<Mode>({ kind: 'edit' });
  const [fieldText, setFieldText] = useState('');
  const [tick, setTick] = useState(0);
  const size = useTerminalSize();
  const { write: writeThroughInk } = useStdout();
  const { setRawMode, isRawModeSupported, internal_eventEmitter } = useStdin() as ReturnType<typeof useStdin> & {
    internal_eventEmitter?: NodeJS.EventEmitter;
  };

  // Mutable mirrors for the key router: several keys can arrive in one chunk, before React
  // renders again, so each key must see the effect of the previous one.
  const live = useRef({
    editor,
    mode: mode as Mode,
    fieldText,
    historyIndex: -1,
    draft: '',
    cycle: undefined as CycleState | undefined,
    /** Keys typed while a command runs, replayed at the next prompt (typeahead). */
    queue: [] as KeyEvent[],
    decoder: createKeyDecoder(),
  });

  useEffect(() => {
    if (!ui.running) return;
    const t = setInterval(() => setTick((n) => n + 1), 100);
    return () => clearInterval(t);
  }, [ui.running]);

  const edit = useCallback((a: EditorAction) => {
    live.current.editor = editorReducer(live.current.editor, a);
    dispatch(a);
  }, []);
  const setMode = (m: Mode) => {
    live.current.mode = m;
    setModeState(m);
  };
  const setField = (v: string) => {
    live.current.fieldText = v;
    setFieldText(v);
  };

  /** Replays typed-ahead keys once the prompt is back (stops if one of them starts a command). */
  const drain = () => {
    const l = live.current;
    while (l.queue.length && !store.getState().running) route(l.queue.shift()!);
  };

  const submit = async (text: string) => {
    const l = live.current;
    l.historyIndex = -1;
    l.draft = '';
    l.cycle = undefined;
    edit({ type: 'set', text: '' });
    const promptLines = text.split('\n');
    store.write(promptLines.map((t, i) => (i === 0 ? `${safePrompt(session)} ${t}` : `>> ${t}`)).join('\n') + '\n', 'output');
    if (text.trim() === '') return;
    history.add(text);
    store.setRunning(true);
    try {
      const r = await session.execute(text, { history: true });
      store.setMachine(props.machine?.() ?? session.services.machine);
      if (r.exitCode !== undefined) {
        store.setRunning(false);
        l.queue = [];
        onExit(r.exitCode);
        return;
      }
    } catch (e) {
      // The engine turns bugs into error records; this is the last net.
      store.write(`emsh: ${e instanceof Error ? e.message : String(e)}\n`, 'error');
    }
    store.setRunning(false);
    drain();
  };

  const recall = (dir: 1 | -1) => {
    const l = live.current;
    const list = history.recallList();
    if (l.historyIndex === -1) l.draft = l.editor.text;
    const next = Math.max(-1, Math.min(list.length - 1, l.historyIndex + dir));
    if (next === l.historyIndex) return;
    l.historyIndex = next;
    edit({ type: 'set', text: next === -1 ? l.draft : list[next]! });
  };

  const applyCandidate = (c: Completion, index: number, base: EditorState) => {
    const cand = c.candidates[index]!;
    const text = base.text.slice(0, c.start) + cand.text + base.text.slice(c.end);
    edit({ type: 'set', text, cursor: c.start + cand.text.length });
  };

  // Ctrl+L and Clear-Host both empty the store (a new <Static> key); the terminal follows here.
  // Writing through Ink erases the live area first and draws it again after the clear.
  const firstStaticKey = useRef(ui.staticKey);
  useEffect(() => {
    if (ui.staticKey === firstStaticKey.current) return;
    if (props.clearScreen) props.clearScreen();
    else writeThroughInk('\x1b[2J\x1b[3J\x1b[H');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ui.staticKey]);

  const handleEditKey = (ev: KeyEvent) => {
    const l = live.current;
    const { text, cursor } = l.editor;
    // Any key but Tab ends a completion cycle: the next Tab completes the new word.
    if (ev.kind === 'text' || (ev.name !== 'tab' && ev.name !== 'shift-tab')) l.cycle = undefined;
    if (ev.kind === 'text') {
      edit({ type: 'insert', text: ev.text });
      return;
    }
    switch (ev.name) {
      case 'enter': {
        if (text.trim() !== '' && isIncomplete(text)) edit({ type: 'insert', text: '\n' });
        else void submit(text);
        return;
      }
      case 'shift-enter':
        edit({ type: 'insert', text: '\n' });
        return;
      case 'left': edit({ type: 'left' }); return;
      case 'right': {
        const suggestion = cursor === text.length ? safeSuggest(history, text) : undefined;
        if (suggestion) edit({ type: 'set', text: text + suggestion });
        else edit({ type: 'right' });
        return;
      }
      case 'home': case 'ctrl-a': edit({ type: 'home' }); return;
      case 'end': case 'ctrl-e': edit({ type: 'end' }); return;
      case 'ctrl-left': edit({ type: 'wordLeft' }); return;
      case 'ctrl-right': edit({ type: 'wordRight' }); return;
      case 'backspace': edit({ type: 'backspace' }); return;
      case 'delete': case 'ctrl-d': edit({ type: 'delete' }); return;
      case 'ctrl-backspace': case 'ctrl-w': edit({ type: 'deleteWordBack' }); return;
      case 'ctrl-delete': edit({ type: 'deleteWordForward' }); return;
      case 'ctrl-u': edit({ type: 'set', text: text.slice(cursor), cursor: 0 }); return;
      case 'ctrl-k': edit({ type: 'set', text: text.slice(0, cursor), cursor }); return;
      case 'escape': edit({ type: 'revert' }); l.historyIndex = -1; return;
      case 'ctrl-z': edit({ type: 'undo' }); return;
      case 'ctrl-y': edit({ type: 'redo' }); return;
      case 'up':
        // Inside a multi-line input, Up/Down move between its lines first.
        if (l.historyIndex === -1 && text.lastIndexOf('\n', cursor - 1) >= 0) edit({ type: 'lineUp' });
        else recall(1);
        return;
      case 'down':
        if (l.historyIndex === -1 && text.indexOf('\n', cursor) >= 0) edit({ type: 'lineDown' });
        else recall(-1);
        return;
      case 'f8': case 'shift-f8': {
        const prefix = text.slice(0, cursor);
        const hit = ev.name === 'f8' ? history.prefixSearch(prefix, l.historyIndex) : history.prefixSearchForward(prefix, l.historyIndex);
        if (hit) {
          if (l.historyIndex === -1) l.draft = text;
          l.historyIndex = hit.index;
          edit({ type: 'set', text: hit.text, cursor: prefix.length });
        }
        return;
      }
      case 'ctrl-r':
        if (l.historyIndex === -1) l.draft = text;
        setMode({ kind: 'search', query: '', index: -1, failed: false });
        return;
      case 'ctrl-l':
        store.clear();
        return;
      case 'ctrl-c': {
        // PSReadLine's CopyOrCancelLine: the line is abandoned, shown with ^C.
        if (text !== '') {
          store.write(`${safePrompt(session)} ${text.split('\n').join('\n>> ')}^C\n`, 'output');
          edit({ type: 'set', text: '' });
        }
        l.historyIndex = -1;
        return;
      }
      case 'tab':
      case 'shift-tab': {
        const dir = ev.name === 'tab' ? 1 : -1;
        if (l.cycle) {
          const n = l.cycle.completion.candidates.length;
          l.cycle.index = (l.cycle.index + dir + n) % n;
          applyCandidate(l.cycle.completion, l.cycle.index, l.cycle.base);
          return;
        }
        const c = safeComplete(text, cursor, props.completion);
        if (!c.candidates.length) return;
        const base = l.editor;
        const index = dir === 1 ? 0 : c.candidates.length - 1;
        l.cycle = { completion: c, index, base };
        applyCandidate(c, index, base);
        return;
      }
      case 'ctrl-space': {
        const c = safeComplete(text, cursor, props.completion);
        if (c.candidates.length === 1) applyCandidate(c, 0, l.editor);
        else if (c.candidates.length > 1) {
          // MenuComplete: the selection is shown in the line as it moves.
          const base = l.editor;
          setMode({ kind: 'menu', completion: c, index: 0, base });
          applyCandidate(c, 0, base);
        }
        return;
      }
      default:
        return;
    }
  };

  const handleFieldKey = (ev: KeyEvent) => {
    const l = live.current;
    const request = store.getState().request!;
    if (ev.kind === 'text') setField(l.fieldText + ev.text.replace(/\n/g, ''));
    else if (ev.name === 'backspace') setField(l.fieldText.slice(0, -1));
    else if (ev.name === 'escape' || ev.name === 'ctrl-u') setField('');
    else if (ev.name === 'enter') {
      const v = l.fieldText;
      setField('');
      if (request.kind === 'field') request.resolve(v);
    } else if (ev.name === 'ctrl-c') {
      setField('');
      l.queue = [];
      if (request.kind === 'field') request.resolve(null);
      session.stop();
    }
  };

  const handleSearchKey = (ev: KeyEvent, m: Extract<Mode, { kind: 'search' }>) => {
    const l = live.current;
    const show = (query: string, from: number) => {
      const hit = history.search(query, from);
      if (hit) edit({ type: 'set', text: hit.text, cursor: Math.max(0, hit.text.toLowerCase().indexOf(query.toLowerCase())) });
      setMode({ kind: 'search', query, index: hit?.index ?? m.index, failed: query !== '' && !hit });
      if (hit) l.historyIndex = hit.index;
    };
    if (ev.kind === 'text') return show(m.query + ev.text, -1);
    if (ev.name === 'ctrl-r') return show(m.query, m.index);
    if (ev.name === 'backspace') return show(m.query.slice(0, -1), -1);
    setMode({ kind: 'edit' });
    if (ev.name === 'escape' || ev.name === 'ctrl-c') {
      // Abandon the search: back to what was typed before it.
      edit({ type: 'set', text: l.draft });
      l.historyIndex = -1;
      return;
    }
    handleEditKey(ev);
  };

  const handleMenuKey = (ev: KeyEvent, m: Extract<Mode, { kind: 'menu' }>) => {
    const n = m.completion.candidates.length;
    const move = (index: number) => {
      setMode({ ...m, index });
      applyCandidate(m.completion, index, m.base);
    };
    if (ev.kind === 'key' && (ev.name === 'tab' || ev.name === 'down' || ev.name === 'right' || ev.name === 'ctrl-space')) return move((m.index + 1) % n);
    if (ev.kind === 'key' && (ev.name === 'shift-tab' || ev.name === 'up' || ev.name === 'left')) return move((m.index - 1 + n) % n);
    setMode({ kind: 'edit' });
    if (ev.kind === 'key' && ev.name === 'enter') return; // keep the selection, as MenuComplete does
    if (ev.kind === 'key' && (ev.name === 'escape' || ev.name === 'ctrl-c')) {
      edit({ type: 'set', text: m.base.text, cursor: m.base.cursor });
      return;
    }
    handleEditKey(ev);
  };

  function route(ev: KeyEvent): void {
    const l = live.current;
    const state = store.getState();
    if (state.request) return handleFieldKey(ev);
    if (state.running) {
      if (ev.kind === 'key' && ev.name === 'ctrl-c') {
        l.queue = [];
        session.stop();
      } else if (l.queue.length < 10_000) l.queue.push(ev);
      return;
    }
    const m = l.mode;
    if (m.kind === 'search') return handleSearchKey(ev, m);
    if (m.kind === 'menu') return handleMenuKey(ev, m);
    handleEditKey(ev);
  }

  const onData = (data: string | Buffer) => {
    let events: KeyEvent[];
    try {
      events = live.current.decoder.push(typeof data === 'string' ? data : data.toString('utf8'));
    } catch (e) {
      store.write(`emsh: ${e instanceof Error ? e.message : String(e)}\n`, 'error');
      return;
    }
    for (const ev of events) {
      try {
        route(ev);
      } catch (e) {
        // A bug in a key handler must not leave a dead prompt.
        store.write(`emsh: ${e instanceof Error ? e.message : String(e)}\n`, 'error');
        setMode({ kind: 'edit' });
      }
    }
  };
  // The grammar builds its lexer and parser on first use (~50 ms): do that while the user
  // reads the first prompt, not on their first keystroke.
  useEffect(() => {
    const t = setTimeout(() => {
      try {
        colorize('Get-ExchangeCertificate | fl');
        parseScript('Get-ExchangeCertificate | fl');
      } catch {
        // only a warm-up
      }
    }, 30);
    return () => clearTimeout(t);
  }, []);

  // Subscribed once; the listener always calls the newest closure.
  const onDataRef = useRef(onData);
  onDataRef.current = onData;

  useEffect(() => {
    if (!internal_eventEmitter) return;
    const listener = (data: string | Buffer) => onDataRef.current(data);
    if (isRawModeSupported) setRawMode(true);
    internal_eventEmitter.on('input', listener);
    return () => {
      internal_eventEmitter.removeListener('input', listener);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [internal_eventEmitter, isRawModeSupported, setRawMode]);

  const hasError = editor.text.trim() !== '' && parseScript(editor.text).errors.length > 0;
  const suggestion = editor.cursor === editor.text.length && mode.kind === 'edit' ? safeSuggest(history, editor.text) : undefined;
  const prompt = safePrompt(session);
  // Keep the live area shorter than the screen: when it fills the screen, Ink reprints all
  // scrollback on every frame.
  const menuSize = Math.max(1, Math.min(MENU_ROWS, size.rows - 6));
  const menuRows = mode.kind === 'menu' ? Math.min(menuSize, mode.completion.candidates.length) + 3 : 0;
  const searchRows = mode.kind === 'search' ? 1 : 0;
  const promptRows = Math.max(1, size.rows - 2 - menuRows - searchRows);

  return (
    <Box flexDirection="column">
      <Static key={ui.staticKey} items={ui.lines}>
        {(line) => <Line key={line.id} line={line} color={props.color} />}
      </Static>
      <LiveBoundary store={store} onError={() => { live.current.editor = emptyEditor; dispatch({ type: 'set', text: '' }); setMode({ kind: 'edit' }); }}>
        {ui.request ? (
          <Text>
            {ui.request.kind === 'field' ? ui.request.label : ''}
            {ui.request.kind === 'field' && ui.request.secure ? '*'.repeat(fieldText.length) : fieldText}
            <Text inverse> </Text>
          </Text>
        ) : ui.running ? (
          <Text color={props.color ? 'cyan' : undefined}>
            {SPINNER[tick % SPINNER.length]} {ui.activity ?? 'Running…'} <Text dimColor>(Ctrl+C stops)</Text>
          </Text>
        ) : (
          <PromptView
            prompt={prompt}
            editor={editor}
            hasError={hasError}
            suggestion={suggestion}
            color={props.color}
            width={size.columns}
            maxRows={promptRows}
          />
        )}
        {mode.kind === 'search' && !ui.running && !ui.request ? (
          <Text>
            {mode.failed ? 'failed-' : ''}bck-i-search: {mode.query}
            <Text inverse> </Text>
          </Text>
        ) : null}
        {mode.kind === 'menu' && !ui.running && !ui.request ? <Menu completion={mode.completion} index={mode.index} size={menuSize} /> : null}
        <Text dimColor wrap="truncate-end">
          {`Machine ${ui.machine} · lab ${ui.lab} · Tab completes · Ctrl+R searches history · exit leaves`}
        </Text>
      </LiveBoundary>
    </Box>
  );
}

function safeComplete(text: string, cursor: number, src: CompletionSource): Completion {
  try {
    return complete(text, cursor, src);
  } catch {
    return { start: cursor, end: cursor, candidates: [] };
  }
}

function safeSuggest(history: History, text: string): string | undefined {
  try {
    // Suggestions for one-line input only: a multi-line guess would jump around the screen.
    return text.includes('\n') ? undefined : history.suggest(text);
  } catch {
    return undefined;
  }
}

/**
 * Catches a rendering failure of the live area: it becomes an error line in scrollback and
 * the prompt is drawn again, so the terminal never ends up dead or showing a stack trace.
 * Repeated failures in a burst stop retrying and show a plain prompt line instead.
 */
export class LiveBoundary extends Component<{ store: UiStore; onError: () => void; children: ReactNode }, { failed: boolean; burst: number; at: number }> {
  override state = { failed: false, burst: 0, at: 0 };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    const msg = error instanceof Error ? error.message : String(error);
    this.props.store.write(`emsh: the prompt failed to draw: ${msg}\n`, 'error');
    const now = Date.now();
    const burst = now - this.state.at < 1000 ? this.state.burst + 1 : 1;
    this.setState({ burst, at: now });
    if (burst <= 3) {
      this.props.onError();
      setImmediate(() => this.setState({ failed: false }));
    }
  }

  override render(): ReactNode {
    if (this.state.failed) return <Text>{'[PS] > (the prompt cannot be drawn; type exit and Enter to leave)'}</Text>;
    return this.props.children;
  }
}

/** Where the input's rows start, for a window of at most `maxRows` rows around the cursor. */
function windowRows(rows: number, cursorRow: number, maxRows: number): [number, number] {
  if (rows <= maxRows) return [0, rows];
  const start = Math.max(0, Math.min(cursorRow - Math.floor(maxRows / 2), rows - maxRows));
  return [start, start + maxRows];
}

function PromptView(p: { prompt: string; editor: EditorState; hasError: boolean; suggestion?: string; color: boolean; width: number; maxRows: number }) {
  const { text, cursor } = p.editor;
  const runs = p.color ? colorize(text) : [{ text, color: '' }];
  // Lay the runs out, splitting at the cursor and at newlines.
  const lines: React.ReactNode[][] = [[]];
  const lengths: number[] = [0];
  let cursorLine = 0;
  let pos = 0;
  let key = 0;
  const push = (node: React.ReactNode, len: number) => {
    lines[lines.length - 1]!.push(node);
    lengths[lengths.length - 1]! += len;
  };
  const newLine = () => {
    lines.push([]);
    lengths.push(0);
  };
  const emit = (s: string, color: string, inverse = false) => {
    const parts = s.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) newLine();
      if (part) push(<Text key={key++} color={p.color && color ? color : undefined} inverse={inverse}>{part}</Text>, part.length);
    });
  };
  for (const r of runs) {
    const end = pos + r.text.length;
    if (cursor >= pos && cursor < end) {
      const at = cursor - pos;
      emit(r.text.slice(0, at), r.color);
      cursorLine = lines.length - 1;
      const ch = r.text[at]!;
      if (ch === '\n') {
        push(<Text key={key++} inverse> </Text>, 1);
        newLine();
      } else emit(ch, r.color, true);
      emit(r.text.slice(at + 1), r.color);
    } else emit(r.text, r.color);
    pos = end;
  }
  if (cursor >= text.length) {
    cursorLine = lines.length - 1;
    if (p.suggestion) {
      push(<Text key={key++} inverse>{p.suggestion[0]}</Text>, 1);
      // Grey, or dim without colours (NO_COLOR): never mistaken for typed text.
      push(<Text key={key++} color={p.color ? 'gray' : undefined} dimColor={!p.color}>{p.suggestion.slice(1)}</Text>, p.suggestion.length - 1);
    } else push(<Text key={key++} inverse> </Text>, 1);
  }
  const promptColor = p.hasError && p.color ? 'red' : undefined;
  // A window of whole input lines around the cursor when the input is taller than allowed
  // (each line may wrap over several rows).
  const width = Math.max(10, p.width);
  const rowsOf = lengths.map((n, i) => Math.max(1, Math.ceil(((i === 0 ? p.prompt.length + 1 : 3) + n) / width)));
  let first = 0;
  let last = lines.length;
  const total = rowsOf.reduce((a, b) => a + b, 0);
  if (total > p.maxRows) {
    [first, last] = windowRows(lines.length, cursorLine, Math.max(1, Math.floor(p.maxRows / Math.max(...rowsOf))));
  }
  return (
    <Box flexDirection="column">
      {lines.slice(first, last).map((nodes, j) => {
        const i = first + j;
        return (
          <Text key={i}>
            {i === 0 ? <Text color={promptColor}>{p.prompt} </Text> : <Text>{'>> '}</Text>}
            {nodes}
          </Text>
        );
      })}
    </Box>
  );
}

function Menu({ completion, index, size }: { completion: Completion; index: number; size: number }) {
  const start = Math.max(0, Math.min(index - Math.floor(size / 2), completion.candidates.length - size));
  const shown = completion.candidates.slice(start, start + size);
  const tip = completion.candidates[index]?.tooltip;
  return (
    <Box flexDirection="column" borderStyle="single" paddingX={1}>
      {shown.map((c, i) => (
        <Text key={c.text + i} inverse={start + i === index} wrap="truncate-end">
          {c.display}
        </Text>
      ))}
      <Text dimColor wrap="truncate-end">
        {`${index + 1} of ${completion.candidates.length}${tip ? ' · ' + tip : ''}`}
      </Text>
    </Box>
  );
}
