import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { build, toolVersion } from './build/build.ts';
import { CatalogError } from './model/index.ts';
import { PASSWORD_ENV, resolveSignOptions, type SignCliOptions } from './sign/options.ts';
import { SigningInputError } from './sign/errors.ts';
import { TypeCheckError } from './scenarios/typecheck.ts';
import { loadTeamCatalog } from './scenarios/team.ts';
import { listScenarios, renderListing } from './scenarios/list.ts';
import { writeStarterScenario } from './scenarios/starter.ts';
import { CONFIG_FILE, ConfigError, loadIdentityConfig } from './identity/config.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** Errors caused by what the user gave us (bad catalog, bad option, unreadable key ...). */
export class UsageError extends Error {}

function program(): Command {
  const cli = new Command('rdp-rescue')
    .description(
      'Compile the RdpRescue catalog into a PowerShell module, Serial Console CMD and offline repair scripts.',
    )
    .version(toolVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  cli
    .command('build')
    .description('validate the catalog and write everything into the output folder (atomically)')
    .option('-o, --out <dir>', 'output folder', 'dist-ps')
    .option('--catalog <dir>', 'catalog folder (default: the built-in catalog)')
    .option(
      '--scenarios <dir|file>',
      "a team's scenario files (.ts), type-checked and added to the catalog; repeatable",
      collect,
    )
    .option('--sign', 'Authenticode-sign every .ps1/.psm1/.psd1/.ps1xml and verify the signatures')
    .option('--pfx <file>', `signing certificate and key (PKCS#12); password from ${PASSWORD_ENV}`)
    .option('--pfx-password-file <file>', `read the --pfx (or --key) password from this file`)
    .option('--cert <pem>', 'signing certificate (PEM, may include the chain), with --key')
    .option('--key <pem>', 'private key of --cert (PEM; if encrypted, password as for --pfx)')
    .option('--timestamp-url <url>', 'RFC 3161 time-stamping service')
    .option('--ca-file <pem>', 'extra trusted CA certificates for verifying the signatures')
    .option('--pack', 'also write <module>.<version>.nupkg for a PowerShell gallery')
    .option(
      '--config <file>',
      `the organisation's module name, version, GUID and gallery data (default: ./${CONFIG_FILE} when present)`,
    )
    .action(async (opts: BuildCliOptions & SignCliOptions) => {
      const sign = resolveSignOptions(opts);
      const identity = loadIdentityConfig(
        opts.config ? { config: resolve(opts.config) } : {},
        toolVersion(),
      );
      const { manifest } = await build({
        ...(identity ? { identity } : {}),
        out: resolve(opts.out),
        ...(opts.catalog ? { catalogDir: resolve(opts.catalog) } : {}),
        ...(opts.scenarios ? { scenarios: opts.scenarios } : {}),
        ...(sign ? { sign } : {}),
        ...(opts.pack ? { pack: true } : {}),
      });
      const signedNote = manifest.signed
        ? 'signed'
        : sign
          ? 'unsigned (nothing to sign)'
          : 'unsigned (no certificate given)';
      const nupkg = manifest.artifacts.find((a) => a.kind === 'package');
      const module = manifest.module
        ? ` (module ${manifest.module.name} ${manifest.module.version})`
        : '';
      process.stdout.write(
        `rdp-rescue ${manifest.version}${module}: ${manifest.scenarios.length} scenarios, ` +
          `${manifest.artifacts.length} artifacts, ${signedNote} -> ${opts.out}\n` +
          (nupkg ? `package: ${nupkg.path}\n` : ''),
      );
    });

  cli
    .command('list')
    .description(
      "print every scenario (built-in and the team's) with its event IDs, checks and fixes",
    )
    .option('--catalog <dir>', 'catalog folder (default: the built-in catalog)')
    .option('--scenarios <dir|file>', "a team's scenario files; repeatable", collect)
    .option('--json', 'print JSON for scripts')
    .action(async (opts: { catalog?: string; scenarios?: string[]; json?: boolean }) => {
      const team = await loadTeamCatalog({
        scenarios: opts.scenarios ?? [],
        ...(opts.catalog ? { catalogDir: resolve(opts.catalog) } : {}),
      });
      const rows = listScenarios(team.catalog, team.origins);
      process.stdout.write(opts.json ? JSON.stringify(rows, null, 2) + '\n' : renderListing(rows));
    });

  cli
    .command('new')
    .description('write a typed starter file')
    .argument('<what>', 'what to create: scenario')
    .argument('<id>', 'its id (lower-case kebab-case)')
    .option('--dir <dir>', 'folder to write it into', '.')
    .action(async (what: string, id: string, opts: { dir: string }) => {
      if (what !== 'scenario') throw new UsageError(`cannot create '${what}': only 'scenario'`);
      try {
        const path = await writeStarterScenario(id, resolve(opts.dir));
        process.stdout.write(`wrote ${path}\n`);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
    });
  return cli;
}

interface BuildCliOptions {
  out: string;
  catalog?: string;
  scenarios?: string[];
  pack?: boolean;
  config?: string;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    if (
      error instanceof CatalogError ||
      error instanceof UsageError ||
      error instanceof TypeCheckError ||
      error instanceof ConfigError ||
      error instanceof SigningInputError
    ) {
      process.stderr.write(`rdp-rescue: ${error.message}\n`);
      return EXIT.badInput;
    }
    process.stderr.write(`rdp-rescue: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failure;
  }
}
