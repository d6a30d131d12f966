/**
 * Prints the checker's findings for a build folder (default dist-ps), one per line as
 * file:line:rule:message, then a count per rule. Exit code 1 when anything was found.
 *   npx tsx test/cmd-checker/cli.ts [build-folder]
 */
import { checkCorpus } from './corpus.ts';
import { formatFinding } from './check.ts';

const root = process.argv[2] ?? 'dist-ps';
const findings = checkCorpus(root);
for (const f of findings) console.log(formatFinding(f));
const counts = new Map<string, number>();
for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
for (const [rule, n] of [...counts].sort()) console.log(`${rule}: ${n}`);
console.log(`${findings.length} findings`);
process.exitCode = findings.length > 0 ? 1 : 0;
