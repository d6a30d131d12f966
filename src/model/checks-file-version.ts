import { z } from 'zod';
import { Id } from './text.ts';
import { WindowsPath } from './platform.ts';

/** An OS build as the first three parts of a file version: major.minor.build. */
const OsBuild = z.string().regex(/^\d{1,5}\.\d{1,5}\.\d{1,5}$/, 'must be major.minor.build');
/** A four-part file version: major.minor.build.revision, each 0-65535. */
const FileVersion = z
  .string()
  .regex(/^\d{1,5}(\.\d{1,5}){3}$/, 'must be major.minor.build.revision')
  .refine((v) => v.split('.').every((p) => Number(p) <= 65535), 'each part must be 0-65535');

/** The four parts of a file version as numbers, to compare numerically (never as text). */
export function fileVersionParts(version: string): [number, number, number, number] {
  const parts = version.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p)))
    throw new Error(`'${version}' is no four-part file version`);
  return parts as [number, number, number, number];
}

/**
 * A file of Windows itself is older than the update that fixes a problem. Its file version
 * (FileMajorPart.FileMinorPart.FileBuildPart.FilePrivatePart) names the OS build it belongs to
 * (the first three parts); the check fires when that build is listed and the version is below
 * the build's minimum. A build not listed is not affected and does not fire; a file that is
 * missing or unreadable makes the check fail (UNKNOWN), never quiet. Only files under
 * %SystemRoot%, which standard users cannot write.
 */
export const FileVersionCheck = z
  .object({
    kind: z.literal('file-version'),
    id: Id,
    path: WindowsPath.refine((p) => p.root === 'SystemRoot', {
      message: 'must be under SystemRoot (a file standard users cannot write)',
      path: ['root'],
    }).refine((p) => !p.sub.split('\\').includes('..'), {
      message: 'must not leave SystemRoot (no .. segment)',
      path: ['sub'],
    }),
    /** The lowest fixed version per OS build; each minimum belongs to its build. */
    minimumVersions: z
      .array(z.object({ build: OsBuild, minimum: FileVersion }).strict())
      .min(1)
      .superRefine((rows, ctx) => {
        const seen = new Set<string>();
        rows.forEach((row, i) => {
          if (!row.minimum.startsWith(`${row.build}.`))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'minimum'],
              message: `minimum ${row.minimum} does not belong to build ${row.build}`,
            });
          if (seen.has(row.build))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'build'],
              message: `build ${row.build} twice`,
            });
          seen.add(row.build);
        });
      }),
  })
  .strict();
export type FileVersionCheck = z.infer<typeof FileVersionCheck>;
