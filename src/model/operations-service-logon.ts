import { z } from 'zod';
import { ServiceName } from './platform.ts';
import { BuiltInServiceAccount } from './checks-service-config.ts';

/**
 * Sets the account a service logs on as back to a built-in one (its documented default),
 * through the service control manager (sc config obj=, Win32_Service.Change), which writes
 * ObjectName too. Built-in accounts have no password: none is ever asked for or printed. The
 * backup is the service's configuration (service-config), its previous account included.
 */
export const ServiceLogonAccountOp = z
  .object({
    kind: z.literal('service-logon-account'),
    service: ServiceName,
    account: BuiltInServiceAccount,
  })
  .strict();
