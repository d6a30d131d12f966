import { defineFix, type FixInput } from 'rdp-rescue';

const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

/**
 * The value Microsoft's article writes for "Limit the maximum concurrent connections": no limit
 * of the listener's own (a Windows Server without the Session Host role still allows only its
 * two administrative sessions). A policy MaxInstanceCount wins: the fix then stays unverified.
 */
export default defineFix({
  id: 'restore-rdp-connection-limit',
  command: 'Reset-RdpConnectionLimit',
  scope: 'online',
  title: {
    'en-US': "Remove the listener's connection limit",
    'sv-SE': 'Ta bort lyssnarens anslutningsgräns',
    'nl-NL': 'De verbindingslimiet van de listener verwijderen',
    'zh-TW': '移除接聽程式的連線上限',
  },
  description: {
    'en-US':
      'Sets MaxInstanceCount=4294967295 (no limit) on the RDP-Tcp listener; reboot afterwards. When Group Policy limits connections, the policy wins: the fix reports that it is not verified, and the policy must be changed.',
    'sv-SE':
      'Sätter MaxInstanceCount=4294967295 (ingen gräns) för lyssnaren RDP-Tcp; starta om efteråt. Om en grupprincip begränsar anslutningarna vinner principen: åtgärden rapporteras som inte verifierad, och principen måste ändras.',
    'nl-NL':
      'Zet MaxInstanceCount=4294967295 (geen limiet) op de listener RDP-Tcp; start daarna opnieuw op. Als groepsbeleid verbindingen beperkt, wint het beleid: de reparatie meldt dat die niet is geverifieerd, en het beleid moet worden gewijzigd.',
    'zh-TW':
      '在 RDP-Tcp 接聽程式上設定 MaxInstanceCount=4294967295（無上限）；之後請重新開機。若群組原則限制連線，則以原則為準：此修正會回報未通過驗證，必須變更原則。',
  },
  operations: [
    {
      kind: 'registry-set',
      key: RDP_TCP,
      name: 'MaxInstanceCount',
      type: 'REG_DWORD',
      data: 4294967295,
    },
  ],
  backup: {
    description: {
      'en-US': 'The previous MaxInstanceCount value (or its absence) is saved.',
      'sv-SE': 'Det tidigare värdet för MaxInstanceCount (eller att det saknas) sparas.',
      'nl-NL': 'De vorige waarde van MaxInstanceCount (of het ontbreken ervan) wordt opgeslagen.',
      'zh-TW': '會儲存先前的 MaxInstanceCount 值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores MaxInstanceCount exactly as it was.',
      'sv-SE': 'Återställer MaxInstanceCount precis som det var.',
      'nl-NL': 'Zet MaxInstanceCount precies terug zoals het was.',
      'zh-TW': '將 MaxInstanceCount 完全還原為原狀。',
    },
  },
  verify: {
    description: {
      'en-US': 'The effective limit (the policy value when there is one) is no longer 0.',
      'sv-SE': 'Den gällande gränsen (principvärdet om det finns) är inte längre 0.',
      'nl-NL': 'De geldende limiet (de beleidswaarde als die er is) is niet langer 0.',
      'zh-TW': '有效上限（若有原則值則為原則值）不再是 0。',
    },
    checks: ['rdp-connection-limit-zero', 'rdp-connection-limit-one'],
  },
  effects: { restartsServices: [], reboot: true },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-intermittent-connectivity',
      title: 'Remote Desktop disconnects frequently in Azure VM',
      section: 'Serial control',
      correction:
        "Value name without the article's single quotes, which cmd would keep as part of the name.",
    },
  ],
} satisfies FixInput);
