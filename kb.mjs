const l = await import('./dist/bench-lib.mjs');
const u = await l.uiBench();
for (let i = 0; i < 3; i++) { const r = await u.keystroke(100000, 10240); console.log(JSON.stringify(r)); }
process.exit(0);
