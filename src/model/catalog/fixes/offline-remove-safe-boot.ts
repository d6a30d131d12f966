import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * Microsoft's article, offline: `bcdedit /store F:\boot\bcd /deletevalue {Default} safeboot`.
 * The store is found on the attached disk (Generation 1: \Boot\BCD; Generation 2: the EFI
 * system partition), and the element is read from the store's keys before and after.
 */
export default defineFix({
  id: 'offline-remove-safe-boot',
  scope: 'offline',
  title: {
    'en-US': 'Remove safeboot from the default boot entry of the broken OS',
    'sv-SE': 'Ta bort safeboot från standardstartposten i det trasiga operativsystemet',
    'nl-NL':
      'safeboot verwijderen uit de standaardopstartvermelding van het defecte besturingssysteem',
    'zh-TW': '從故障作業系統的預設開機項目移除 safeboot',
  },
  description: {
    'en-US':
      "Deletes the safeboot element of the default entry in the attached disk's boot store, when the entry carries it, so that Windows starts normally.",
    'sv-SE':
      'Tar bort elementet safeboot från standardposten i startarkivet på den anslutna disken, om posten har det, så att Windows startar normalt.',
    'nl-NL':
      'Verwijdert het element safeboot uit de standaardvermelding in het opstartarchief van de gekoppelde schijf, als de vermelding het heeft, zodat Windows normaal opstart.',
    'zh-TW':
      '若已連結磁碟的開機存放區中預設項目帶有 safeboot 元素，就將其刪除，讓 Windows 正常啟動。',
  },
  operations: [{ kind: 'bcd-delete-value', entry: '{default}', element: 'safeboot' }],
  backup: {
    description: {
      'en-US': 'The boot store is copied before it is changed.',
      'sv-SE': 'Startarkivet kopieras innan det ändras.',
      'nl-NL': 'Het opstartarchief wordt gekopieerd voordat het wordt gewijzigd.',
      'zh-TW': '變更前會先複製開機存放區。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Copies the saved boot store back, with safeboot and its previous value.',
      'sv-SE': 'Kopierar tillbaka det sparade startarkivet, med safeboot och dess tidigare värde.',
      'nl-NL': 'Kopieert het opgeslagen opstartarchief terug, met safeboot en de vorige waarde.',
      'zh-TW': '將儲存的開機存放區複製回去，safeboot 及其原來的值也隨之恢復。',
    },
  },
  verify: {
    description: {
      'en-US': 'The default entry of the offline store no longer carries safeboot.',
      'sv-SE': 'Standardposten i det frånkopplade arkivet har inte längre safeboot.',
      'nl-NL': 'De standaardvermelding in het offline archief heeft geen safeboot meer.',
      'zh-TW': '離線存放區中的預設項目不再帶有 safeboot。',
    },
  },
  effects: { restartsServices: [], reboot: false },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-safe-mode',
      title: 'Cannot RDP to a VM because the VM boots into Safe Mode',
      section: 'Repair the VM offline / Configure the Windows to boot into normal mode',
      correction:
        'Finds the boot store of Generation 1 and Generation 2 disks instead of assuming F:\\boot\\bcd, and deletes safeboot only when the {default} entry carries it (bcdedit fails on a missing element).',
    },
  ],
} satisfies FixInput);
