import { Command, CommanderError } from 'commander';
import { resolve } from 'node:path';
import { build, toolVersion } from './build/build.ts';
import { CatalogError } from './model/index.ts';

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
    .action(async (opts: { out: string; catalog?: string }) => {
      const { manifest } = await build({
        out: resolve(opts.out),
        ...(opts.catalog ? { catalogDir: resolve(opts.catalog) } : {}),
      });
      const signedNote = manifest.signed ? 'signed' : 'unsigned (no certificate given)';
      process.stdout.write(
        `rdp-rescue ${manifest.version}: ${manifest.scenarios.length} scenarios, ` +
          `${manifest.artifacts.length} artifacts, ${signedNote} -> ${opts.out}\n`,
      );
    });
  return cli;
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
    if (error instanceof CatalogError || error instanceof UsageError) {
      process.stderr.write(`rdp-rescue: ${error.message}\n`);
      return EXIT.badInput;
    }
    process.stderr.write(`rdp-rescue: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failure;
  }
}
