import type { CheckOf } from '../../model/index.ts';
import { FIREWALL_GROUP_POLICY, FIREWALL_POLICY, FIREWALL_PROFILES } from '../../model/index.ts';
import { clearFamilies, letterIs, rdpPort, type Reads } from './reads/index.ts';
import {
  ForVar,
  Name,
  equals,
  errToNul,
  clear,
  defined,
  errorlevel,
  forCommand,
  id,
  nameOf,
  setComputed,
  forIn,
  forRef,
  not,
  pipe,
  q,
  qt,
  ref,
  run,
  seq,
  set,
  text,
  toNul,
  when,
  type Command,
  type Part,
} from './syntax/index.ts';

/**
 * The firewall checks in CMD. Rules are read with `reg query` and judged with `find` on whole
 * `|Field=value|` entries of the rule's data, one find per field (so the fields may come in
 * any order and no substring of another field matches): language-neutral and short. `find`
 * is case-sensitive, as the data Windows writes is (`Active=TRUE`, `Dir=In`); the actions are
 * told apart by `|Action=Al` / `|Action=Bl` (Allow, Block), whose doubled letters a console
 * paste may drop.
 */

const RULE_STORES = [FIREWALL_POLICY, FIREWALL_GROUP_POLICY].map((k) => `${k}\\FirewallRules`);
const ON = 'REG_DWORD:0x0';
const SET = 'REG_DWORD:0x1';

/** `find "|<field>|"`: one whole field of a rule's data. */
const field = (...entry: Part[]) => run(['find', qt('|', ...entry, '|')]);
/** `find "|Action=<prefix>"`: the rule's action. */
const action = (prefix: Part) => run(['find', qt('|Action=', prefix)]);
/** Members of portRules' family: the actions' first letters, which tell them apart. */
const ACTIONS = { allow: 'Al', block: 'Bl' } as const;

/** Sets the outcome letter to `letter` when a store's rules, filtered by the fields, match. */
function whenAnyStore(
  r: Reads,
  query: (key: Part[]) => Command,
  filters: Command[],
  letter: 'fired' | 'quiet',
): Command {
  const k = new ForVar('k');
  return forIn(
    k,
    RULE_STORES.map((key) => q(key)),
    seq(
      pipe(query([forRef(k)]), ...filters.slice(0, -1), withNul(filters.at(-1)!)),
      when(not(errorlevel(1)), set(r.outcome, r.letters[letter])),
    ),
  );
}

function withNul(command: Command): Command {
  return command.kind === 'exec'
    ? { ...command, redirects: [...command.redirects, toNul] }
    : command;
}

function outcome(r: Reads) {
  return {
    letter: r.outcome,
    fired: [letterIs(r, r.outcome, 'fired')],
    quiet: [letterIs(r, r.outcome, 'quiet')],
  };
}

export const FIREWALL_CMD_RENDERERS = {
  'firewall-rule': (check: CheckOf<'firewall-rule'>, r: Reads) => {
    // Quiet when either store holds the rule, by its Name, with Active=TRUE.
    r.add(
      seq(
        set(r.outcome, r.letters.fired),
        whenAnyStore(
          r,
          (key) => run(['reg', 'query', key, '/v', check.rule], [errToNul]),
          [field(text('Active=TRUE'))],
          'quiet',
        ),
      ),
    );
    const cover = check.unlessPortAllowed;
    if (cover) {
      // Another active allow rule on the configured port (a scoped custom rule) lets RDP in.
      const port = rdpPort(r, cover.portKey, cover.portName, cover.defaultPort);
      r.add(
        when(defined(portRules(r, port).member(ACTIONS.allow)), set(r.outcome, r.letters.quiet)),
      );
    }
    return outcome(r);
  },
  'firewall-inbound-blocked': (check: CheckOf<'firewall-inbound-blocked'>, r: Reads) => {
    // Per profile: firewall on (EnableFirewall not 0; absent = on) and DoNotAllowExceptions=1,
    // each the policy value when there is one.
    const effective = profileValues(r, [FIREWALL_POLICY, FIREWALL_GROUP_POLICY]);
    const shield =
      check.source === 'policy' ? profileValues(r, [FIREWALL_GROUP_POLICY]) : effective;
    r.add(
      seq(
        set(r.outcome, r.letters.quiet),
        ...PROFILE_WORDS.map((p) =>
          when(
            not(equals([ref(effective.member(`${p}_EnableFirewall`))], '0x0')),
            when(
              equals([ref(shield.member(`${p}_DoNotAllowExceptions`))], '0x1'),
              set(r.outcome, r.letters.fired),
            ),
          ),
        ),
      ),
    );
    return outcome(r);
  },
  'firewall-port-allowed': (check: CheckOf<'firewall-port-allowed'>, r: Reads) => {
    // Never assume 3389: an active inbound TCP rule listing PortNumber exactly; block wins.
    const port = rdpPort(r, check.portKey, check.portName, check.defaultPort);
    const found = portRules(r, port);
    r.add(
      seq(
        check.firesWhen === 'not-allowed'
          ? seq(
              set(r.outcome, r.letters.fired),
              when(defined(found.member(ACTIONS.allow)), set(r.outcome, r.letters.quiet)),
            )
          : set(r.outcome, r.letters.quiet),
        when(defined(found.member(ACTIONS.block)), set(r.outcome, r.letters.fired)),
      ),
    );
    return { ...outcome(r), detail: [ref(port)] };
  },
};

/**
 * Whether an active inbound TCP rule of either store lists the port in LPort, per action:
 * member Al (Allow) / Bl (Block) of the returned family is 1 when one does. One pass per store and
 * action, shared by every check on the same port.
 */
function portRules(r: Reads, port: Name): Name {
  return r.fact(`firewall-port:${port.serial}`, () => {
    const found = Name.generated('firewall rules found');
    // Read by `if defined`: cleared with the other data families when a diagnosis starts.
    r.dataFamilies.push(found);
    const [k, x] = [new ForVar('k'), new ForVar('x')];
    const filters = [
      field(text('Active=TRUE')),
      field(text('Dir=In')),
      field(text('Protocol=6')),
      field(text('LPort='), ref(port)),
      withNul(action(forRef(x))),
    ];
    const match = forIn(
      k,
      RULE_STORES.map((key) => q(key)),
      forIn(
        x,
        Object.values(ACTIONS).map((a) => [text(a)]),
        seq(
          pipe(run(['reg', 'query', [forRef(k)]], [errToNul]), ...filters),
          when(
            not(errorlevel(1)),
            setComputed([nameOf(found), text('_'), forRef(x)], '1', [found]),
          ),
        ),
      ),
    );
    return {
      value: found,
      commands: [
        seq(clear(found.member(ACTIONS.allow)), clear(found.member(ACTIONS.block)), match),
      ],
    };
  });
}

/** Domain, Private (Standard) and Public: the profile keys are <word>Profile. */
const PROFILE_WORDS = FIREWALL_PROFILES.map((p) => p.replace(/Profile$/, ''));

/**
 * The profiles' values, as members `<profile word>_<value name>` holding the data ("0x1"):
 * the stores are read in order, so a later store (the policy) wins value by value. Both base
 * keys have no spaces, so the loop needs no quotes around them.
 */
function profileValues(r: Reads, stores: string[]): Name {
  return r.fact(`firewall-profiles:${stores.join('|')}`, () => {
    const values = Name.generated('firewall profile values');
    const [p, s, a] = [new ForVar('p'), new ForVar('s'), new ForVar('a')];
    const read = forIn(
      p,
      PROFILE_WORDS.map((w) => [id(w)]),
      forIn(
        s,
        stores.map((k) => [id(k)]),
        forCommand(
          a,
          'tokens=1,3',
          run(['reg', 'query', [q(forRef(s), '\\', forRef(p), 'Profile')]], [errToNul]),
          setComputed(
            [nameOf(values), text('_'), forRef(p), text('_'), forRef(a)],
            [forRef(a.next())],
            [values],
          ),
        ),
      ),
    );
    // Group Policy writes the Private profile as PrivateProfile (MS-GPFAS 2.2.3), where the
    // local store says StandardProfile: read after the legacy key, it wins over it.
    const privatePolicy = stores.includes(FIREWALL_GROUP_POLICY)
      ? [
          forCommand(
            a,
            'tokens=1,3',
            run(['reg', 'query', q(`${FIREWALL_GROUP_POLICY}\\PrivateProfile`)], [errToNul]),
            setComputed(
              [nameOf(values), text('_Standard_'), forRef(a)],
              [forRef(a.next())],
              [values],
            ),
          ),
        ]
      : [];
    r.dataFamilies.push(values);
    const reads = [read, ...privatePolicy];
    return { value: values, commands: r.startsClean ? reads : [clearFamilies([values]), ...reads] };
  });
}
