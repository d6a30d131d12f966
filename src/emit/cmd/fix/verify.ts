import type { Check, CheckOf, Comparison, WindowsPath } from '../../../model/index.ts';
import { assertNever } from '../../../model/index.ts';
import {
  Name,
  defined,
  equals,
  errorlevel,
  id,
  nameOf,
  not,
  qt,
  quiet,
  run,
  seq,
  set,
  text,
  when,
  ref,
  type Command,
  type Condition,
  type Part,
} from '../syntax/index.ts';
import { bootEntryVerification } from '../boot-entry.ts';
import { registryKey, type FixContext } from './context.ts';
import { firewallVerification } from './firewall.ts';
import { SERVICES, serviceConfigConditions, serviceConfigValue } from '../checks-service-config.ts';
import { whenAll } from '../checks.ts';
import { readListenerVerdict, readRdpPort, readServicePid, readServiceRunning } from './reads.ts';
import { readValue, registryText } from './registry.ts';

/**
 * A fix's verification: the check run again after the change, on values read now (never a
 * value read before the fix or by the diagnosis), in lines of its own.
 */
export interface Verification {
  lines: Command[];
  fired: Condition;
  quiet: Condition;
  /** When neither: the check could not run (a probe without PowerShell). */
  unknown?: Condition;
}

/** Exit code a PowerShell probe uses for "fired"; 0 is quiet, anything else could not run. */
const PS_FIRED = 3;

export function comparison(
  read: Name,
  firesWhen: Comparison,
): { fired: Condition; quiet: Condition; lines?: Command[] } {
  const expected = (value: number | string) =>
    typeof value === 'number' ? registryText('REG_DWORD', value) : `REG_SZ:${value}`;
  switch (firesWhen.op) {
    case 'equals': {
      const fired = equals([ref(read)], expected(firesWhen.value));
      return { fired, quiet: not(fired) };
    }
    case 'not-equals': {
      // Present and different, as in the module: an absent value does not fire.
      const verdict = Name.generated('value verdict');
      const same = equals([ref(read)], expected(firesWhen.value));
      return {
        lines: [seq(set(verdict, 'Q'), when(defined(read), when(not(same), set(verdict, 'F'))))],
        fired: equals([ref(verdict)], 'F'),
        quiet: equals([ref(verdict)], 'Q'),
      };
    }
    case 'absent':
      return { fired: not(defined(read)), quiet: defined(read) };
    case 'none-of': {
      // Absent or none of the values: fired; one of them read back: quiet.
      const verdict = Name.generated('value verdict');
      return {
        lines: [
          seq(
            set(verdict, 'F'),
            ...firesWhen.values.map((value) =>
              when(equals([ref(read)], expected(value)), set(verdict, 'Q')),
            ),
          ),
        ],
        fired: equals([ref(verdict)], 'F'),
        quiet: equals([ref(verdict)], 'Q'),
      };
    }
    case 'present':
      return { fired: defined(read), quiet: not(defined(read)) };
    default:
      return assertNever(firesWhen);
  }
}

/** The effective value: the policy value, when present, wins over the local one. */
function registryValue(check: CheckOf<'registry-value'>, ctx: FixContext): Verification {
  const local = Name.generated(`${check.name} read back`);
  const lines = readValue(registryKey(check.key, ctx.scope), check.name, local);
  const { lines: judge = [], ...outcome } = comparison(local, check.firesWhen);
  if (!check.policy) return { lines: [...lines, ...judge], ...outcome };
  const policy = Name.generated(`${check.policy.name} policy read back`);
  return {
    lines: [
      ...lines,
      ...readValue([id(check.policy.key)], check.policy.name, policy),
      when(defined(policy), set(local, [ref(policy)])),
      ...judge,
    ],
    ...outcome,
  };
}

/** A service's state read now: its PID from tasklist, its start type from its key. */
function serviceState(check: CheckOf<'service-state'>, ctx: FixContext): Verification {
  switch (check.firesWhen) {
    case 'not-running': {
      const state = Name.generated(`${check.service} state read back`);
      const running = equals([ref(state)], '4');
      return {
        lines: readServiceRunning(state, check.service),
        fired: not(running),
        quiet: running,
      };
    }
    case 'disabled':
    case 'missing': {
      const start = Name.generated(`${check.service} start read back`);
      const key = registryKey(
        `HKLM\\SYSTEM\\CurrentControlSet\\Services\\${check.service}`,
        ctx.scope,
      );
      return {
        lines: readValue(key, 'Start', start),
        ...comparison(
          start,
          check.firesWhen === 'disabled' ? { op: 'equals', value: 4 } : { op: 'absent' },
        ),
      };
    }
    default:
      return assertNever(check.firesWhen);
  }
}

/**
 * A PowerShell probe that exits 0 (quiet) or 3 (fired); anything else (9009: no PowerShell)
 * leaves X. Its exit code is read by ifs without else (which Wine misreads after an &): Q on
 * the probe's own line, F on the next, where ERRORLEVEL is still the probe's unless the Q
 * was set (a successful set clears ERRORLEVEL in a .cmd file: then it is 0 anyway).
 */
function probe(script: Part[], guard?: Condition): Verification {
  const code = Name.generated('probe result');
  const guarded = (command: Command) => (guard ? when(guard, command) : command);
  const lines = [
    seq(
      guard && set(code, 'Q'),
      guarded(
        seq(
          set(code, 'X'),
          run(['powershell', '-nop', '-noni', '-c', qt(...script)], quiet),
          when(not(errorlevel(1)), set(code, 'Q')),
        ),
      ),
    ),
    guarded(when(errorlevel(PS_FIRED), when(not(errorlevel(PS_FIRED + 1)), set(code, 'F')))),
  ];
  return {
    lines,
    fired: equals([ref(code)], 'F'),
    quiet: equals([ref(code)], 'Q'),
    unknown: equals([ref(code)], 'X'),
  };
}

function rdpListener(check: CheckOf<'rdp-listener'>): Verification {
  const port = Name.generated('RDP port');
  const pid = Name.generated(`${check.service} PID`);
  const result = Name.generated('listener result');
  return {
    lines: [
      ...readRdpPort(port, check.portKey, check.portName, check.defaultPort),
      ...readServicePid(pid, check.service),
      ...readListenerVerdict(port, pid, result),
    ],
    fired: equals([ref(result)], 'F'),
    quiet: equals([ref(result)], 'Q'),
  };
}

/** A WindowsPath as a PowerShell expression (environment variables: no % in the probe). */
function psPath(path: WindowsPath, ctx: FixContext): string {
  if (ctx.scope.kind !== 'online') throw new Error('PowerShell probes run on the VM itself only');
  return `($env:${path.root}+'\\${path.sub}')`;
}

function folderAcl(check: CheckOf<'folder-acl'>, ctx: FixContext): Verification {
  const tests = check.requiredAces.map((ace) =>
    ace.target === 'folder'
      ? `(t $p '${ace.sid}' ${ace.mask})`
      : `@(dir -LiteralPath $p -Force -Filter '${ace.target.filesStartingWith}*'|?{-not (t $_.FullName '${ace.sid}' ${ace.mask})}).Count -eq 0`,
  );
  const script =
    `function t($f,$s,$m){[bool]((Get-Acl -LiteralPath $f).GetAccessRules(1,1,[Security.Principal.SecurityIdentifier])|?{$_.AccessControlType -eq 0 -and $_.IdentityReference.Value -eq $s -and ($_.FileSystemRights -band $m) -eq $m})};` +
    `$p=${psPath(check.path, ctx)};` +
    `if((${tests.join(') -and (')})){exit 0};exit ${PS_FIRED}`;
  return probe([text(script)]);
}

function certificateBinding(check: CheckOf<'certificate-binding'>, ctx: FixContext): Verification {
  const hash = Name.generated(`${check.name} read back`);
  const stores = check.stores.map((st) => `'Cert:\\LocalMachine\\${st}'`).join(',');
  const result = probe(
    [
      text(`if(dir ${stores}|?{('REG_BINARY:'+$_.Thumbprint) -eq $env:`),
      nameOf(hash),
      text(` -and $_.NotAfter -gt (Get-Date) -and $_.HasPrivateKey}){exit 0};exit ${PS_FIRED}`),
    ],
    defined(hash),
  );
  return {
    ...result,
    lines: [...readValue(registryKey(check.key, ctx.scope), check.name, hash), ...result.lines],
  };
}

/** Start or ObjectName read now; fired when it is there and not the default. */
function serviceConfig(check: CheckOf<'service-config'>, ctx: FixContext): Verification {
  const read = Name.generated(`${check.service} config read back`);
  const verdict = Name.generated(`${check.service} config verdict`);
  const key = registryKey(`${SERVICES}\\${check.service}`, ctx.scope);
  const { fired } = serviceConfigConditions(read, check);
  return {
    lines: [
      ...readValue(key, serviceConfigValue(check).name, read),
      seq(set(verdict, 'Q'), whenAll(fired, set(verdict, 'F'))),
    ],
    fired: equals([ref(verdict)], 'F'),
    quiet: equals([ref(verdict)], 'Q'),
  };
}

export function verification(check: Check, ctx: FixContext): Verification {
  switch (check.kind) {
    case 'registry-value':
      return registryValue(check, ctx);
    case 'rdp-listener':
      return rdpListener(check);
    case 'service-state':
      return serviceState(check, ctx);
    case 'certificate-store':
      return probe([
        text(
          `if(dir 'Cert:\\LocalMachine\\${check.store}'|?{$_.NotAfter -gt (Get-Date) -and $_.HasPrivateKey}){exit 0};exit ${PS_FIRED}`,
        ),
      ]);
    case 'certificate-binding':
      return certificateBinding(check, ctx);
    case 'folder-acl':
      return folderAcl(check, ctx);
    case 'boot-entry':
      return bootEntryVerification(check);
    case 'firewall-rule':
    case 'firewall-inbound-blocked':
    case 'firewall-port-allowed':
      return firewallVerification(check);
    case 'service-config':
      return serviceConfig(check, ctx);
    default:
      throw new Error(`a fix cannot verify a ${check.kind} check in CMD`);
  }
}
