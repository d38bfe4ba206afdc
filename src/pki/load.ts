// node-forge is ~600 KB of JavaScript: load the PKI code only when a command needs it, so the
// shell starts (and lists certificates from the stored facts) without compiling forge.
export type Pki = typeof import('./index.js');

let loading: Promise<Pki> | undefined;

export function loadPki(): Promise<Pki> {
  loading ??= import('./index.js');
  return loading;
}
