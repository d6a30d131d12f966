import type { OperationOf } from '../../model/index.ts';
import { hiveUnload, mountOf, readValue } from './offline-hive.ts';
import { apply, type OfflineScript, type Statement } from './offline-script.ts';
import {
  Name,
  defined,
  equals,
  errorlevel,
  id,
  not,
  q,
  ref,
  run,
  seq,
  set,
  toNul,
  when,
} from './syntax/index.ts';

/**
 * Group Policy wins over the listener's own values: a policy value in the broken OS's SOFTWARE
 * hive undoes an offline repair of RDP-Tcp at the first boot. After the repair, the script
 * loads that hive (read only: nothing is written) and says which policy value overrides it.
 */

const LISTENER = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';
const POLICY = 'Policies\\Microsoft\\Windows NT\\Terminal Services';
/** Listener values that the Terminal Services policy key can set too. */
const POLICY_VALUES = new Set(['SecurityLayer', 'UserAuthentication', 'MinEncryptionLevel']);

export function overriddenByPolicy(ops: readonly OperationOf<'registry-set'>[]) {
  return ops.filter(
    (op) => op.key === LISTENER && POLICY_VALUES.has(op.name) && op.type === 'REG_DWORD',
  );
}

export function policyCheck(
  script: OfflineScript,
  ops: readonly OperationOf<'registry-set'>[],
): Statement[] {
  const checked = overriddenByPolicy(ops);
  if (checked.length === 0) return [];
  const mount = mountOf(script, 'SOFTWARE', 'RDPRESCUE_SOFTWARE');
  const file = script.onDisk('Windows\\System32\\config\\SOFTWARE');
  const key = [id(`${mount.key}\\${POLICY}`)];
  const loaded = mount.loaded;
  return [
    ...apply(
      seq(
        run(['reg', 'load', mount.key, [q(...file)]], [toNul]),
        when(not(errorlevel(1)), set(loaded, '1')),
      ),
      when(
        not(defined(loaded)),
        script.say(
          'could not load ',
          ...file,
          ` to read its policies: check HKLM\\SOFTWARE\\${POLICY} of the broken OS by hand`,
        ),
      ),
      ...checked.flatMap((op) => {
        const policy = Name.generated(`policy ${op.name}`);
        const wanted = `REG_DWORD:0x${Number(op.data).toString(16)}`;
        return [
          when(defined(loaded), readValue(policy, key, op.name)),
          when(
            defined(loaded),
            when(
              defined(policy),
              when(
                not(equals([ref(policy)], wanted)),
                script.say(
                  `warning: Group Policy sets ${op.name} to `,
                  ref(policy),
                  ` (HKLM\\SOFTWARE\\${POLICY} in the attached SOFTWARE hive): it overrides this repair until that policy changes`,
                ),
              ),
            ),
          ),
        ];
      }),
    ),
    ...hiveUnload(script, mount),
  ];
}
