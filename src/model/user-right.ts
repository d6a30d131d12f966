import { z } from 'zod';
import { Id } from './text.ts';
import { Sid } from './platform.ts';

/**
 * A user right (logon right or privilege) by its constant name, as secedit's USER_RIGHTS
 * export and LSA name it in every language: SeRemoteInteractiveLogonRight.
 */
export const UserRightName = z
  .string()
  .regex(
    /^Se[A-Za-z]+(Right|Privilege)$/,
    'must be a user right constant such as SeRemoteInteractiveLogonRight',
  );

/**
 * Which SIDs a user right is assigned to, read by SID (never by account name). Fires when
 * the right lacks one of `sids` (missing-any: Administrators lost "Allow log on through Remote
 * Desktop Services"), or holds one of them (granted-any: "Deny log on through Remote Desktop
 * Services" holds Local account).
 */
export const UserRightCheck = z
  .object({
    kind: z.literal('user-right'),
    id: Id,
    right: UserRightName,
    firesWhen: z.enum(['missing-any', 'granted-any']),
    sids: z.array(Sid).min(1),
  })
  .strict();
