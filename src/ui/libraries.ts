// Entry of dist/ui-libraries.mjs: the UI's libraries, as one ES module file. Ink and Yoga are ES
// modules with top-level await, so they cannot join the CommonJS bundle that dist/emsh.js runs
// through V8's code cache (src/launcher.ts); everything else of the UI, the App included, is in
// that bundle. The launcher imports this file when the UI starts, and the bundle's `require` of
// these ids returns what it exports: one React for Ink and the App.
import * as ink from 'ink';
import React from 'react';
import jsxRuntime from 'react/jsx-runtime';

/** What `require(id)` returns in the scripted bundle, by module id. */
export const modules: Record<string, unknown> = { ink, react: React, 'react/jsx-runtime': jsxRuntime };
