import { z } from 'zod';

/**
 * Language-neutral names of things on the VM. Display names and account names are
 * translated on localized Windows; these are not.
 */

/** A registry key under HKLM, written without a trailing backslash. */
export const RegistryKey = z
  .string()
  .regex(
    /^HKLM\\[^\\].*[^\\ ]$/,
    'must be a key under HKLM, e.g. "HKLM\\SYSTEM\\CurrentControlSet\\..."',
  )
  .refine((k) => !k.includes('\\\\'), 'must not contain an empty path segment');

export const RegistryValueName = z.string().min(1).max(255);

export const RegistryType = z.enum(['REG_DWORD', 'REG_SZ', 'REG_EXPAND_SZ', 'REG_BINARY']);
export type RegistryType = z.infer<typeof RegistryType>;

/** Service short names (never display names). */
export const ServiceName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a service short name');

/** A string SID, e.g. S-1-5-18. Never an account name. */
export const Sid = z
  .string()
  .regex(/^S-1-\d+(-\d+)+$/, 'must be a SID such as S-1-5-18, not an account name');

/**
 * A folder or file on the Windows volume, relative to a well-known root, so the same path
 * works online (%ProgramData%) and offline (<drive>:\ProgramData on the attached disk).
 */
export const WindowsPath = z
  .object({
    root: z.enum(['ProgramData', 'SystemRoot', 'SystemDrive']),
    sub: z.string().regex(/^[^\\/:*?"<>|][^/:*?"<>|]*$/, 'must be a relative Windows path'),
  })
  .strict();
export type WindowsPath = z.infer<typeof WindowsPath>;

/** A value a fix writes: a literal, or a parameter the operator supplies. */
export const ParameterRef = z.object({ param: z.string().regex(/^[A-Z][A-Za-z]+$/) }).strict();
export type ParameterRef = z.infer<typeof ParameterRef>;
export const Value = z.union([z.number().int().nonnegative(), z.string(), ParameterRef]);
export type Value = z.infer<typeof Value>;
