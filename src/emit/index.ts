import type { Emitter } from './artifact.ts';
import { catalogJsonEmitter } from './catalog-json/index.ts';
import { powershellEmitter } from './powershell/index.ts';
import { cmdEmitter } from './cmd/index.ts';
import { repairVmEmitter } from './repair-vm/index.ts';
import { docsEmitter } from './docs/index.ts';
import { pageEmitter } from './page/index.ts';

/** Every target, in the order they run (later ones may read earlier artifacts). */
export const EMITTERS: readonly Emitter[] = [
  catalogJsonEmitter,
  powershellEmitter,
  cmdEmitter,
  repairVmEmitter,
  docsEmitter,
  pageEmitter,
];
