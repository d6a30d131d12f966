import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve, basename } from 'node:path';

/**
 * A folder built beside the real output and swapped in at the end, so a failed build never
 * leaves a half-written output behind.
 */
export class StagingFolder {
  readonly path: string;
  private constructor(readonly target: string) {
    this.path = join(dirname(target), `.${basename(target)}.staging-${process.pid}`);
  }

  static async create(target: string): Promise<StagingFolder> {
    const staging = new StagingFolder(resolve(target));
    await rm(staging.path, { recursive: true, force: true });
    await mkdir(staging.path, { recursive: true });
    return staging;
  }

  async write(relativePath: string, content: Buffer | string): Promise<void> {
    const file = join(this.path, ...relativePath.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content);
  }

  /** Replaces the target with the staged folder. */
  async commit(): Promise<void> {
    const old = join(dirname(this.target), `.${basename(this.target)}.old-${process.pid}`);
    const hadTarget = existsSync(this.target);
    if (hadTarget) await rename(this.target, old);
    try {
      await rename(this.path, this.target);
    } catch (error) {
      if (hadTarget) await rename(old, this.target);
      throw error;
    }
    if (hadTarget) await rm(old, { recursive: true, force: true });
  }

  async discard(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }
}
