import { z } from 'zod';
import { Id } from './text.ts';
import { ServiceName } from './platform.ts';

/**
 * The built-in accounts a Windows service runs as by default, spelled as Microsoft's pages
 * write them. Compared without regard to case: images spell them differently
 * (`NT Authority\NetworkService`, `NT AUTHORITY\NetworkService`).
 */
export const BuiltInServiceAccount = z.enum([
  'LocalSystem',
  'NT Authority\\LocalService',
  'NT Authority\\NetworkService',
]);
export type BuiltInServiceAccount = z.infer<typeof BuiltInServiceAccount>;

/** A start type a service can be set back to (never disabled: that is no default to restore). */
export const DefaultStartType = z.enum(['automatic', 'manual']);
export type DefaultStartType = z.infer<typeof DefaultStartType>;

/** The Start value each start type is stored as under Services\<name>. */
export const START_VALUE: Record<DefaultStartType | 'disabled', number> = {
  automatic: 2,
  manual: 3,
  disabled: 4,
};

/**
 * A service's configuration differs from its documented default: its start type (the Start
 * value the service control manager starts it by at boot), or the account it logs on as
 * (ObjectName). Fires when it differs; a service that is not installed does not fire (the
 * service-state check `missing` says that).
 */
export const ServiceConfigCheck = z
  .object({
    kind: z.literal('service-config'),
    id: Id,
    service: ServiceName,
    expected: z.discriminatedUnion('setting', [
      z.object({ setting: z.literal('start-type'), startType: DefaultStartType }).strict(),
      z.object({ setting: z.literal('logon-account'), account: BuiltInServiceAccount }).strict(),
    ]),
  })
  .strict();
export type ServiceConfigCheck = z.infer<typeof ServiceConfigCheck>;
