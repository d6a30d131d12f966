import {
  ForVar,
  Name,
  compare,
  defined,
  forCommand,
  forIn,
  forRef,
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
  type WordLike,
} from '../syntax/index.ts';
import type { Reads } from './reads.ts';
import { registryValue } from './registry.ts';

/**
 * The PID of a running service, or "?" (tasklist's CSV columns are language-neutral). A
 * script that lists its services up front (r.services) reads them all with one tasklist.
 */
export function servicePid(r: Reads, service: string): Name {
  if (r.services.some((s) => s.toLowerCase() === service.toLowerCase()))
    return runningServices(r).member(service);
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
 * several listeners, any other PID is a conflict), `own` <service>'s PID when it listens.
 */
export function portListeners(r: Reads, port: Name, service: string): { other: Name; own: Name } {
  return r.fact(`listeners:${port.serial}:${service}`, () => {
    const pid = servicePid(r, service);
    const other = Name.generated(`other listener on the port`);
    const own = Name.generated(`${service} listening`);
    const a = new ForVar('a');
    const [foreign, owner] = [a, a.next()];
    const x = new ForVar('x');
    const listeners = pipe(run(['netstat', '-ano']), run(['find', qt(':', ref(port), ' ')]));
    const record = when(
      compare([forRef(owner)], '==', [ref(pid)]),
      set(own, [forRef(owner)]),
      set(other, [forRef(owner)]),
    );
    return {
      value: { other, own },
      commands: [
        seq(
          set(other, '-'),
          set(own, '-'),
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
 * Every service r.services names, as members `<family>_<service>` holding its PID, or "?"
 * when it does not run: one loop over the names runs `tasklist /fi` for each, so a service
 * costs the script its name only. (Not one unfiltered tasklist split at the commas of its
 * services column: Windows' cmd splits a for list after expansion, Wine's does not, so that
 * could not be tested.)
 */
export function runningServices(r: Reads): Name {
  return r.fact('running-services', () => {
    const pids = Name.generated('pids of services');
    const s = new ForVar('s');
    const a = new ForVar('a');
    const pid = (value: WordLike) =>
      setComputed([nameOf(pids), text('_'), forRef(s)], value, [pids]);
    const tasklist = pipe(
      run(['tasklist', '/svc', '/fo', 'csv', '/nh', '/fi', qt('SERVICES eq ', forRef(s))]),
      run(['find', qt('.exe')]),
    );
    const names = r.services.map((service) => [id(service)]);
    r.dataFamilies.push(pids);
    return {
      value: pids,
      commands: [
        // Two loops, not one with a block: Wine's batch parser misreads a for /f with a
        // pipe inside a parenthesised loop body (the next line's %...% expand too early).
        seq(
          forIn(s, names, pid('?')),
          forIn(s, names, forCommand(a, 'tokens=2 delims=,', tasklist, pid([forRef(a, '~')]))),
        ),
      ],
    };
  });
}
