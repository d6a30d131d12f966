import {
  ForVar,
  Name,
  clear,
  compare,
  defined,
  forCommand,
  forIn,
  forRef,
  not,
  id,
  pipe,
  qt,
  quiet,
  ref,
  run,
  seq,
  set,
  setArith,
  when,
  type Command,
  type Part,
} from '../syntax/index.ts';
import { readValue } from './registry.ts';
import { scStateLoop } from '../reads/services.ts';

/**
 * Facts a fix reads from the machine: read where they are used, into names of their own, so
 * a verification never sees a value read before the change.
 */

export const RDP_TCP =
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

/** The configured RDP port in decimal, 3389 when PortNumber is absent. */
export function readRdpPort(
  port: Name,
  key = RDP_TCP,
  valueName = 'PortNumber',
  fallback = 3389,
): Command[] {
  const raw = Name.generated(`${valueName} as read`);
  return [
    ...readValue([id(key)], valueName, raw),
    seq(set(port, String(fallback)), when(defined(raw), setArith(port, [ref(raw, ':*:=')], quiet))),
  ];
}

/** The PID of a running service, or "?" (tasklist's CSV columns are language-neutral). */
export function readServicePid(pid: Name, service: string): Command[] {
  const a = new ForVar('a');
  return [
    seq(
      set(pid, '?'),
      forCommand(
        a,
        'tokens=2 delims=,',
        pipe(
          run(['tasklist', '/svc', '/fo', 'csv', '/nh', '/fi', qt(`SERVICES eq ${service}`)]),
          run(['find', qt('.exe')]),
        ),
        set(pid, [forRef(a, '~')]),
      ),
    ),
  ];
}

/** "4" when `sc query` says the service runs (read by numbers only, see scStateLoop), else "?". */
export function readServiceRunning(state: Name, service: string): Command[] {
  return [seq(set(state, '?'), scStateLoop(id(service), '4', set(state, '4')))];
}

/** "1" when `sc query` says the service is stopped (STOPPED, not STOP_PENDING), else "?". */
export function readServiceStopped(state: Name, service: string): Command[] {
  return [seq(set(state, '?'), scStateLoop(id(service), '1', set(state, '1')))];
}

/** Runs `effect(pid)` for every TCP listener on `port` (one loop, one command per pass). */
function eachListener(port: Name, effect: (pid: Part) => Command): Command {
  const a = new ForVar('a');
  const x = new ForVar('x');
  const [b, c] = [a.next(), a.next(2)];
  // tokens 1,3,5 of "TCP <local> <remote> <state> <pid>": listening = remote 0.0.0.0:0 or
  // [::]:0 (netstat's state word is localized).
  return forCommand(
    a,
    'tokens=1,3,5',
    pipe(run(['netstat', '-ano']), run(['find', qt(':', ref(port), ' ')])),
    when(
      compare([forRef(a)], '==', 'TCP'),
      forIn(
        x,
        ['0.0.0.0:0', '[::]:0'],
        when(compare([forRef(b)], '==', [forRef(x)]), effect(forRef(c))),
      ),
    ),
  );
}

/** `other` holds a PID listening on `port` that is not `pid` (the last netstat lists). */
export function readOtherListener(port: Name, pid: Name, other: Name): Command[] {
  return [
    clear(other),
    eachListener(port, (listener) =>
      when(not(compare([listener], '==', [ref(pid)])), set(other, [listener])),
    ),
  ];
}

/**
 * `result` is Q when `pid` listens on `port` and no other process does, else F: a loop that
 * finds `pid`, then one that finds any other (it runs second, so it wins).
 */
export function readListenerVerdict(port: Name, pid: Name, result: Name): Command[] {
  const isPid = (listener: Part) => compare([listener], '==', [ref(pid)]);
  return [
    set(result, 'F'),
    eachListener(port, (listener) => when(isPid(listener), set(result, 'Q'))),
    eachListener(port, (listener) => when(not(isPid(listener)), set(result, 'F'))),
  ];
}
