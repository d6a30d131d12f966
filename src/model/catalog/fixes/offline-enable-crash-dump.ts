import { defineFix, type FixInput } from 'rdp-rescue';

const CRASH = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\CrashControl';

/**
 * Seed: writes ControlSet001 and ControlSet002 blindly, and in an interactive cmd
 * %SystemRoot% expands to the rescue VM's own path. Here the control set comes from
 * Select\Current and the value is stored unexpanded.
 */
export default defineFix({
  id: 'offline-enable-crash-dump',
  scope: 'offline',
  title: {
    'en-US': 'Enable a full memory dump in the broken OS',
    'sv-SE': 'Aktivera fullständig minnesdump i det trasiga operativsystemet',
    'nl-NL': 'Een volledige geheugendump inschakelen in het defecte besturingssysteem',
    'zh-TW': '在故障的作業系統中啟用完整記憶體傾印',
  },
  description: {
    'en-US':
      'Sets CrashDumpEnabled=1, DumpFile=%SystemRoot%\\MEMORY.DMP and NMICrashDump=1 in the control set the broken OS boots, so a hang can be dumped from the Serial Console.',
    'sv-SE':
      'Sätter CrashDumpEnabled=1, DumpFile=%SystemRoot%\\MEMORY.DMP och NMICrashDump=1 i den kontrolluppsättning som det trasiga operativsystemet startar, så att ett häng kan dumpas från seriekonsolen.',
    'nl-NL':
      'Zet CrashDumpEnabled=1, DumpFile=%SystemRoot%\\MEMORY.DMP en NMICrashDump=1 in de controleset waarmee het defecte besturingssysteem opstart, zodat een vastloper vanuit de seriële console kan worden gedumpt.',
    'zh-TW':
      '在故障作業系統開機所用的控制集中設定 CrashDumpEnabled=1、DumpFile=%SystemRoot%\\MEMORY.DMP 與 NMICrashDump=1，以便從序列主控台傾印當機狀態。',
  },
  operations: [
    { kind: 'hive-load', hive: 'SYSTEM', mountAs: 'RDPRESCUE_SYSTEM' },
    { kind: 'registry-set', key: CRASH, name: 'CrashDumpEnabled', type: 'REG_DWORD', data: 1 },
    {
      kind: 'registry-set',
      key: CRASH,
      name: 'DumpFile',
      type: 'REG_EXPAND_SZ',
      data: '%SystemRoot%\\MEMORY.DMP',
    },
    { kind: 'registry-set', key: CRASH, name: 'NMICrashDump', type: 'REG_DWORD', data: 1 },
    { kind: 'hive-unload', mountAs: 'RDPRESCUE_SYSTEM' },
  ],
  backup: {
    description: {
      'en-US':
        'The SYSTEM hive file is copied, and the CrashControl key exported, before the hive is edited.',
      'sv-SE':
        'Registreringsdatafilen SYSTEM kopieras och nyckeln CrashControl exporteras innan registreringsdatafilen redigeras.',
      'nl-NL':
        'Het SYSTEM-componentbestand wordt gekopieerd en de sleutel CrashControl geëxporteerd voordat het component wordt bewerkt.',
      'zh-TW': '編輯登錄區前，會先複製 SYSTEM 登錄區檔案並匯出 CrashControl 機碼。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores the three values from the export (or the whole hive file from its copy).',
      'sv-SE':
        'Återställer de tre värdena från exporten (eller hela registreringsdatafilen från kopian).',
      'nl-NL':
        'Zet de drie waarden terug uit de export (of het hele componentbestand uit de kopie).',
      'zh-TW': '從匯出檔還原三個值（或從複本還原整個登錄區檔案）。',
    },
  },
  verify: {
    description: {
      'en-US': 'The three values read back as written in the booted control set.',
      'sv-SE': 'De tre värdena läses tillbaka som de skrevs i den startade kontrolluppsättningen.',
      'nl-NL':
        'De drie waarden worden in de opgestarte controleset teruggelezen zoals ze zijn geschreven.',
      'zh-TW': '在開機控制集中讀回的三個值與寫入的相同。',
    },
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      article: 'internal-error',
      section: 'Enable dump log and Serial Console',
      correction:
        'Writes the control set named by Select\\Current only, and stores %SystemRoot% unexpanded.',
    },
  ],
} satisfies FixInput);
