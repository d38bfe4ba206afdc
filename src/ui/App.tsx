// The interactive shell, split along PSReadLine's seams: the key router (key-router.ts: the
// key-binding table → named editor functions, the pure ones in editor-state.ts), the live frame
// (live-frame.ts: prompt and input, menus, search, progress, status — bounded to the screen), and
// the scrollback (ui-store.ts: output streamed to the terminal above the live area through Ink's
// `write`). This component wires them to Ink through its public API only: useStdin for the raw
// input stream and raw mode, useStdout for the terminal and its writer.

import React, { Component, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { Box, Text, useStdin, useStdout } from 'ink';
import { parseScript } from '../../grammar/index.js';
import { KeyRouter, type RouterDeps } from './key-router.js';
import { layoutFrame, rowWidth, type Row } from './live-frame.js';
import { colorize, INK_COLOR } from './syntax.js';
import { terminalSize } from './resize-guard.js';
import type { UiStore } from './ui-store.js';

export type { ShellSession } from './key-router.js';
export { isIncomplete } from './key-router.js';

/** What the key router needs, and how the App meets the terminal. */
export interface AppProps extends RouterDeps {
  /** Clears the real terminal (Ctrl+L, cls); by default through Ink's writer. */
  clearScreen?: () => void;
  /** Handed the key router once (tests look at the line being edited). */
  onRouter?: (router: KeyRouter) => void;
  /** Told the widths of the rows of every frame drawn (the resize guard needs them). */
  onFrame?: (rowWidths: number[]) => void;
  color: boolean;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
/** Past this size the parse for the red prompt waits until typing pauses (a 10 KB paste). */
const LAZY_PARSE_CHARS = 2000;

/** The terminal's size, read at each render, and a render on each resize. */
function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const [, setTick] = useState(0);
  useEffect(() => {
    const onResize = () => setTick((n) => n + 1);
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return terminalSize(stdout);
}

/** True when the input does not parse (the prompt turns red); long inputs are checked once typing pauses. */
function useParseError(text: string): boolean {
  const [late, setLate] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const short = text.length <= LAZY_PARSE_CHARS;
  useEffect(() => {
    if (short || text.trim() === '') return;
    const t = setTimeout(() => setLate({ text, error: safeParseError(text) }), 150);
    return () => clearTimeout(t);
  }, [text, short]);
  if (text.trim() === '') return false;
  if (short) return safeParseError(text);
  return late.text === text ? late.error : false;
}

function safeParseError(text: string): boolean {
  try {
    return parseScript(text).errors.length > 0;
  } catch {
    return false;
  }
}

/** Rows are rebuilt on every frame; one whose runs did not change skips React and Ink's layout. */
function sameRow(a: { row: Row }, b: { row: Row }): boolean {
  if (a.row.length !== b.row.length) return false;
  return a.row.every((x, i) => {
    const y = b.row[i]!;
    return x.text === y.text && x.color === y.color && x.background === y.background && x.inverse === y.inverse && x.dim === y.dim;
  });
}

const RowView = React.memo(function RowView({ row }: { row: Row }) {
  // An empty <Text> has no height in Ink: a blank row needs a space to keep its place.
  if (row.length === 0 || row.every((r) => r.text === '')) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {row.map((r, i) => (
        <Text key={i} color={r.color} backgroundColor={r.background} inverse={r.inverse} dimColor={r.dim}>
          {r.text}
        </Text>
      ))}
    </Text>
  );
}, sameRow);

export function App(props: AppProps) {
  const { store, session, history, settings } = props;
  const ui = useSyncExternalStore(store.subscribe, store.getState);
  const router = useMemo(
    () => new KeyRouter({ store, session, history, completion: props.completion, settings, onExit: props.onExit, machine: props.machine, lab: props.lab }),
    // One router for the App's life: it holds the line being edited.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  useSyncExternalStore(router.subscribe, router.getVersion);
  const { onRouter } = props;
  useEffect(() => {
    onRouter?.(router);
  }, [router, onRouter]);
  useSyncExternalStore(
    (fn) => settings.subscribe(fn),
    () => settings.version,
  );
  const size = useTerminalSize();
  const { write } = useStdout();
  const { stdin, setRawMode, isRawModeSupported } = useStdin();
  const [tick, setTick] = useState(0);

  // Output goes to the terminal above the live area through Ink's writer (which erases the live
  // area, writes, and draws it again), in batches.
  useEffect(() => {
    store.attachTerminal(write, props.color);
    return () => store.attachTerminal(undefined);
  }, [store, write, props.color]);

  // Raw input: Ink's documented stdin and raw-mode switch; every chunk goes to the router.
  useEffect(() => {
    if (isRawModeSupported) setRawMode(true);
    const onData = (data: string | Buffer) => router.push(typeof data === 'string' ? data : data.toString('utf8'));
    stdin.on('data', onData);
    return () => {
      stdin.off('data', onData);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [stdin, setRawMode, isRawModeSupported, router]);

  useEffect(() => {
    if (!ui.running) return;
    const t = setInterval(() => setTick((n) => n + 1), 100);
    return () => clearInterval(t);
  }, [ui.running]);

  // A new question of the host starts with an empty answer.
  useEffect(() => {
    if (ui.request) router.resetField();
  }, [ui.request, router]);

  // Ctrl+L and Clear-Host: the terminal is cleared (its scrollback too); the live area is drawn again.
  const firstClears = useRef(ui.clears);
  useEffect(() => {
    if (ui.clears === firstClears.current) return;
    if (props.clearScreen) props.clearScreen();
    else write('\x1b[2J\x1b[3J\x1b[H');
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ui.clears]);

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

  const editor = router.editor;
  const promptError = useParseError(editor.text);
  const runs = useMemo(
    () => (props.color ? colorize(editor.text, settings.colors) : undefined),
    // Set-PSReadLineOption -Colors changes settings.colors in place; settings.version says when.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor.text, props.color, settings.colors, settings.version],
  );
  const mode = router.mode;
  const request = ui.request;
  const rows = layoutFrame({
    width: size.columns,
    height: size.rows,
    color: props.color,
    prompt: router.prompt(),
    promptError,
    editor,
    runs,
    suggestion: router.currentSuggestion(),
    suggestionColor: INK_COLOR[settings.colors.InlinePrediction ?? ''] || 'gray',
    search: mode.kind === 'search' && !ui.running && !request ? { query: mode.query, failed: mode.failed, forward: mode.forward } : undefined,
    menu: mode.kind === 'menu' && !ui.running && !request ? { items: mode.items, index: mode.index, filter: mode.filter } : undefined,
    message: router.message,
    field:
      request?.kind === 'field'
        ? { label: request.label, editor: router.field, secure: request.secure }
        : request?.kind === 'key'
          ? { label: request.prompt, editor: router.field, secure: false }
          : undefined,
    running: ui.running && !request ? { spinner: SPINNER[tick % SPINNER.length]!, activity: ui.activity } : undefined,
    progress: ui.progress,
    labBar: ui.labBar,
    status: `Machine ${ui.machine} · lab ${ui.lab} · Tab completes · Ctrl+R searches history · exit leaves`,
  });
  props.onFrame?.(rows.map(rowWidth));

  return (
    <LiveBoundary store={store} onError={() => router.run('RevertLine')}>
      <Box flexDirection="column">
        {rows.map((row, i) => (
          <RowView key={i} row={row} />
        ))}
      </Box>
    </LiveBoundary>
  );
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
