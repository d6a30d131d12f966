import type { Check, CheckKind, CheckOf, Comparison, WindowsPath } from '../../model/index.ts';
import { assertNever } from '../../model/index.ts';
import { bootEntryOutcome } from './boot-entry.ts';
import { FIREWALL_CMD_RENDERERS } from './firewall-checks.ts';
import {
  eventDataFlag,
  eventFlags,
  letterIs,
  listenerPid,
  portListeners,
  rdpPort,
  registryValue,
  servicePid,
  serviceRunning,
  type Reads,
} from './reads/index.ts';
import { renderUserRightCheck } from './user-right-check.ts';
import { renderServiceConfig } from './checks-service-config.ts';
import { rdshServerModeOutcome } from './rdsh-server-mode.ts';
import { fileVersionProbe } from './checks-file-version.ts';
import {
  ForVar,
  Name,
  clear,
  errToNul,
  forCommand,
  forRef,
  defined,
  equals,
  errorlevel,
  nameOf,
  not,
  q,
  qt,
  quiet,
  ref,
  run,
  seq,
  set,
  text,
  when,
  type Command,
  type Condition,
  type Part,
  type Word,
} from './syntax/index.ts';

export { listenerPid, rdpPort, servicePid };

/**
 * How a rendered check reports: conditions that all hold when the check fired, stayed
 * quiet, or could not run. The commands that set them up are already in the Reads.
 */
export interface CheckOutcome {
  fired: Condition[];
  quiet: Condition[];
  failed?: Condition[];
  /** Evidence detail for the report ("=<detail>"), expanded when the report is made. */
  detail?: Word;
  /** A variable the commands left holding the fired, quiet or failed letter (r.outcome). */
  letter?: Name;
  /** Several such variables: the check fired when any is fired, and all are failed when it failed. */
  letters?: Name[];
}

/** `if a if b ... command`: every condition must hold. */
export function whenAll(conditions: readonly Condition[], command: Command): Command {
  return conditions.reduceRight<Command>((body, condition) => when(condition, body), command);
}

type CheckRenderer<K extends CheckKind> = (check: CheckOf<K>, r: Reads) => CheckOutcome;

/** The variable holding a value's effective text: the policy value when present wins. */
function effectiveValue(
  r: Reads,
  key: string,
  name: string,
  policy?: { key: string; name: string },
): Name {
  const local = registryValue(r, key, name);
  if (!policy) return local;
  return r.fact(`effective:${key}\\${name}:${policy.key}\\${policy.name}`, () => {
    const fromPolicy = registryValue(r, policy.key, policy.name);
    const effective = Name.generated(`effective ${name}`);
    return {
      value: effective,
      commands: [
        seq(
          clear(effective),
          when(defined(local), set(effective, [ref(local)])),
          when(defined(fromPolicy), set(effective, [ref(fromPolicy)])),
        ),
      ],
    };
  });
}

/** What reg query prints for a value of this data, after the diagnosis's "<TYPE>:". */
function registryText(value: number | string): string {
  return typeof value === 'number' ? `REG_DWORD:0x${value.toString(16)}` : `REG_SZ:${value}`;
}

function comparison(variable: Name, firesWhen: Comparison, r: Reads): CheckOutcome {
  switch (firesWhen.op) {
    case 'equals': {
      const same = equals([ref(variable)], registryText(firesWhen.value));
      return { fired: [same], quiet: [not(same)] };
    }
    case 'not-equals': {
      // Present and different, as in the module: an absent value does not fire.
      const same = equals([ref(variable)], registryText(firesWhen.value));
      return { fired: [defined(variable), not(same)], quiet: [same] };
    }
    case 'absent':
      return { fired: [not(defined(variable))], quiet: [defined(variable)] };
    case 'present':
      return { fired: [defined(variable)], quiet: [not(defined(variable))] };
    case 'none-of': {
      // Fired unless one of the values is found (an absent value fires too).
      const letter = r.outcome;
      r.add(
        seq(
          set(letter, r.letters.fired),
          ...firesWhen.values.map((value) =>
            when(equals([ref(variable)], registryText(value)), set(letter, r.letters.quiet)),
          ),
        ),
      );
      const { fired, quiet: stayedQuiet } = letterOutcome(r, letter);
      return { letter, fired, quiet: stayedQuiet };
    }
    default:
      return assertNever(firesWhen);
  }
}

/** Conditions on a variable holding the fired, quiet or failed letter. */
function letterOutcome(r: Reads, letter: Name): CheckOutcome {
  return {
    letter,
    fired: [letterIs(r, letter, 'fired')],
    quiet: [letterIs(r, letter, 'quiet')],
    failed: [letterIs(r, letter, 'failed')],
  };
}

/**
 * Runs a PowerShell probe that prints the quiet letter when `ok` holds and the fired one
 * otherwise; no answer (no PowerShell, an error) leaves the failed letter. `for /f` keeps the
 * last line printed, so a warning before the answer does not count.
 */
export function powershellProbe(
  r: Reads,
  setup: readonly Part[],
  ok: readonly Part[],
  guard?: Condition,
): CheckOutcome {
  for (const part of [...setup, ...ok])
    if (part.kind === 'text' && /["%]/.test(part.value))
      throw new Error(`PowerShell probe must not contain " or %: ${part.value}`);
  const { fired, quiet: stayedQuiet, failed } = r.letters;
  const code = r.outcome;
  const a = new ForVar('a');
  const script = qt(
    ...setup,
    text('if('),
    ...ok,
    text("){'"),
    ...stayedQuiet,
    text("'}else{'"),
    ...fired,
    text("'}"),
  );
  const probe = seq(
    set(code, failed),
    forCommand(
      a,
      undefined,
      run(['powershell', '-nop', '-noni', '-c', script], [errToNul]),
      set(code, [forRef(a)]),
    ),
  );
  r.add(guard ? seq(set(code, stayedQuiet), when(guard, probe)) : probe);
  return letterOutcome(r, code);
}

/** A WindowsPath as a PowerShell expression (environment variables, never % in the probe). */
function psPath(path: WindowsPath): string {
  return `($env:${path.root}+'\\${path.sub}')`;
}

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';

const renderers: { [K in CheckKind]: CheckRenderer<K> } = {
  'event-query': (check, r) => {
    if (check.dataConditions.length > 0) return letterOutcome(r, eventDataFlag(r, check));
    if (check.auditedBy)
      throw new Error(
        `check '${check.id}': CMD reads the audit policy only for checks with data conditions`,
      );
    const flags = eventFlags(r, check.channel);
    const letters = check.eventIds.map((id) => flags.get(id)!);
    const all = letters.map((l) => ref(l));
    const allQuiet = equals(
      all,
      letters.flatMap(() => r.letters.quiet),
      { ignoreCase: true },
    );
    // One channel answers for all of them: every flag is failed, or each fired or quiet.
    return {
      letters,
      fired: [not(allQuiet), not(letterIs(r, letters[0]!, 'failed'))],
      quiet: [allQuiet],
      failed: [letterIs(r, letters[0]!, 'failed')],
    };
  },
  'registry-value': (check, r) =>
    comparison(effectiveValue(r, check.key, check.name, check.policy), check.firesWhen, r),
  'service-state': (check, r) => {
    switch (check.firesWhen) {
      case 'not-running': {
        const running = equals([ref(serviceRunning(r, check.service))], '4');
        return { fired: [not(running)], quiet: [running] };
      }
      case 'disabled':
        return comparison(
          effectiveValue(r, `${SERVICES}\\${check.service}`, 'Start'),
          { op: 'equals', value: 4 },
          r,
        );
      case 'missing':
        return comparison(
          effectiveValue(r, `${SERVICES}\\${check.service}`, 'Start'),
          { op: 'absent' },
          r,
        );
      default:
        return assertNever(check.firesWhen);
    }
  },
  'rdp-listener': (check, r) => {
    const port = rdpPort(r, check.portKey, check.portName, check.defaultPort);
    const { other } = portListeners(r, port, check.service);
    // Fires only when another PID listens: nothing listening is no conflict (other scenarios
    // say why TermService does not listen).
    const noOther = equals([ref(other)], '-');
    return {
      fired: [not(noOther)],
      quiet: [noOther],
      detail: [ref(port), text(':'), ref(other)],
    };
  },
  // The stores live in the registry, but validity (expiry) needs PowerShell. Expiry only: the
  // diagnosis's three pastes have no room for more (a private-key test makes it four); the
  // module, and the CMD fixes' verification, check the private key too.
  'certificate-store': (check, r) =>
    powershellProbe(
      r,
      [],
      [text(`dir 'Cert:\\LocalMachine\\${check.store}'|?{$_.NotAfter -gt (Get-Date)}`)],
    ),
  'certificate-binding': (check, r) => {
    const hash = registryValue(r, check.key, check.name);
    const stores = check.stores.map((st) => `'Cert:\\LocalMachine\\${st}'`).join(',');
    return powershellProbe(
      r,
      [],
      [
        text(`dir ${stores}|?{('REG_BINARY:'+$_.Thumbprint) -eq $env:`),
        nameOf(hash),
        text(` -and $_.NotAfter -gt (Get-Date)}`),
      ],
      defined(hash),
    );
  },
  'folder-acl': (check, r) => {
    // t: whether SID $s is allowed at least the rights $m on $f. Files are listed once per
    // prefix, and none of them may miss one of its ACEs.
    const test = (path: string, ace: { sid: string; mask: number }) =>
      `(t ${path} '${ace.sid}' ${ace.mask})`;
    const folder = check.requiredAces.filter((ace) => ace.target === 'folder');
    const prefixes = [
      ...new Set(
        check.requiredAces.flatMap((ace) =>
          ace.target === 'folder' ? [] : [ace.target.filesStartingWith],
        ),
      ),
    ];
    const tests = [
      ...folder.map((ace) => test('$p', ace)),
      ...prefixes.map((prefix) => {
        const aces = check.requiredAces.filter(
          (ace) => ace.target !== 'folder' && ace.target.filesStartingWith === prefix,
        );
        const all = aces.map((ace) => test('$_.FullName', ace)).join(' -and ');
        return `-not(dir -LiteralPath $p -Force -Filter '${prefix}*'|?{-not(${all})})`;
      }),
    ];
    const setup =
      `function t($f,$s,$m){(Get-Acl -LiteralPath $f).GetAccessRules(1,1,[Security.Principal.SecurityIdentifier])|?{$_.AccessControlType -eq 0 -and $_.IdentityReference.Value -eq $s -and ($_.FileSystemRights -band $m) -eq $m}};` +
      `$p=${psPath(check.path)};`;
    return powershellProbe(r, [text(setup)], [text(tests.join(' -and '))]);
  },
  'service-config': renderServiceConfig,
  'file-version': (check, r) => powershellProbe(r, ...fileVersionProbe(check)),
  'windows-feature': (check, r) => {
    const present = r.outcome;
    r.add(
      seq(
        set(present, r.letters.quiet),
        run(['reg', 'query', q(`${SERVICES}\\${check.indicatorService}`), '/v', 'Start'], quiet),
        when(not(errorlevel(1)), set(present, r.letters.fired)),
      ),
    );
    const { fired, quiet: stayedQuiet } = letterOutcome(r, present);
    return { letter: present, fired, quiet: stayedQuiet };
  },
  'user-right': renderUserRightCheck,
  'boot-entry': bootEntryOutcome,
  'rdsh-server-mode': rdshServerModeOutcome,
  ...FIREWALL_CMD_RENDERERS,
};

/** The registry keys a check reads values of (the Reads can then share loops among them). */
export function keysReadBy(check: Check): string[] {
  switch (check.kind) {
    case 'registry-value':
      return [check.key, ...(check.policy ? [check.policy.key] : [])];
    case 'service-state':
      return check.firesWhen === 'not-running' ? [] : [`${SERVICES}\\${check.service}`];
    case 'rdp-listener':
      return [check.portKey];
    case 'certificate-binding':
      return [check.key];
    case 'firewall-port-allowed':
      return [check.portKey];
    case 'service-config':
      return [`${SERVICES}\\${check.service}`];
    default:
      return [];
  }
}

/** The services whose running state a check reads (the diagnosis reads them in one loop). */
export function servicesRunningFor(check: Check): string[] {
  switch (check.kind) {
    case 'service-state':
      return check.firesWhen === 'not-running' ? [check.service] : [];
    default:
      return [];
  }
}

/** Renders a check's commands into the Reads and returns how to read its outcome. */
export function renderCheck(check: Check, r: Reads): CheckOutcome {
  return (renderers[check.kind] as CheckRenderer<CheckKind>)(check, r);
}
