import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * Microsoft's article: `bcdedit /deletevalue {current} safeboot`. {default} is the entry the
 * next boot starts (the one the check reads); bcdedit /export saves the whole store first and
 * bcdedit /import puts it back, both documented for the system store.
 */
export default defineFix({
  id: 'remove-safe-boot',
  command: 'Remove-RdpSafeBoot',
  scope: 'online',
  title: {
    'en-US': 'Remove safeboot from the default boot entry',
    'sv-SE': 'Ta bort safeboot från standardstartposten',
    'nl-NL': 'safeboot verwijderen uit de standaardopstartvermelding',
    'zh-TW': '從預設開機項目移除 safeboot',
  },
  description: {
    'en-US':
      'Deletes the safeboot element of the default boot entry (bcdedit /deletevalue {default} safeboot), so that Windows starts normally at the next boot.',
    'sv-SE':
      'Tar bort elementet safeboot från standardstartposten (bcdedit /deletevalue {default} safeboot), så att Windows startar normalt vid nästa start.',
    'nl-NL':
      'Verwijdert het element safeboot uit de standaardopstartvermelding (bcdedit /deletevalue {default} safeboot), zodat Windows bij de volgende start normaal opstart.',
    'zh-TW':
      '刪除預設開機項目的 safeboot 元素（bcdedit /deletevalue {default} safeboot），讓 Windows 在下次開機時正常啟動。',
  },
  operations: [{ kind: 'bcd-delete-value', entry: '{default}', element: 'safeboot' }],
  backup: {
    description: {
      'en-US': 'The boot store is exported to a file first (bcdedit /export).',
      'sv-SE': 'Startarkivet exporteras först till en fil (bcdedit /export).',
      'nl-NL': 'Het opstartarchief wordt eerst naar een bestand geëxporteerd (bcdedit /export).',
      'zh-TW': '會先將開機存放區匯出至檔案（bcdedit /export）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Imports the exported boot store again (bcdedit /import), which puts safeboot back with its previous value.',
      'sv-SE':
        'Importerar det exporterade startarkivet igen (bcdedit /import), vilket återställer safeboot med sitt tidigare värde.',
      'nl-NL':
        'Importeert het geëxporteerde opstartarchief opnieuw (bcdedit /import), waardoor safeboot met de vorige waarde terugkomt.',
      'zh-TW': '重新匯入先前匯出的開機存放區（bcdedit /import），safeboot 會以原來的值恢復。',
    },
  },
  verify: {
    description: {
      'en-US': 'The default boot entry no longer carries safeboot.',
      'sv-SE': 'Standardstartposten har inte längre safeboot.',
      'nl-NL': 'De standaardopstartvermelding heeft geen safeboot meer.',
      'zh-TW': '預設開機項目不再帶有 safeboot。',
    },
    checks: ['default-entry-safeboot'],
  },
  effects: { restartsServices: [], reboot: true },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-safe-mode',
      title: 'Cannot RDP to a VM because the VM boots into Safe Mode',
      section: 'Solution / Use Serial control',
      correction:
        'Deletes safeboot from {default}, the entry the next boot starts, only when it is there (bcdedit /deletevalue fails on a missing element), after exporting the store.',
    },
  ],
} satisfies FixInput);
