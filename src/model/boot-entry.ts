import { z } from 'zod';
import { Id } from './text.ts';

/**
 * Boot entry elements: the check reads them and the operation deletes them. The system store
 * is a registry hive (HKLM\BCD00000000 online, the BCD file offline) whose elements are keys
 * named by their element type number, the same in every language; bcdedit's listing is not.
 *
 * Element types from BcdOSLoaderElementTypes (BCD WMI provider, Microsoft Learn):
 * BcdOSLoaderInteger_SafeBoot = 0x25000080 (BcdLibrary_SafeBoot: 0 Minimal, 1 Network,
 * 2 DsRepair), BcdOSLoaderBoolean_SafeBootAlternateShell = 0x26000081.
 */
export const BOOT_ELEMENT_TYPES = {
  safeboot: '25000080',
  safebootalternateshell: '26000081',
} as const;

export const BootElement = z.enum(['safeboot', 'safebootalternateshell']);
export type BootElement = z.infer<typeof BootElement>;

/**
 * {default} is the entry the next boot starts (the boot manager's 23000003 element names it
 * in the store itself), which is the one a fix must change; {current} exists only online.
 */
export const BootEntry = z.literal('{default}');

export const BootEntryCheck = z
  .object({
    kind: z.literal('boot-entry'),
    id: Id,
    entry: BootEntry,
    /** Fires when the entry carries this element. */
    element: BootElement,
  })
  .strict();

export const BcdDeleteValueOp = z
  .object({
    kind: z.literal('bcd-delete-value'),
    entry: BootEntry,
    /** Deleted only when present (bcdedit /deletevalue fails on a missing element). */
    element: BootElement,
  })
  .strict();

/** The well-known GUID of {bootmgr}, and its element naming the {default} entry (BcdBootMgrObject_DefaultObject). */
export const BOOTMGR_GUID = '{9dea862c-5cdd-4e70-acc1-f32b344d4795}';
export const DEFAULT_OBJECT_ELEMENT = '23000003';
/** Where Windows mounts its own system store. */
export const SYSTEM_STORE_KEY = 'HKLM\\BCD00000000';
