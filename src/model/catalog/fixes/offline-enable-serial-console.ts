import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * Seed: bcdedit /store F:\boot\bcd ... /ems {<BOOT LOADER IDENTIFIER>} ON. {default} resolves
 * inside the offline store, and the store is found on the attached disk (Gen1: \boot\BCD on
 * the active partition; Gen2: \EFI\Microsoft\Boot\BCD on the EFI system partition).
 */
export default defineFix({
  id: 'offline-enable-serial-console',
  scope: 'offline',
  title: {
    'en-US': 'Enable the Serial Console (EMS) in the broken OS',
    'sv-SE': 'Aktivera seriekonsolen (EMS) i det trasiga operativsystemet',
    'nl-NL': 'De seriële console (EMS) inschakelen in het defecte besturingssysteem',
    'zh-TW': '在故障的作業系統中啟用序列主控台（EMS）',
  },
  description: {
    'en-US':
      "Turns on the boot menu, boot EMS and EMS for the default boot entry on COM1 at 115200 baud in the attached disk's boot store.",
    'sv-SE':
      'Aktiverar startmenyn, EMS vid start och EMS för standardstartposten på COM1 med 115200 baud i startarkivet på den anslutna disken.',
    'nl-NL':
      'Schakelt het opstartmenu, EMS bij opstarten en EMS voor de standaardopstartvermelding op COM1 met 115200 baud in, in het opstartarchief van de gekoppelde schijf.',
    'zh-TW':
      '在已連結磁碟的開機存放區中，開啟開機功能表、開機 EMS，並為預設開機項目在 COM1 以 115200 鮑率啟用 EMS。',
  },
  operations: [
    { kind: 'bcd-set', entry: '{bootmgr}', setting: 'displaybootmenu', value: 'yes' },
    { kind: 'bcd-set', entry: '{bootmgr}', setting: 'timeout', value: '5' },
    { kind: 'bcd-set', entry: '{bootmgr}', setting: 'bootems', value: 'yes' },
    { kind: 'bcd-set', entry: '{default}', setting: 'ems', value: 'on' },
    { kind: 'bcd-ems-settings', port: 1, baudRate: 115200 },
  ],
  backup: {
    description: {
      'en-US': 'The boot store is exported to a file before it is changed.',
      'sv-SE': 'Startarkivet exporteras till en fil innan det ändras.',
      'nl-NL':
        'Het opstartarchief wordt naar een bestand geëxporteerd voordat het wordt gewijzigd.',
      'zh-TW': '變更前會先將開機存放區匯出至檔案。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Copies the exported boot store back over the changed one.',
      'sv-SE': 'Kopierar tillbaka det exporterade startarkivet över det ändrade.',
      'nl-NL': 'Kopieert het geëxporteerde opstartarchief terug over het gewijzigde.',
      'zh-TW': '將匯出的開機存放區複製回去，覆蓋已變更的存放區。',
    },
  },
  verify: {
    description: {
      'en-US': 'The default entry reports ems Yes in the offline store.',
      'sv-SE': 'Standardposten visar ems Yes i det frånkopplade arkivet.',
      'nl-NL': 'De standaardvermelding toont ems Yes in het offline archief.',
      'zh-TW': '離線存放區中的預設項目顯示 ems Yes。',
    },
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      article: 'internal-error',
      section: 'Enable dump log and Serial Console',
      correction:
        'Finds the boot store of Generation 1 and Generation 2 disks and uses {default} instead of a <BOOT LOADER IDENTIFIER> placeholder.',
    },
  ],
} satisfies FixInput);
