#!/usr/bin/env node
// npm run bench: measures build cost, scaling, Serial Console cost and VM-side cost, and writes
// BENCHMARKS.md and bench/results.json.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main();
