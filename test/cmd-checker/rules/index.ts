import { ambiguousElse } from './ambiguous-else.ts';
import { batchOnly } from './batch-only.ts';
import { delayedBang } from './delayed-bang.ts';
import { errorlevelAfterSet } from './errorlevel-after-set.ts';
import { forVariable } from './for-variable.ts';
import { lineTooLong } from './line-too-long.ts';
import { lonePercent } from './lone-percent.ts';
import { modifierOnCleared } from './modifier-on-cleared.ts';
import { parenInText } from './paren-in-text.ts';
import { redirectionInText } from './redirection-in-text.ts';
import type { Rule } from './rule.ts';
import { setThenRead } from './set-then-read.ts';
import { unbalanced } from './unbalanced.ts';

export type { Rule } from './rule.ts';

export const RULES: readonly Rule[] = [
  setThenRead,
  parenInText,
  redirectionInText,
  ambiguousElse,
  batchOnly,
  unbalanced,
  forVariable,
  lonePercent,
  modifierOnCleared,
  errorlevelAfterSet,
  delayedBang,
  lineTooLong,
];
