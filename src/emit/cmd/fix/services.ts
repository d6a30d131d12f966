import type { OperationOf } from '../../../model/index.ts';
import {
  Name,
  clear,
  defined,
  echo,
  equals,
  errorlevel,
  exist,
  forCommand,
  forRef,
  ForVar,
  not,
  pipe,
  q,
  qt,
  quiet,
  ref,
  run,
  seq,
  set,
  text,
  touch,
  when,
  id,
  errToNul,
  toNul,
} from '../syntax/index.ts';
import { FAILED, addUndo, backupPath, report, type FixContext } from './context.ts';
import { readOtherListener, readRdpPort, readServicePid, readServiceStopped } from './reads.ts';
import type { Step } from './registry.ts';

const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';

/**
 * Defined when this run stopped the service holding the RDP port (the console keeps it
 * between paste blocks; the find step clears it). A restart that depends on it runs only then.
 */
const OWNER_STOPPED = Name.generated('port owner stopped by this run');
const OWNER_STOPPED_KEY = 'port owner stopped';

/**
 * Stops (a service that was not running is fine) and starts the service. net's exit code is 2
 * for every failure, "not started" included, so whether the stop worked is read from sc query
 * (state 1, STOPPED: a service stuck in STOP_PENDING did not stop); net start's exit code says
 * whether it runs again. Each failure names its step.
 */
export function serviceRestart(op: OperationOf<'service-restart'>, ctx: FixContext): Step[] {
  const stopped = Name.generated(`${op.service} stopped`);
  const restart = [
    [
      run(['net', 'stop', op.service, '/y'], quiet),
      ...readServiceStopped(stopped, op.service),
      when(
        not(equals([ref(stopped)], '1')),
        seq(echo(...report(ctx.fix, `failed stopping ${op.service}`)), set(FAILED, '1')),
      ),
      seq(
        run(['net', 'start', op.service], quiet),
        when(
          errorlevel(1),
          seq(echo(...report(ctx.fix, `failed starting ${op.service}`)), set(FAILED, '1')),
        ),
      ),
    ],
  ];
  if (!op.onlyAfterStopping) return restart;
  if (ctx.once(OWNER_STOPPED_KEY))
    throw new Error(
      `fix '${ctx.fix.id}': service-restart onlyAfterStopping before its service-stop`,
    );
  return restart.map((step) => step.map((command) => when(defined(OWNER_STOPPED), command)));
}

export function serviceStart(op: OperationOf<'service-start'>): Step[] {
  return [[run(['net', 'start', op.service], quiet)]];
}

export function serviceStop(op: OperationOf<'service-stop'>, ctx: FixContext): Step[] {
  if (typeof op.service !== 'string') return stopPortOwner(op.protect, ctx);
  // Stopping changes no registry value: undo starts the service again, nothing more.
  const stopped = backupPath(`stopped-${op.service}`);
  return [
    [
      when(not(exist([stopped])), addUndo(run(['net', 'start', op.service]))),
      seq(run(['net', 'stop', op.service, '/y'], quiet), touch([stopped])),
    ],
  ];
}

/**
 * Stops the service holding the RDP port, read now (never a value read before the fix): not
 * TermService or another protected one, not PID 4 (System: HTTP.sys or a driver holds the
 * port), not a process that is no service (decided by its Services key: tasklist's "N/A" is
 * localized), not a process hosting several services. An automatic service takes the port
 * back at the next boot: the fix says so.
 */
function stopPortOwner(protect: readonly string[], ctx: FixContext): Step[] {
  const fix = ctx.fix;
  ctx.once(OWNER_STOPPED_KEY);
  const port = Name.generated('RDP port');
  const termPid = Name.generated('TermService PID');
  const owner = Name.generated('listener that is not TermService');
  const service = Name.generated('owner service');
  const shared = Name.generated('owner hosts more services');
  const a = new ForVar('a');
  const ownerKey = [id(`${SERVICES}\\`), ref(service)];
  const notStopped = (why: string) =>
    seq(
      echo(...report(fix, 'port owner PID '), ref(owner), text(` ${why}: not stopped`)),
      clear(service),
      set(FAILED, '1'),
    );
  const saved = backupPath('svc-', ref(service), '.reg');
  const find: Step = [
    ...readRdpPort(port),
    ...readServicePid(termPid, 'TermService'),
    ...readOtherListener(port, termPid, owner),
    when(
      equals([ref(owner)], '4'),
      seq(
        echo(
          ...report(fix, 'port '),
          ref(port),
          text(
            ' is held by PID 4 (System: HTTP.sys or a driver): see netsh http show servicestate',
          ),
        ),
        clear(owner),
        set(FAILED, '1'),
      ),
    ),
    seq(clear(service), clear(shared), clear(OWNER_STOPPED)),
    when(
      defined(owner),
      forCommand(
        a,
        'tokens=3* delims=,',
        pipe(
          run(['tasklist', '/svc', '/fo', 'csv', '/nh', '/fi', qt('PID eq ', ref(owner))]),
          run(['find', qt('.exe')]),
        ),
        seq(set(service, [forRef(a, '~')]), set(shared, [forRef(a.next())])),
      ),
    ),
    when(defined(shared), notStopped('hosts several services')),
    ...protect.map((name) =>
      when(equals([ref(service)], name, { ignoreCase: true }), clear(service)),
    ),
  ];
  // Two steps (the console keeps the names between pastes): finding the owner, then saving
  // and stopping it, each small enough for a paste block with its frame.
  const act: Step = [
    // Only a service has a Services key: its export is the backup and the proof.
    when(
      defined(service),
      when(
        not(exist([saved])),
        seq(
          run(['reg', 'export', q(...ownerKey), saved, '/y'], quiet),
          when(not(errorlevel(1)), addUndo(run(['net', 'start', q(ref(service))]))),
        ),
      ),
    ),
    when(defined(service), when(not(exist([saved])), notStopped('is not a service'))),
    when(
      defined(service),
      seq(
        echo(...report(fix, 'stopping service '), ref(service)),
        run(['net', 'stop', q(ref(service)), '/y'], quiet),
        // First: in a .cmd file a successful set clears ERRORLEVEL.
        when(not(errorlevel(1)), set(OWNER_STOPPED, '1')),
        when(
          errorlevel(1),
          seq(echo(...report(fix, 'failed stopping '), ref(service)), set(FAILED, '1')),
        ),
      ),
    ),
    // Start=2: automatic (reg query prints the DWORD as 0x2).
    when(
      defined(service),
      seq(
        pipe(
          run(['reg', 'query', q(...ownerKey), '/v', 'Start'], [errToNul]),
          run(['find', qt('0x2')], [toNul]),
        ),
        when(
          not(errorlevel(1)),
          echo(
            ...report(fix),
            ref(service),
            text(' starts automatically and takes the port back at the next boot: sc config '),
            ref(service),
            text(' start= demand'),
          ),
        ),
      ),
    ),
  ];
  return [find, act];
}
