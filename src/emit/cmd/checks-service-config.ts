import { START_VALUE, type CheckOf } from '../../model/index.ts';
import { registryValue, type Reads } from './reads/index.ts';
import { defined, equals, not, ref, type Condition } from './syntax/index.ts';

export const SERVICES = 'HKLM\\SYSTEM\\CurrentControlSet\\Services';

/**
 * What a service-config check compares: the service key's Start or ObjectName as the
 * diagnosis reads it ("<TYPE>:<data>"), and the text the default reads as. Accounts compare
 * without regard to case (images spell `NT AUTHORITY` both ways).
 */
export function serviceConfigValue(check: CheckOf<'service-config'>): {
  name: 'Start' | 'ObjectName';
  expected: string;
  ignoreCase: boolean;
} {
  return check.expected.setting === 'start-type'
    ? {
        name: 'Start',
        expected: `REG_DWORD:0x${START_VALUE[check.expected.startType].toString(16)}`,
        ignoreCase: true,
      }
    : { name: 'ObjectName', expected: `REG_SZ:${check.expected.account}`, ignoreCase: true };
}

/** Fires when the value is there and differs; an absent value (no such service) does not. */
export function serviceConfigConditions(
  read: Parameters<typeof ref>[0],
  check: CheckOf<'service-config'>,
): { fired: Condition[]; quiet: Condition[] } {
  const { expected, ignoreCase } = serviceConfigValue(check);
  const same = equals([ref(read)], expected, { ignoreCase });
  return { fired: [defined(read), not(same)], quiet: [same] };
}

/** The diagnosis's rendering: the value comes from the one read of the service's key. */
export function renderServiceConfig(check: CheckOf<'service-config'>, r: Reads) {
  const read = registryValue(r, `${SERVICES}\\${check.service}`, serviceConfigValue(check).name);
  return serviceConfigConditions(read, check);
}
