import type { CheckOf } from '../../model/index.ts';
import { RDSH_APP_SERVER_MODE, RDSH_CLASS, RDSH_NAMESPACE } from '../../model/index.ts';
import { powershellProbe, type CheckOutcome } from './checks.ts';
import type { Reads } from './reads/index.ts';
import { text } from './syntax/index.ts';

/**
 * Whether the RD Session Host role service is installed, from WMI (TerminalServerMode, a
 * number). -ea 1 (Stop): a WMI error ends the whole probe without an answer, which reads as failed,
 * never as quiet.
 */
export function rdshServerModeOutcome(_check: CheckOf<'rdsh-server-mode'>, r: Reads): CheckOutcome {
  return powershellProbe(
    r,
    [],
    [
      text(
        `(gcim -n ${RDSH_NAMESPACE} ${RDSH_CLASS} -ea 1).TerminalServerMode -ne ${RDSH_APP_SERVER_MODE}`,
      ),
    ],
  );
}
