// Installs what the Pester suite needs, for scripts/setup.sh: pwsh (the PowerShell global tool,
// pinned, into .cache/dotnet-tools) and Pester 5 (from NuGet, into .cache/pester), unless the
// machine has them already. Exit 1 with every route tried when either cannot be had.
import { findPester } from './pester-module.ts';
import { findPowerShell, type Attempt } from './routes.ts';

function fail(what: string, attempts: Attempt[]): never {
  process.stderr.write(`setup: could not install ${what}. Routes tried:\n`);
  for (const a of attempts)
    process.stderr.write(`  - ${a.route}: ${a.asked}\n      -> ${a.answer}\n`);
  process.exit(1);
}

const pwsh = findPowerShell();
if (!pwsh.ok) fail('PowerShell 7 (pwsh)', pwsh.attempts);
const pester = findPester(pwsh.value);
if (!pester.ok) fail('Pester 5', pester.attempts);
process.stdout.write(
  `setup: PowerShell ${pwsh.value.version} (${pwsh.value.route}), Pester ${pester.value}\n`,
);
