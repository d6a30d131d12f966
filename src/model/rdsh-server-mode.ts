import { z } from 'zod';
import { Id } from './text.ts';

/**
 * The Remote Desktop Session Host role service is installed: Win32_TerminalServiceSetting
 * (namespace root\cimv2\TerminalServices) reports TerminalServerMode 1 (AppServer) instead of
 * 0 (RemoteAdmin, the two administrative connections every Windows Server has). A number,
 * the same in every language; WMI only, so it cannot be read from an attached disk.
 */
export const RDSH_NAMESPACE = 'root/cimv2/TerminalServices';
export const RDSH_CLASS = 'Win32_TerminalServiceSetting';
export const RDSH_APP_SERVER_MODE = 1;

export const RdshServerModeCheck = z
  .object({
    kind: z.literal('rdsh-server-mode'),
    id: Id,
    /** Fires when the machine is a Session Host (TerminalServerMode = 1). */
    firesWhen: z.literal('session-host'),
  })
  .strict();
