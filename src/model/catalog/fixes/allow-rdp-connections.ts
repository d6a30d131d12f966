import { defineFix, type FixInput } from 'rdp-rescue';

const TERMINAL_SERVER = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server';

/**
 * The local value only: a policy value (Policies\...\Terminal Services) wins over it and is
 * the policy's to change, so the fix then stays unverified and the scenario's supporting
 * check and manual step say why. Microsoft's article restarts the VM after the change; so
 * does the fix's advice (reboot), nothing is restarted under the operator's feet.
 */
export default defineFix({
  id: 'allow-rdp-connections',
  command: 'Enable-RdpConnection',
  scope: 'online',
  title: {
    'en-US': 'Allow Remote Desktop connections',
    'sv-SE': 'Tillåt fjärrskrivbordsanslutningar',
    'nl-NL': 'Extern bureaublad-verbindingen toestaan',
    'zh-TW': '允許遠端桌面連線',
  },
  description: {
    'en-US':
      'Sets fDenyTSConnections=0 under Control\\Terminal Server; reboot afterwards. When Group Policy denies Remote Desktop, the policy wins: the fix reports that it is not verified, and the policy must be changed.',
    'sv-SE':
      'Sätter fDenyTSConnections=0 under Control\\Terminal Server; starta om efteråt. Om en grupprincip nekar Fjärrskrivbord vinner principen: åtgärden rapporteras som inte verifierad, och principen måste ändras.',
    'nl-NL':
      'Zet fDenyTSConnections=0 onder Control\\Terminal Server; start daarna opnieuw op. Als groepsbeleid Extern bureaublad weigert, wint het beleid: de reparatie meldt dat die niet is geverifieerd, en het beleid moet worden gewijzigd.',
    'zh-TW':
      '在 Control\\Terminal Server 下設定 fDenyTSConnections=0；之後請重新開機。若群組原則拒絕遠端桌面，則以原則為準：此修正會回報未通過驗證，必須變更原則。',
  },
  operations: [
    {
      kind: 'registry-set',
      key: TERMINAL_SERVER,
      name: 'fDenyTSConnections',
      type: 'REG_DWORD',
      data: 0,
    },
  ],
  backup: {
    description: {
      'en-US': 'The previous fDenyTSConnections value (or its absence) is saved.',
      'sv-SE': 'Det tidigare värdet för fDenyTSConnections (eller att det saknas) sparas.',
      'nl-NL': 'De vorige waarde van fDenyTSConnections (of het ontbreken ervan) wordt opgeslagen.',
      'zh-TW': '會儲存先前的 fDenyTSConnections 值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores fDenyTSConnections exactly as it was.',
      'sv-SE': 'Återställer fDenyTSConnections precis som det var.',
      'nl-NL': 'Zet fDenyTSConnections precies terug zoals het was.',
      'zh-TW': '將 fDenyTSConnections 完全還原為原狀。',
    },
  },
  verify: {
    description: {
      'en-US': 'The effective value (the policy value when there is one) is no longer 1.',
      'sv-SE': 'Det gällande värdet (principvärdet om det finns) är inte längre 1.',
      'nl-NL': 'De geldende waarde (de beleidswaarde als die er is) is niet langer 1.',
      'zh-TW': '有效值（若有原則值則為原則值）不再是 1。',
    },
    checks: ['rdp-connections-denied'],
  },
  effects: { restartsServices: [], reboot: true },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-general-error',
      title: 'Troubleshoot an RDP general error in Azure VM',
      section: 'Solution / Serial Console / Step 2: Check the values of RDP registry keys',
    },
  ],
} satisfies FixInput);
