import type { Issue, RuleId } from '../model.ts';
import type { Unit } from '../unit.ts';

export interface Rule {
  id: RuleId;
  /** What the rule holds, and where Windows' behaviour behind it is documented. */
  summary: string;
  source: string;
  /** `previous`: the unit run just before, in the same file. */
  check(unit: Unit, previous: Unit | undefined): Issue[];
}

export const PARSE_ANSWER = 'https://stackoverflow.com/a/4095133';
