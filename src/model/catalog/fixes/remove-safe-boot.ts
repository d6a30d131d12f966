import { defineFix, type FixInput } from 'rdp-rescue';

/**
 * Microsoft's article: `bcdedit /deletevalue {current} safeboot`. {default} is the entry the
 * next boot starts (the one the check reads). The old value is saved and undo sets it back
 * (bcdedit /set {default} safeboot minimal|network|dsrepair); bcdedit /export keeps an
 * emergency copy of the store, never imported by undo (it would drop later boot changes).
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
      'en-US':
        'The value of safeboot is saved (read from element 25000080 of the default entry); the whole store is also exported (bcdedit /export) as an emergency copy.',
      'sv-SE':
        'Värdet på safeboot sparas (läses från element 25000080 i standardposten); hela arkivet exporteras också (bcdedit /export) som nödkopia.',
      'nl-NL':
        'De waarde van safeboot wordt bewaard (gelezen uit element 25000080 van de standaardvermelding); het hele archief wordt ook geëxporteerd (bcdedit /export) als noodkopie.',
      'zh-TW':
        '會保存 safeboot 的值（從預設項目的元素 25000080 讀取）；整個存放區也會匯出（bcdedit /export）作為緊急備份。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Sets safeboot back to its saved value (bcdedit /set {default} safeboot minimal, network or dsrepair); other boot changes made since stay. The exported store is an emergency copy only: bcdedit /import would replace the whole store and drop later changes such as EMS turned on for the Serial Console (bcdedit /ems).',
      'sv-SE':
        'Återställer safeboot till det sparade värdet (bcdedit /set {default} safeboot minimal, network eller dsrepair); andra startändringar som gjorts sedan finns kvar. Det exporterade arkivet är bara en nödkopia: bcdedit /import ersätter hela arkivet och tar bort senare ändringar som bcdedit /ems {default} on.',
      'nl-NL':
        'Zet safeboot terug op de bewaarde waarde (bcdedit /set {default} safeboot minimal, network of dsrepair); andere opstartwijzigingen van daarna blijven. Het geëxporteerde archief is alleen een noodkopie: bcdedit /import vervangt het hele archief en verwijdert latere wijzigingen zoals bcdedit /ems {default} on.',
      'zh-TW':
        '將 safeboot 設回保存的值（bcdedit /set {default} safeboot minimal、network 或 dsrepair）；之後的其他開機變更會保留。匯出的存放區僅作為緊急備份：bcdedit /import 會取代整個存放區，並捨棄之後的變更，例如 bcdedit /ems {default} on。',
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
