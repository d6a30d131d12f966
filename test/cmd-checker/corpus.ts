/**
 * The generated CMD of a build folder, as the console runs it: every batch file on its own,
 * and the paste blocks of one script (`<name>-<k>-of-<n>.txt`, or the transfer's
 * `block-<k>.txt`) in order, in one console.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkScript, type ScriptFile } from './check.ts';
import type { Dialect, Finding } from './model.ts';

export interface Script {
  name: string;
  dialect: Dialect;
  files: ScriptFile[];
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  let out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return [];
  }
  for (const name of names) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(filesUnder(full, pattern));
    else if (pattern.test(name)) out.push(full);
  }
  return out;
}

export function corpusScripts(root: string): Script[] {
  const read = (full: string): ScriptFile => ({
    path: relative(root, full).split('\\').join('/'),
    text: readFileSync(full, 'latin1'),
  });
  const scripts: Script[] = [];
  for (const folder of ['cmd', 'offline'])
    for (const full of filesUnder(join(root, folder), /\.cmd$/i))
      scripts.push({ name: read(full).path, dialect: 'batch', files: [read(full)] });
  const groups = new Map<string, { k: number; file: ScriptFile }[]>();
  for (const full of filesUnder(join(root, 'serial-console'), /\.txt$/i)) {
    const file = read(full);
    const m = /^(.*?)(?:-(\d+)-of-\d+|\/block-(\d+))\.txt$/.exec(file.path);
    const name = m ? m[1]! : file.path;
    const k = m ? Number(m[2] ?? m[3]) : 1;
    groups.set(name, [...(groups.get(name) ?? []), { k, file }]);
  }
  for (const [name, blocks] of groups)
    scripts.push({
      name,
      dialect: 'paste',
      files: blocks.sort((a, b) => a.k - b.k).map((b) => b.file),
    });
  return scripts;
}

export function checkCorpus(root: string): Finding[] {
  return corpusScripts(root).flatMap((s) => checkScript(s.files, s.dialect));
}
