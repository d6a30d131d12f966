/**
 * The string-built check renderers, kept only for the fix path (fixes.ts, operations.ts)
 * until it moves onto the CMD syntax tree; the diagnosis uses checks.ts. Delete this file
 * when nothing imports it.
 */
import type { Check, CheckKind, CheckOf, Comparison, WindowsPath } from '../../model/index.ts';
import { assertNever } from '../../model/index.ts';
import { quote, readKey, readRegistry, registryKey, type ScriptBuilder } from './context.ts';
import { lit, v } from './script.ts';

/**
 * How a rendered check reports: conditions (`if ...` prefixes) that hold when the check fired,
 * stayed quiet, or could not run. The lines that set them up are already in the builder.
 */
export interface CheckOutcome {
  fired: string;
  quiet: string;
  failed?: string;
  /** Evidence detail for the report ("=<detail>"), as CMD text expanded when printed. */
  detail?: string;
  /** A variable the lines left holding F (fired), Q (quiet) or X (failed), when there is one. */
  letter?: string;
  /** Several such variables: the check fired when any is F, and all are X when it failed. */
  letters?: string[];
}

type CheckRenderer<K extends CheckKind> = (check: CheckOf<K>, s: ScriptBuilder) => CheckOutcome;

/** Exit code a PowerShell probe uses for "fired"; 0 is quiet, anything else failed. */
const PS_FIRED = 3;

/** The variable holding a value's effective text: the policy value when present wins. */
function effectiveValue(
  s: ScriptBuilder,
  key: string,
  name: string,
  policy?: { key: string; name: string },
): string {
  if (/\s/.test(name)) throw new Error(`CMD cannot read value names with spaces: ${name}`);
  const local = `${readKey(s, registryKey(key, s.scope))}_${name}`;
  if (!policy) return local;
  const effective = s.fresh('_V');
  const fromPolicy = `${readKey(s, policy.key)}_${policy.name}`;
  s.add(
    `set ${effective}=&if defined ${local} set ${effective}=%${local}%`,
    `if defined ${fromPolicy} set ${effective}=%${fromPolicy}%`,
  );
  return effective;
}

function comparison(variable: string, firesWhen: Comparison): CheckOutcome {
  const text = (value: number | string) =>
    typeof value === 'number' ? `REG_DWORD:0x${value.toString(16)}` : `REG_SZ:${value}`;
  switch (firesWhen.op) {
    case 'equals':
      return {
        fired: `if "%${variable}%"==${lit(`"${text(firesWhen.value)}"`)}`,
        quiet: `if not "%${variable}%"==${lit(`"${text(firesWhen.value)}"`)}`,
      };
    case 'not-equals':
      return {
        fired: `if not "%${variable}%"==${lit(`"${text(firesWhen.value)}"`)}`,
        quiet: `if "%${variable}%"==${lit(`"${text(firesWhen.value)}"`)}`,
      };
    case 'absent':
      return { fired: `if not defined ${variable}`, quiet: `if defined ${variable}` };
    case 'present':
      return { fired: `if defined ${variable}`, quiet: `if not defined ${variable}` };
    default:
      return assertNever(firesWhen);
  }
}

/**
 * Runs a PowerShell probe that exits 0 (quiet) or 3 (fired); any other code (9009: no
 * PowerShell) means failed. The code is read in the same line by nested ifs (the else binds
 * to the inner one), since a successful `set` clears ERRORLEVEL in a .cmd file.
 */
function powershellProbe(s: ScriptBuilder, script: string, guard = ''): CheckOutcome {
  if (/["%]/.test(script)) throw new Error(`PowerShell probe must not contain " or %: ${script}`);
  const code = s.fresh('_C');
  const run =
    `set ${code}=X&powershell -nop -noni -c ${lit(`"${script}"`)} >nul 2>&1` +
    `&if not errorlevel ${PS_FIRED + 1} if errorlevel ${PS_FIRED} (set ${code}=F) else if not errorlevel 1 set ${code}=Q`;
  s.add(guard ? `set ${code}=Q&${guard}(${run})` : run);
  return letterOutcome(code);
}

/** Conditions on a variable holding F, Q or X. */
function letterOutcome(letter: string): CheckOutcome {
  return {
    letter,
    fired: `if %${letter}%==F`,
    quiet: `if %${letter}%==Q`,
    failed: `if %${letter}%==X`,
  };
}

/** The PID of a running service, or "?" (tasklist's CSV columns are language-neutral). */
export function servicePid(s: ScriptBuilder, service: string): string {
  return s.fact(
    `pid:${service}`,
    (name) => [
      `set ${name}=?&for /f ${lit('"tokens=2 delims=,"')} ${v('a')} in ('tasklist /svc /fo csv /nh /fi "SERVICES eq ${service}" ^| find ${lit('".exe"')}') do set ${name}=${v('a', '~')}`,
    ],
    '_P',
  );
}

/** The configured RDP port (decimal), the default when the value is absent. */
export function rdpPort(s: ScriptBuilder, key: string, name: string, defaultPort: number): string {
  return s.fact(
    `port:${key}\\${name}`,
    (port) => {
      const raw = `${readKey(s, registryKey(key, s.scope))}_${name}`;
      return [`set ${port}=${defaultPort}&if defined ${raw} set /a ${port}=%${raw}:*:=% >nul`];
    },
    '_R',
  );
}

/** The PID listening on TCP <port> (matched on numbers: the state word is localized), or "-". */
export function listenerPid(s: ScriptBuilder, port: string): string {
  return s.fact(
    `listener:${port}`,
    (name) => [
      `set ${name}=-&for /f ${lit('"tokens=1,3,5"')} ${v('a')} in ('netstat -ano ^| find ":%${port}% "') do if ${v('a')}==${lit('TCP')} for ${v('x')} in (${lit('0.0.0.0:0 [::]:0')}) do if ${v('b')}==${v('x')} set ${name}=${v('c')}`,
    ],
    '_L',
  );
}

/** Where a channel's events are kept while the diagnosis runs (deleted at its end). */
export function eventFile(variable: string): string {
  return `%TEMP%\\rdprescue${variable}.xml`;
}

/**
 * One wevtutil query per channel covering every event check of the script, then for every
 * event id asked of it <channel variable>_<id>: F when the answer holds one, else Q, or X
 * when the query failed. The answer file exists even then (the redirection made it).
 */
function eventFlags(s: ScriptBuilder, channel: string): string {
  return s.fact(
    `channel:${channel}`,
    (n) => {
      const checks = s.eventChecks.filter((c) => c.channel === channel);
      const ids = [...new Set(checks.flatMap((c) => c.eventIds))];
      const file = `"${eventFile(n)}"`;
      const query = `wevtutil qe ${lit(quote(channel))} /q:${lit(`"${channelXPath(checks)}"`)} /rd:true /f:xml >${file} 2>nul`;
      const find = (id: string, flag: string) =>
        `find ${lit('">')}${id}${lit('</EventID>"')} <${file} >nul&if not errorlevel 1 set ${flag}=F`;
      if (ids.length === 1) {
        const flag = `${n}_${ids[0]}`;
        return [
          `set ${flag}=X&${query}&if not errorlevel 1 (set ${flag}=Q&${find(String(ids[0]), flag)})`,
        ];
      }
      const i = v('i');
      return [
        `set ${n}=X&${query}&if not errorlevel 1 set ${n}=Q`,
        `for ${i} in (${ids.join(' ')}) do (set ${n}_${i}=%${n}%&${find(i, `${n}_${i}`)})`,
      ];
    },
    '_E',
  );
}

function ids(eventIds: readonly number[]): string {
  const list = eventIds.map((id) => `EventID=${id}`).join(' or ');
  return eventIds.length > 1 ? `(${list})` : list;
}

/** `*[System[(Provider[@Name='P'] and (EventID=1 or ...)) or ...] and ...]`, window included. */
export function channelXPath(checks: readonly EventQueryCheck[]): string {
  const seen = new Map<number, string>();
  for (const c of checks) {
    if (c.dataConditions.length > 0)
      throw new Error(`check '${c.id}': CMD diagnosis does not support dataConditions yet`);
    for (const id of c.eventIds) {
      const other = seen.get(id);
      if (other && other !== c.provider)
        throw new Error(
          `channel ${c.channel}: event ${id} of two providers cannot be told apart by CMD`,
        );
      seen.set(id, c.provider);
    }
  }
  const byProvider = new Map<string, { ids: Set<number>; hours: number }>();
  for (const c of checks) {
    const entry = byProvider.get(c.provider) ?? { ids: new Set<number>(), hours: 0 };
    c.eventIds.forEach((id) => entry.ids.add(id));
    entry.hours = Math.max(entry.hours, c.windowHours);
    byProvider.set(c.provider, entry);
  }
  const hours = new Set([...byProvider.values()].map((e) => e.hours));
  const window = (h: number) => `TimeCreated[timediff(@SystemTime) <= ${h * 3600000}]`;
  const branches = [...byProvider].map(
    ([provider, e]) =>
      `Provider[@Name='${provider}'] and ${ids([...e.ids].sort((a, b) => a - b))}` +
      (hours.size > 1 ? ` and ${window(e.hours)}` : ''),
  );
  const providers =
    branches.length > 1 ? branches.map((b) => `(${b})`).join(' or ') : (branches[0] ?? '');
  const common = hours.size === 1 ? ` and ${window([...hours][0]!)}` : '';
  return branches.length > 1 && common
    ? `*[System[(${providers})${common}]]`
    : `*[System[${providers}${common}]]`;
}

type EventQueryCheck = CheckOf<'event-query'>;

/** A WindowsPath as a PowerShell expression (environment variables, never % in the probe). */
function psPath(path: WindowsPath, s: ScriptBuilder): string {
  if (s.scope.kind !== 'online') throw new Error('PowerShell probes run on the VM itself only');
  return `($env:${path.root}+'\\${path.sub}')`;
}

const renderers: { [K in CheckKind]: CheckRenderer<K> } = {
  'event-query': (check, s) => {
    const flags = eventFlags(s, check.channel);
    const letters = check.eventIds.map((id) => `${flags}_${id}`);
    const all = letters.map((l) => `%${l}%`).join('');
    return {
      letters,
      // One channel answers for all of them: every flag is X, or each is F or Q.
      fired: `if not "${all}"=="${'Q'.repeat(letters.length)}" if not "%${letters[0]}%"=="X"`,
      quiet: `if "${all}"=="${'Q'.repeat(letters.length)}"`,
      failed: `if "%${letters[0]}%"=="X"`,
    };
  },
  'registry-value': (check, s) =>
    comparison(effectiveValue(s, check.key, check.name, check.policy), check.firesWhen),
  'service-state': (check, s) => {
    switch (check.firesWhen) {
      case 'not-running': {
        const pid = servicePid(s, check.service);
        return { fired: `if "%${pid}%"=="?"`, quiet: `if not "%${pid}%"=="?"` };
      }
      case 'disabled': {
        const start = effectiveValue(
          s,
          `HKLM\\SYSTEM\\CurrentControlSet\\Services\\${check.service}`,
          'Start',
        );
        return comparison(start, { op: 'equals', value: 4 });
      }
      case 'missing': {
        const start = effectiveValue(
          s,
          `HKLM\\SYSTEM\\CurrentControlSet\\Services\\${check.service}`,
          'Start',
        );
        return comparison(start, { op: 'absent' });
      }
      default:
        return assertNever(check.firesWhen);
    }
  },
  'rdp-listener': (check, s) => {
    const port = rdpPort(s, check.portKey, check.portName, check.defaultPort);
    const owner = listenerPid(s, port);
    const pid = servicePid(s, check.service);
    return {
      fired: `if not "%${owner}%"=="%${pid}%"`,
      quiet: `if "%${owner}%"=="%${pid}%"`,
      detail: `%${port}%:%${owner}%`,
    };
  },
  // The stores live in the registry, but validity (expiry) needs PowerShell's date logic.
  'certificate-store': (check, s) =>
    powershellProbe(
      s,
      `if(dir 'Cert:\\LocalMachine\\${check.store}'|?{$_.NotAfter -gt (Get-Date)}){exit 0};exit ${PS_FIRED}`,
    ),
  'certificate-binding': (check, s) => {
    const hash = `${readKey(s, registryKey(check.key, s.scope))}_${check.name}`;
    const stores = check.stores.map((st) => `'Cert:\\LocalMachine\\${st}'`).join(',');
    const probe = powershellProbe(
      s,
      `if(dir ${stores}|?{('REG_BINARY:'+$_.Thumbprint) -eq $env:${hash} -and $_.NotAfter -gt (Get-Date)}){exit 0};exit ${PS_FIRED}`,
      `if defined ${hash} `,
    );
    return probe;
  },
  'folder-acl': (check, s) => {
    const tests = check.requiredAces.map((ace) =>
      ace.target === 'folder'
        ? `(t $p '${ace.sid}' ${ace.mask})`
        : `@(dir -LiteralPath $p -Force -Filter '${ace.target.filesStartingWith}*'|?{-not (t $_.FullName '${ace.sid}' ${ace.mask})}).Count -eq 0`,
    );
    const script =
      `function t($f,$s,$m){[bool]((Get-Acl -LiteralPath $f).GetAccessRules(1,1,[Security.Principal.SecurityIdentifier])|?{$_.AccessControlType -eq 0 -and $_.IdentityReference.Value -eq $s -and ($_.FileSystemRights -band $m) -eq $m})};` +
      `$p=${psPath(check.path, s)};` +
      `if((${tests.join(') -and (')})){exit 0};exit ${PS_FIRED}`;
    return powershellProbe(s, script);
  },
  'windows-feature': (check, s) => {
    const present = s.fresh('_W');
    s.add(
      `set ${present}=Q&reg query "HKLM\\SYSTEM\\CurrentControlSet\\Services\\${check.indicatorService}" /v Start >nul 2>&1&if not errorlevel 1 set ${present}=F`,
    );
    const { fired, quiet } = letterOutcome(present);
    return { letter: present, fired, quiet };
  },
};

/** Renders a check's lines into the builder and returns how to read its outcome. */
export function renderCheck(check: Check, s: ScriptBuilder): CheckOutcome {
  return (renderers[check.kind] as CheckRenderer<CheckKind>)(check, s);
}
