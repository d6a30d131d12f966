// Runs the Pester suite from the command line (CI): `npx tsx test/pester-runner/cli.ts`.
// Exit 0: green, or skipped because PowerShell is missing (1 if RDPRESCUE_REQUIRE_PESTER=1).
import { pesterRequired, runPesterSuite, skipMessage, summaryLine } from './run-pester.ts';

const outcome = runPesterSuite();
if (!outcome.ran) {
  process.stderr.write(`${skipMessage(outcome)}\n`);
  process.exitCode = pesterRequired() ? 1 : 0;
} else {
  process.stdout.write(
    `Pester ${outcome.counts.pester} on PowerShell ${outcome.counts.engine} (${outcome.route}); results: ${outcome.resultXml}\n`,
  );
  process.stdout.write(`${summaryLine(outcome.counts)}\n`);
  process.exitCode = outcome.counts.failed > 0 || outcome.counts.passed === 0 ? 1 : 0;
}
