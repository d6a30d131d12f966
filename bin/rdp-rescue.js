#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so there is no compile step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
// Exit at once: a loaded wasm grammar (--pack) would otherwise keep V8 busy for seconds.
process.exit(await main(process.argv.slice(2)));
