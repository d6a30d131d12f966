import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog, Scenario } from '../src/model/index.ts';

/**
 * Writes a catalog of `count` scenarios derived from the real ones (new ids, same shapes) as
 * plain ES modules, in the layout `rdp-rescue build --catalog` reads.
 */
export function writeSyntheticCatalog(real: Catalog, count: number, dir: string): void {
  if (count < real.scenarios.length)
    throw new Error(
      `a synthetic catalog holds every real scenario (the fixes verify their checks): ${count} < ${real.scenarios.length}`,
    );
  mkdirSync(join(dir, 'scenarios'), { recursive: true });
  mkdirSync(join(dir, 'fixes'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  const write = (file: string, value: unknown) =>
    writeFileSync(join(dir, file), `export default ${JSON.stringify(value)};\n`);
  write('articles.js', real.articles);
  write('symptoms.js', real.symptoms);
  write('offline.js', real.offline);
  for (const fix of real.fixes) write(`fixes/${fix.id}.js`, fix);
  for (let i = 0; i < count; i++) {
    const base = real.scenarios[i % real.scenarios.length]!;
    const scenario = i < real.scenarios.length ? base : derive(base, i);
    write(`scenarios/${scenario.id}.js`, scenario);
  }
}

/** A copy with new ids: the real scenarios come first, as they are (fixes verify their check ids). */
function derive(base: Scenario, index: number): Scenario {
  const suffix = `s${index}`;
  return {
    ...base,
    id: `${base.id}-${suffix}`.slice(0, 40),
    evidence: base.evidence.map((e) => ({
      ...e,
      check: { ...e.check, id: `${e.check.id}-${suffix}`.slice(0, 40) },
    })),
  };
}
