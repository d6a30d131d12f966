import type { Emitter } from './artifact.ts';
import { catalogJsonEmitter } from './catalog-json/index.ts';
import { powershellEmitter } from './powershell/index.ts';

/** Every target, in the order they run (later ones may read earlier artifacts). */
export const EMITTERS: readonly Emitter[] = [catalogJsonEmitter, powershellEmitter];
