import {
  ForVar,
  Name,
  compare,
  defined,
  equals,
  forCommand,
  forIn,
  forRef,
  not,
  id,
  nameOf,
  pipe,
  q,
  qt,
  ref,
  run,
  seq,
  set,
  setArith,
  setComputed,
  text,
  toNul,
  when,
  type Command,
  type WordLike,
} from '../syntax/index.ts';
import type { Reads } from './reads.ts';
import { registryValue } from './registry.ts';

/** The PID of a running service, or "?" (tasklist's CSV columns are language-neutral). */
export function servicePid(r: Reads, service: string): Name {
  return r.fact(`pid:${service}`, () => {
    const pid = Name.generated(`pid of ${service}`);
    const a = new ForVar('a');
    const tasklist = pipe(
      run(['tasklist', '/svc', '/fo', 'csv', '/nh', '/fi', q(`SERVICES eq ${service}`)]),
      run(['find', qt('.exe')]),
    );
    return {
      value: pid,
      commands: [
        seq(
          set(pid, '?'),
          forCommand(a, 'tokens=2 delims=,', tasklist, set(pid, [forRef(a, '~')])),
        ),
      ],
    };
  });
}

/**
 * A variable holding "4" when the service runs, anything else when it does not (see
 * scStateLoop). A script that lists its services up front (r.services) reads them in one loop.
 */
export function serviceRunning(r: Reads, service: string): Name {
  if (r.services.some((s) => s.toLowerCase() === service.toLowerCase()))
    return runningServices(r).member(service);
  return r.fact(`running:${service}`, () => {
    const state = Name.generated(`state of ${service}`);
    return {
      value: state,
      commands: [seq(set(state, '?'), scStateLoop(id(service), '4', set(state, '4')))],
    };
  });
}

/** The configured RDP port (decimal), the default when the value is absent. */
export function rdpPort(r: Reads, key: string, name: string, defaultPort: number): Name {
  return r.fact(`port:${key}\\${name}`, () => {
    const raw = registryValue(r, key, name);
    const port = Name.generated('rdp port');
    return {
      value: port,
      commands: [
        seq(
          set(port, String(defaultPort)),
          when(defined(raw), setArith(port, [ref(raw, ':*:=')], [toNul])),
        ),
      ],
    };
  });
}

/**
 * Who listens on TCP <port>, told by numbers only: a listener's foreign address is
 * 0.0.0.0:0 or [::]:0 (netstat's state word is localized, and UDP lines have *:* there).
 * `other` holds the PID of a listener that is not <service>'s ("-" when there is none:
 * several listeners, any other PID is a conflict).
 */
export function portListeners(r: Reads, port: Name, service: string): { other: Name } {
  return r.fact(`listeners:${port.serial}:${service}`, () => {
    const pid = servicePid(r, service);
    const other = Name.generated(`other listener on the port`);
    const a = new ForVar('a');
    const [foreign, owner] = [a, a.next()];
    const x = new ForVar('x');
    const listeners = pipe(run(['netstat', '-ano']), run(['find', qt(':', ref(port), ' ')]));
    const record = when(
      not(compare([forRef(owner)], '==', [ref(pid)])),
      set(other, [forRef(owner)]),
    );
    return {
      value: { other },
      commands: [
        seq(
          set(other, '-'),
          forCommand(
            a,
            'tokens=3,5',
            listeners,
            forIn(
              x,
              ['0.0.0.0:0', '[::]:0'],
              when(compare([forRef(foreign)], '==', [forRef(x)]), record),
            ),
          ),
        ),
      ],
    };
  });
}

/** The PID of a listener on TCP <port> that is not <service>'s, or "-". */
export function listenerPid(r: Reads, port: Name, service: string): Name {
  return portListeners(r, port, service).other;
}

/**
 * Every service r.services names, as members `<family>_<service>` holding "4" when `sc query`
 * says it runs (SERVICE_RUNNING), "?" otherwise: one loop over the names, so a service costs
 * the script its name only. See scStateLoop for how the state is read without words.
 */
export function runningServices(r: Reads): Name {
  return r.fact('running-services', () => {
    const states = Name.generated('states of services');
    const s = new ForVar('s');
    const state = (value: WordLike) =>
      setComputed([nameOf(states), text('_'), forRef(s)], value, [states]);
    const names = r.services.map((service) => [id(service)]);
    r.dataFamilies.push(states);
    return {
      value: states,
      commands: [
        seq(
          forIn(s, names, state('?')),
          forIn(s, names, scStateLoop([forRef(s)], '4', state('4'))),
        ),
      ],
    };
  });
}

/**
 * Runs `then` when `sc query <service>` reports the state `code` (1 STOPPED, 4 RUNNING), read
 * by numbers and punctuation only: sc's labels and state words are no contract (some builds
 * print "Running"). The state line reads "<label> : <code>  <word>"; the exit-code lines that
 * may carry the same number read "<label> : 4  (0x4)", so a line with a "(" part is not it.
 * A service that is START_PENDING (2) or STOP_PENDING (3) neither runs nor is stopped.
 * (Not a nested loop splitting the value: Wine's cmd does not re-split a substituted value,
 * and its find has no /v.)
 */
export function scStateLoop(service: WordLike, code: '1' | '4', then: Command): Command {
  const a = new ForVar('a');
  return forCommand(
    a,
    'tokens=1,2 delims=(',
    pipe(run(['sc', 'query', service]), run(['find', qt(`: ${code} `)])),
    when(equals([forRef(a.next())], ''), then),
  );
}
