/**
 * An independent checker of generated CMD against Windows' cmd.exe parse rules. It shares no
 * code with the emitter: its own model of cmd's phases (percent.ts, parser.ts) and one module
 * per rule (rules/). Paste blocks of one script run in one console, so they are checked in
 * order with one environment; a batch file starts afresh.
 */
import { applyEffects } from './effects.ts';
import { Environment } from './environment.ts';
import type { Dialect, Finding } from './model.ts';
import { RULES } from './rules/index.ts';
import { readUnit, type Unit } from './unit.ts';

export interface ScriptFile {
  path: string;
  text: string;
}

export function checkScript(files: readonly ScriptFile[], dialect: Dialect): Finding[] {
  const env = new Environment();
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const lines = file.text.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    let previous: Unit | undefined;
    for (let read = readUnit(lines, 0, dialect, env); read;) {
      for (const rule of RULES)
        for (const issue of rule.check(read.unit, previous)) {
          const finding = { file: file.path, ...issue };
          const key = `${finding.file}:${finding.line}:${finding.rule}:${finding.message}`;
          if (!seen.has(key)) findings.push(finding);
          seen.add(key);
        }
      applyEffects(read.unit, env);
      previous = read.unit;
      read = readUnit(lines, read.next, dialect, env);
    }
  }
  return findings;
}

export function checkText(text: string, dialect: Dialect, path = 'test'): Finding[] {
  return checkScript([{ path, text }], dialect);
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.rule}:${f.message}`;
}
