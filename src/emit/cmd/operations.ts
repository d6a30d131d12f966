import type { Operation, OperationKind, OperationOf, Value } from '../../model/index.ts';
import { listenerPid, rdpPort, servicePid } from './legacy-checks.ts';
import {
  quote,
  readRegistry,
  registryKey,
  registryText,
  windowsPath,
  type ScriptBuilder,
} from './context.ts';
import { lit, PCT, v } from './script.ts';

/**
 * One renderer per operation kind. A rendered operation is a list of steps; each step is a
 * few lines that are safe to paste again: its backup is taken only once (the first backup is
 * the state before RdpRescue touched anything), its change is idempotent, and its check
 * sets %RRF% when the machine does not read back as intended.
 *
 * Backups go to %RRB% (the fix's folder under %ProgramData%\RdpRescue\backup) and every
 * backup appends the commands that restore it to %RRB%\undo.cmd.
 */
export interface Step {
  lines: string[];
}

export const BACKUP_DIR = 'RRB';
export const FAILED = 'RRF';
const B = `%${BACKUP_DIR}%`;
const UNDO = `"${B}\\undo.cmd"`;

/** A line appended to undo.cmd (written when the backup is taken, expanded then). */
function undoLine(command: string): string {
  return `>>${UNDO} echo ${command.replace(/[&|<>()^]/g, '^$&')}`;
}

/** A parameter's CMD variable: set by the operator before pasting, or by the .cmd's argument. */
export function paramVar(name: string): string {
  return `RR_${name}`;
}

function value(data: Value): string {
  if (typeof data === 'object') return `%${paramVar(data.param)}%`;
  if (typeof data === 'number') return String(data);
  if (data.includes('%')) {
    if (/\s/.test(data)) throw new Error(`cannot write ${data} literally in CMD`);
    return lit(data.replace(/%/g, PCT));
  }
  return lit(`"${data}"`);
}

/** Undo for a key that did not exist: delete it, or its parent when the fix created both. */
function createdKey(key: string, ref: string): string {
  const parent = key.slice(0, key.lastIndexOf('\\'));
  return `reg query ${quote(parent)} >nul 2>&1&if errorlevel 1 (${undoLine(`reg delete ${quote(parent)} /f`)}) else ${undoLine(`reg delete ${quote(ref)} /f`)}`;
}

/**
 * A short variable for a long key path, set again in every step that uses it (a step may
 * be the first thing pasted in a new session).
 */
function keyAlias(s: ScriptBuilder, key: string): { ref: string; set: string } {
  const name = s.fact(`key-alias:${key}`, () => [], '_Q');
  return { ref: `%${name}%`, set: `set ${name}=${key}` };
}

/**
 * Backs up a key once (reg export, or a marker when it does not exist; only a fix that writes
 * values creates keys, so only then does undo delete one) and, per value the fix
 * writes, notes whether it existed: undo re-imports the key and deletes the values that were
 * not there before. Offline, the copy of the hive file is the backup.
 */
function keyBackup(s: ScriptBuilder, key: string, names: readonly string[]): Step {
  if (s.scope.kind === 'offline') return { lines: [] };
  const file = s.fact(`key-backup:${key}`, () => [], 'k');
  const reg = `"${B}\\${file}.reg"`;
  const { ref, set } = keyAlias(s, key);
  return {
    lines: [
      set,
      `if not exist "${B}\\${file}.*" (reg export ${quote(ref)} ${reg} /y >nul 2>&1&if errorlevel 1 (type nul>"${B}\\${file}.none"${names.length > 0 ? `&${createdKey(key, ref)}` : ''}) else ${undoLine(`reg import ${reg}`)})`,
      ...names.map(
        (n) =>
          `if not exist "${B}\\${file}-${n}.seen" (reg query ${quote(ref)} /v ${n} >nul 2>&1&if errorlevel 1 ${undoLine(`reg delete ${quote(ref)} /v ${n} /f`)})&type nul>"${B}\\${file}-${n}.seen"`,
      ),
    ],
  };
}

function verifyValue(s: ScriptBuilder, key: string, name: string, expected: string): string[] {
  const read = s.fresh('_V');
  return [
    ...readRegistry(key, name, read),
    `if not "%${read}%"==${lit(`"${expected}"`)} set ${FAILED}=1`,
  ];
}

function registrySet(op: OperationOf<'registry-set'>, s: ScriptBuilder): Step[] {
  const full = registryKey(op.key, s.scope);
  const { ref: key, set } = keyAlias(s, full);
  const data = value(op.data);
  const expected =
    typeof op.data === 'object'
      ? op.type === 'REG_DWORD'
        ? undefined
        : `${op.type}:%${paramVar(op.data.param)}%`
      : op.type === 'REG_EXPAND_SZ' || op.type === 'REG_BINARY'
        ? undefined
        : registryText(op.type, op.data);
  const check = expected
    ? verifyValue(s, key, op.name, expected)
    : [`reg query ${quote(key)} /v ${op.name} >nul 2>&1&if errorlevel 1 set ${FAILED}=1`];
  return [
    keyBackup(s, full, [op.name]),
    {
      lines: [
        set,
        `reg add ${quote(key)} /v ${op.name} /t ${op.type} /d ${data} /f >nul`,
        ...check,
      ],
    },
  ];
}

function registryDelete(op: OperationOf<'registry-delete'>, s: ScriptBuilder): Step[] {
  const full = registryKey(op.key, s.scope);
  const { ref: key, set } = keyAlias(s, full);
  return [
    keyBackup(s, full, [op.name]),
    {
      lines: [
        set,
        `reg delete ${quote(key)} /v ${op.name} /f >nul 2>&1`,
        `reg query ${quote(key)} /v ${op.name} >nul 2>&1&if not errorlevel 1 set ${FAILED}=1`,
      ],
    },
  ];
}

/** icacls /save keeps SDDL with SIDs (language-neutral); /restore applies it from the parent. */
function aclBackup(s: ScriptBuilder, path: string): Step {
  // Once per folder: the first save is the state before any change of this fix.
  if (s.known(`acl-backup:${path}`)) return { lines: [] };
  const file = s.fact(`acl-backup:${path}`, () => [], 'a');
  const saved = `"${B}\\${file}.acl"`;
  const parent = path.slice(0, path.lastIndexOf('\\'));
  return {
    lines: [
      `if not exist ${saved} icacls ${quote(path)} /save ${saved} /t /c >nul 2>&1&if not errorlevel 1 ${undoLine(`icacls ${quote(parent)} /restore ${saved} /c`)}`,
    ],
  };
}

function aclGrant(op: OperationOf<'acl-grant'>, s: ScriptBuilder): Step[] {
  const path = windowsPath(op.path, s.scope);
  const grants = op.grants.map((g) => `"*${g.sid}:(${g.rights})"`).join(' ');
  const target = op.filesStartingWith ? `${path}\\${op.filesStartingWith}*` : path;
  return [
    aclBackup(s, path),
    {
      lines: [
        `icacls ${quote(target)} /grant ${grants}${op.recurse ? ' /t' : ''} /c >nul 2>&1&if errorlevel 1 set ${FAILED}=1`,
      ],
    },
  ];
}

/** icacls /setowner with a SID, not takeown (its /d Y|N answer is localized). */
function takeOwnership(op: OperationOf<'take-ownership'>, s: ScriptBuilder): Step[] {
  const path = windowsPath(op.path, s.scope);
  return [
    aclBackup(s, path),
    {
      lines: [
        `icacls ${quote(path)} /setowner *${op.owner}${op.recurse ? ' /t' : ''} /c >nul 2>&1&if errorlevel 1 set ${FAILED}=1`,
      ],
    },
  ];
}

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';

function serviceRestart(op: OperationOf<'service-restart'>): Step[] {
  return [
    {
      lines: [`net stop ${op.service} /y >nul 2>&1`, `net start ${op.service} >nul 2>&1`],
    },
  ];
}

function serviceStart(op: OperationOf<'service-start'>): Step[] {
  return [{ lines: [`net start ${op.service} >nul 2>&1`] }];
}

/** Stops the service that holds the RDP port; never a protected one, never a plain process. */
function serviceStop(op: OperationOf<'service-stop'>, s: ScriptBuilder): Step[] {
  if (typeof op.service === 'string') {
    const key = registryKey(`${SERVICES}\\${op.service}`, s.scope);
    return [
      keyBackup(s, key, []),
      {
        lines: [
          `if not exist "${B}\\stopped-${op.service}" ${undoLine(`net start ${op.service}`)}`,
          `net stop ${op.service} /y >nul 2>&1&type nul>"${B}\\stopped-${op.service}"`,
        ],
      },
    ];
  }
  const port = rdpPort(
    s,
    'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp',
    'PortNumber',
    3389,
  );
  const owner = listenerPid(s, port);
  const termPid = servicePid(s, 'TermService');
  const a = v('a');
  const b = v('b');
  const name = s.fresh('_O');
  const shared = s.fresh('_M');
  const protect = op.protect.map((p) => `if /i "%${name}%"=="${p}" set ${name}=`).join('&');
  return [
    {
      lines: [
        `set ${name}=&set ${shared}=&if not "%${owner}%"=="-" if not "%${owner}%"=="%${termPid}%" for /f ${lit('"tokens=3* delims=,"')} ${a} in ('tasklist /svc /fo csv /nh /fi "PID eq %${owner}%" ^| find ${lit('".exe"')}') do (set ${name}=${v('a', '~')}&set ${shared}=${b})`,
        `if defined ${shared} (echo ${lit('RDPRESCUE port owner PID')} %${owner}% ${lit('hosts several services: not stopped')}&set ${name}=&set ${FAILED}=1)`,
        `if "%${name}%"==${lit('"N/A"')} (echo ${lit('RDPRESCUE port owner PID')} %${owner}% ${lit('is not a service: not stopped')}&set ${name}=&set ${FAILED}=1)`,
        ...(protect ? [`if defined ${name} ${protect}`] : []),
        `if defined ${name} if not exist "${B}\\svc-%${name}%.reg" reg export "${SERVICES}\\%${name}%" "${B}\\svc-%${name}%.reg" /y >nul 2>&1&${undoLine(`net start %${name}%`)}`,
        `if defined ${name} echo ${lit('RDPRESCUE stopping service')} %${name}%&net stop "%${name}%" /y >nul 2>&1`,
      ],
    },
  ];
}

const START: Record<OperationOf<'service-start-type'>['startType'], { reg: number; sc: string }> = {
  automatic: { reg: 2, sc: 'auto' },
  manual: { reg: 3, sc: 'demand' },
  disabled: { reg: 4, sc: 'disabled' },
};

function serviceStartType(op: OperationOf<'service-start-type'>, s: ScriptBuilder): Step[] {
  const full = registryKey(`${SERVICES}\\${op.service}`, s.scope);
  const { ref: key, set } = keyAlias(s, full);
  const start = START[op.startType];
  const change = op.viaRegistry
    ? `reg add ${quote(key)} /v Start /t REG_DWORD /d ${start.reg} /f >nul`
    : `sc config ${op.service} start= ${start.sc} >nul`;
  return [
    keyBackup(s, full, ['Start']),
    {
      lines: [set, change, ...verifyValue(s, key, 'Start', registryText('REG_DWORD', start.reg))],
    },
  ];
}

/** Only self-signed certificates (subject = issuer) go; the store is a registry key. */
function removeSelfSigned(
  op: OperationOf<'remove-self-signed-certificates'>,
  s: ScriptBuilder,
): Step[] {
  const key = `HKLM\\SOFTWARE\\Microsoft\\SystemCertificates\\${op.store}`;
  return [
    keyBackup(s, key, []),
    {
      lines: [
        `powershell -nop -noni -c ${lit(`"dir 'Cert:\\LocalMachine\\${op.store}'|?{$_.Subject -eq $_.Issuer}|Remove-Item"`)} >nul 2>&1&if errorlevel 1 set ${FAILED}=1`,
      ],
    },
  ];
}

/**
 * netsh addresses rules by their localized display name, so RdpRescue does not edit the
 * built-in rule: it (re)creates its own rule, named after it, for the new port.
 */
function firewallRulePort(op: OperationOf<'firewall-rule-port'>, s: ScriptBuilder): Step[] {
  const rule = `RdpRescue-${op.rule}`;
  const port = typeof op.port === 'object' ? `%${paramVar(op.port.param)}%` : String(op.port);
  const file = s.fact('firewall-backup', () => [], 'f');
  return [
    {
      lines: [
        `if not exist "${B}\\${file}.wfw" netsh advfirewall export "${B}\\${file}.wfw" >nul&if not errorlevel 1 ${undoLine(`netsh advfirewall import "${B}\\${file}.wfw"`)}`,
      ],
    },
    {
      lines: [
        `netsh advfirewall firewall delete rule name=${rule} >nul 2>&1`,
        `netsh advfirewall firewall add rule name=${rule} dir=in action=allow protocol=${op.protocol} localport=${port} >nul&if errorlevel 1 set ${FAILED}=1`,
      ],
    },
  ];
}

export const BCD_VAR = 'RR_BCD';

/**
 * The BCD store file is copied as it is (bcdedit /export works on the system store only).
 * xcopy /h copies the hidden file; its paths (a drive letter and fixed names) have no spaces
 * and stay unquoted: a quoted folder ending in \" is misparsed.
 */
function bcdBackup(s: ScriptBuilder): Step {
  s.fact('bcd-backup', () => [], 'b');
  return {
    lines: [
      `if not exist "${B}\\BCD" xcopy /h /r /y /q %${BCD_VAR}% ${B} >nul&if not errorlevel 1 ${undoLine(`xcopy /h /r /y /q ${B}\\BCD %${BCD_VAR}%\\..`)}`,
    ],
  };
}

function bcdStore(s: ScriptBuilder): string {
  return s.scope.kind === 'offline' ? ` /store "%${BCD_VAR}%"` : '';
}

function bcdSet(op: OperationOf<'bcd-set'>, s: ScriptBuilder): Step[] {
  return [
    bcdBackup(s),
    {
      lines: [
        `bcdedit${bcdStore(s)} /set ${op.entry} ${op.setting} ${op.value} >nul&if errorlevel 1 set ${FAILED}=1`,
      ],
    },
  ];
}

function bcdEmsSettings(op: OperationOf<'bcd-ems-settings'>, s: ScriptBuilder): Step[] {
  return [
    bcdBackup(s),
    {
      lines: [
        `bcdedit${bcdStore(s)} /emssettings EMSPORT:${op.port} EMSBAUDRATE:${op.baudRate} >nul&if errorlevel 1 set ${FAILED}=1`,
      ],
    },
  ];
}

function offlineScope(s: ScriptBuilder, kind: string) {
  if (s.scope.kind !== 'offline') throw new Error(`${kind} only runs offline`);
  return s.scope;
}

/**
 * Backs up the hive files, loads SYSTEM and finds the control set the broken OS boots
 * (Select\Current). A failed load stops the script before anything changed.
 */
function hiveLoad(op: OperationOf<'hive-load'>, s: ScriptBuilder): Step[] {
  const scope = offlineScope(s, 'hive-load');
  const hive = `%${scope.driveVar}%:\\Windows\\System32\\config\\${op.hive}`;
  const mount = `HKLM\\${op.mountAs}`;
  const current = s.fresh('_V');
  return [
    {
      lines: [
        `if not exist "${B}\\${op.hive}" copy /y "${hive}*" "${B}\\" >nul`,
        `if not exist "${B}\\${op.hive}" (echo ${lit('RDPRESCUE could not back up')} "${hive}"&exit /b 1)`,
        undoLine(`copy /y "${B}\\${op.hive}" "${hive}"`).replace(
          /^/,
          `if not exist "${B}\\undo.cmd" `,
        ),
      ],
    },
    {
      lines: [
        `reg load ${mount} "${hive}" >nul`,
        `if errorlevel 1 (echo ${lit('RDPRESCUE could not load')} "${hive}"&exit /b 1)`,
        ...readRegistry(`${mount}\\Select`, 'Current', current),
        `set /a ${scope.controlSetVar}=%${current}:*:=% >nul 2>&1`,
        `set ${scope.controlSetVar}=00%${scope.controlSetVar}%`,
        `set ${scope.controlSetVar}=ControlSet%${scope.controlSetVar}:~-3%`,
      ],
    },
  ];
}

/**
 * Unloads the hive, retrying while something still holds it (unrolled: no loop or goto to
 * get wrong); runs after failed changes too, since no step before it exits.
 */
function hiveUnload(op: OperationOf<'hive-unload'>, s: ScriptBuilder): Step[] {
  offlineScope(s, 'hive-unload');
  const unload = `reg unload HKLM\\${op.mountAs} >nul 2>&1`;
  const retry = `if errorlevel 1 (ping -n 3 127.0.0.1 >nul&${unload})`;
  return [
    {
      lines: [
        unload,
        retry,
        retry,
        retry,
        retry,
        `if errorlevel 1 (echo ${lit('RDPRESCUE could not unload')} HKLM\\${op.mountAs}${lit(': close regedit and run')} reg unload HKLM\\${op.mountAs}&set ${FAILED}=1)`,
      ],
    },
  ];
}

const renderers: { [K in OperationKind]: (op: OperationOf<K>, s: ScriptBuilder) => Step[] } = {
  'registry-set': registrySet,
  'registry-delete': registryDelete,
  'acl-grant': aclGrant,
  'take-ownership': takeOwnership,
  'service-restart': serviceRestart,
  'service-start': serviceStart,
  'service-stop': serviceStop,
  'service-start-type': serviceStartType,
  'remove-self-signed-certificates': removeSelfSigned,
  'firewall-rule-port': firewallRulePort,
  'bcd-set': bcdSet,
  'bcd-ems-settings': bcdEmsSettings,
  'hive-load': hiveLoad,
  'hive-unload': hiveUnload,
};

export function renderOperation(op: Operation, s: ScriptBuilder): Step[] {
  return (renderers[op.kind] as (op: Operation, s: ScriptBuilder) => Step[])(op, s);
}
