import type { Catalog, Check, Fix } from '../../model/index.ts';
import { checksOf } from '../../model/index.ts';
import { renderCheck } from './legacy-checks.ts';
import { ScriptBuilder, type Scope } from './context.ts';
import { BACKUP_DIR, FAILED, paramVar, renderOperation, type Step } from './operations.ts';
import { lit } from './script.ts';

/** A fix rendered as steps, plus the lines every block repeats and the closing lines. */
export interface FixScript {
  fix: Fix;
  /** Repeated at the top of every block: backup folder, parameter checks. */
  header: string[];
  steps: Step[];
  /** Verification, result and the undo command: the last block only. */
  footer: string[];
  /** Set when parameters are valid; guards every step. */
  guard: string;
}

const OK = 'RR_OK';

function parameterHeader(fix: Fix): string[] {
  if (fix.parameters.length === 0) return [];
  const lines = [`set ${OK}=1`];
  for (const p of fix.parameters) {
    const name = paramVar(p.name);
    const usage = `if not defined ${name} (echo ${lit(`RDPRESCUE ${fix.id} needs: set`)} ${name}=${lit(`<${p.type}>`)}&set ${OK}=)`;
    lines.push(usage);
    if (p.type === 'port')
      lines.push(
        `if defined ${name} set /a RR_N=%${name}% >nul 2>&1&if defined ${name} if not "%RR_N%"=="%${name}%" set ${OK}=`,
        `if defined ${name} if %RR_N% LSS 1 set ${OK}=`,
        `if defined ${name} if %RR_N% GTR 65535 set ${OK}=`,
      );
    else
      lines.push(
        `if defined ${name} reg query "HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\My\\Certificates\\%${name}%" >nul 2>&1&if errorlevel 1 set ${OK}=`,
      );
  }
  lines.push(
    `if not defined ${OK} echo ${lit(`RDPRESCUE ${fix.id} NOT APPLIED: bad or missing parameter`)}`,
  );
  return lines;
}

/** Renders a fix in a scope; online fixes back up under %ProgramData%\RdpRescue\backup. */
export function fixScript(fix: Fix, catalog: Catalog, scope: Scope, backupRoot: string): FixScript {
  const s = new ScriptBuilder(scope);
  const header = [
    `set ${FAILED}=&set ${BACKUP_DIR}=${backupRoot}\\${lit(fix.id)}`,
    `if not exist "%${BACKUP_DIR}%" md "%${BACKUP_DIR}%"`,
    ...parameterHeader(fix),
  ];
  const guard = fix.parameters.length > 0 ? `if defined ${OK} ` : '';
  const steps: Step[] = [];
  for (const op of fix.operations) {
    for (const step of renderOperation(op, s)) {
      // Facts (a port read, a PID) are emitted into the builder; they belong to this step.
      const facts = s.lines.splice(0);
      const lines = [...facts, ...step.lines];
      if (lines.length > 0) steps.push({ lines: lines.map((l) => guard + l) });
    }
  }
  const checks = new Map<string, Check>(checksOf(catalog).map(({ check }) => [check.id, check]));
  const footer: string[] = [];
  if (scope.kind === 'online')
    for (const id of fix.verify.checks) {
      const check = checks.get(id);
      if (!check) throw new Error(`fix '${fix.id}': unknown verify check '${id}'`);
      const out = renderCheck(check, s);
      footer.push(...s.lines.splice(0).map((l) => guard + l));
      footer.push(
        `${guard}${out.fired} echo ${lit(`RDPRESCUE ${fix.id} verify ${id} still-fires`)}`,
      );
      footer.push(`${guard}${out.quiet} echo ${lit(`RDPRESCUE ${fix.id} verify ${id} ok`)}`);
    }
  footer.push(
    `${guard}if defined ${FAILED} (echo ${lit(`RDPRESCUE ${fix.id} FAILED`)}) else echo ${lit(`RDPRESCUE ${fix.id} applied`)}`,
    `${guard}echo ${lit('RDPRESCUE undo:')} call "%${BACKUP_DIR}%\\undo.cmd"`,
  );
  if (fix.effects.reboot)
    footer.push(`${guard}echo ${lit(`RDPRESCUE ${fix.id}: restart the VM to finish`)}`);
  return { fix, header, steps, footer, guard };
}

/**
 * Packs the steps into blocks that each fit `fits` (header repeated, footer in the last).
 * A block is safe to paste again because every step is.
 */
export function splitBlocks(script: FixScript, fits: (lines: string[]) => boolean): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [...script.header];
  let hasSteps = false;
  for (const step of script.steps) {
    const candidate = [...current, ...step.lines];
    if (fits(candidate) || !hasSteps) {
      current = candidate;
      hasSteps = true;
      continue;
    }
    blocks.push(current);
    current = [...script.header, ...step.lines];
  }
  const last = [...current, ...script.footer];
  if (fits(last) || !hasSteps) blocks.push(last);
  else blocks.push(current, [...script.header, ...script.footer]);
  return blocks;
}
