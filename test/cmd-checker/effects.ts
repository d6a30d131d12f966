/**
 * What running a unit does to the variables the checker tracks. A value set on a path that
 * may not run (inside if or for, after && || |) becomes unknown, as does anything a called
 * script or `endlocal` may change.
 */
import { assignments } from './assignments.ts';
import type { Environment } from './environment.ts';
import { textOf } from './model.ts';
import { commandName, walk } from './syntax.ts';
import type { Unit } from './unit.ts';

export function applyEffects(unit: Unit, env: Environment): void {
  for (const { node, context } of walk(unit.chain).visits) {
    if (node.kind !== 'simple') continue;
    const name = commandName(node);
    if (name === 'call' || name === 'endlocal') env.forgetAll();
    if (unit.dialect === 'batch' && name === 'endlocal') env.delayedExpansion = false;
    if (unit.dialect === 'batch' && name === 'setlocal') {
      const options = textOf(node.args);
      if (/\benabledelayedexpansion\b/i.test(options)) env.delayedExpansion = true;
      if (/\bdisabledelayedexpansion\b/i.test(options)) env.delayedExpansion = false;
    }
    for (const a of assignments(node)) {
      if (a.wildcard) {
        env.forget(a.pattern);
        continue;
      }
      env.assign(a.name, context.conditional ? undefined : a.value);
      if (a.value === '') env.markCleared(a.name, true);
      else if (!context.conditional) env.markCleared(a.name, false);
    }
  }
}
