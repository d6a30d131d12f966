/**
 * What `sc query <service>` prints, for the shims. The CMD checks read the state by numbers and
 * punctuation only (see scStateLoop), so the Swedish, Dutch and Traditional Chinese forms carry
 * translated labels and state words, and an exit code of 4 that must not be read as the state.
 * (sc.exe on the English and Russian builds we saw prints English labels; no localized build was
 * available to copy from: these forms stand for any translation of the words.)
 */

export type ScCulture = 'en-US' | 'sv-SE' | 'nl-NL' | 'zh-TW';

const LABELS: Record<ScCulture, [string, string, string, string]> = {
  'en-US': ['TYPE', 'STATE', 'WIN32_EXIT_CODE', 'SERVICE_EXIT_CODE'],
  'sv-SE': ['TYP', 'TILLSTÅND', 'WIN32-AVSLUTNINGSKOD', 'TJÄNSTENS AVSLUTNINGSKOD'],
  'nl-NL': ['TYPE', 'STATUS', 'WIN32-AFSLUITCODE', 'AFSLUITCODE VAN SERVICE'],
  'zh-TW': ['類型', '狀態', 'WIN32 結束代碼', '服務結束代碼'],
};

const WORDS: Record<ScCulture, Record<number, string>> = {
  'en-US': { 1: 'STOPPED', 2: 'START_PENDING', 3: 'STOP_PENDING', 4: 'RUNNING' },
  'sv-SE': { 1: 'STOPPAD', 2: 'STARTAR', 3: 'STOPPAR', 4: 'KÖRS' },
  'nl-NL': { 1: 'GESTOPT', 2: 'WORDT GESTART', 3: 'WORDT GESTOPT', 4: 'WORDT UITGEVOERD' },
  'zh-TW': { 1: '已停止', 2: '正在啟動', 3: '正在停止', 4: '執行中' },
};

/** sc query output for a service in state 1..4; a stopped one carries exit codes 4. */
export function scQuery(
  service: string,
  state: 1 | 2 | 3 | 4,
  culture: ScCulture = 'en-US',
): string {
  const [type, st, win32, svc] = LABELS[culture];
  const pad = (label: string) => `        ${label.padEnd(19)}: `;
  const exit = state === 1 ? '1066  (0x42a)' : '0  (0x0)';
  const serviceExit = state === 1 ? '4  (0x4)' : '0  (0x0)';
  // The shim's fixture file is written byte for byte (latin1): pass the UTF-8 bytes through.
  const lines = [
    '',
    `SERVICE_NAME: ${service}`,
    `${pad(type)}20  WIN32_SHARE_PROCESS`,
    `${pad(st)}${state}  ${WORDS[culture][state]}`,
    '                                (STOPPABLE, NOT_PAUSABLE, IGNORES_SHUTDOWN)',
    `${pad(win32)}${exit}`,
    `${pad(svc)}${serviceExit}`,
    `${pad('CHECKPOINT')}0x0`,
    `${pad('WAIT_HINT')}0x0`,
    '',
  ];
  return Buffer.from(lines.join('\n'), 'utf8').toString('latin1');
}

/** What sc query prints for a service that does not exist (error 1060), exit code 1060. */
export const SC_NO_SUCH_SERVICE = {
  rc: 1060,
  output:
    '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\n\nThe specified service does not exist as an installed service.',
};

/** Fixture sections: these services run, every other one is stopped. */
export function scRunning(services: readonly string[], culture: ScCulture = 'en-US') {
  return [
    ...services.map((s) => ({ match: `query ${s}`, output: scQuery(s, 4, culture) })),
    { match: 'query', output: scQuery('Other', 1, culture) },
  ];
}
