import { defineFix, type FixInput } from 'rdp-rescue';

const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

/**
 * Microsoft's authentication-error article lowers MinEncryptionLevel from 4 to 2 (and from 2
 * to 1); High (3, 128-bit) is the lowest step RdpRescue takes, and only when asked. A policy
 * value (Policies\...\Terminal Services MinEncryptionLevel) wins: the fix then stays unverified.
 */
export default defineFix({
  id: 'set-rdp-encryption-high',
  command: 'Set-RdpEncryptionLevel',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Lower RDP encryption from FIPS Compliant to High',
    'sv-SE': 'Sänk RDP-krypteringen från FIPS-kompatibel till Hög',
    'nl-NL': 'RDP-versleuteling verlagen van FIPS-compatibel naar Hoog',
    'zh-TW': '將 RDP 加密從符合 FIPS 降為高',
  },
  description: {
    'en-US':
      'Sets MinEncryptionLevel=3 (High, 128-bit) on the RDP-Tcp listener; reboot afterwards. The level applies only to the native RDP security layer (SecurityLayer=0), never to TLS. When Group Policy sets the level, the policy wins and the fix reports that it is not verified.',
    'sv-SE':
      'Sätter MinEncryptionLevel=3 (Hög, 128 bitar) för lyssnaren RDP-Tcp; starta om efteråt. Nivån gäller bara det inbyggda RDP-säkerhetslagret (SecurityLayer=0), aldrig TLS. Om en grupprincip sätter nivån vinner principen och åtgärden rapporteras som inte verifierad.',
    'nl-NL':
      'Zet MinEncryptionLevel=3 (Hoog, 128-bits) op de listener RDP-Tcp; start daarna opnieuw op. Het niveau geldt alleen voor de systeemeigen RDP-beveiligingslaag (SecurityLayer=0), nooit voor TLS. Als groepsbeleid het niveau instelt, wint het beleid en meldt de reparatie dat die niet is geverifieerd.',
    'zh-TW':
      '在 RDP-Tcp 接聽程式上設定 MinEncryptionLevel=3（高，128 位元）；之後請重新開機。此層級只適用於原生 RDP 安全性層（SecurityLayer=0），絕不適用於 TLS。若由群組原則設定層級，則以原則為準，此修正會回報未通過驗證。',
  },
  operations: [
    { kind: 'registry-set', key: RDP_TCP, name: 'MinEncryptionLevel', type: 'REG_DWORD', data: 3 },
  ],
  backup: {
    description: {
      'en-US': 'The previous MinEncryptionLevel value (or its absence) is saved.',
      'sv-SE': 'Det tidigare värdet för MinEncryptionLevel (eller att det saknas) sparas.',
      'nl-NL': 'De vorige waarde van MinEncryptionLevel (of het ontbreken ervan) wordt opgeslagen.',
      'zh-TW': '會儲存先前的 MinEncryptionLevel 值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores MinEncryptionLevel exactly as it was; reboot afterwards.',
      'sv-SE': 'Återställer MinEncryptionLevel precis som det var; starta om efteråt.',
      'nl-NL': 'Zet MinEncryptionLevel precies terug zoals het was; start daarna opnieuw op.',
      'zh-TW': '將 MinEncryptionLevel 完全還原為原狀；之後請重新開機。',
    },
  },
  verify: {
    description: {
      'en-US': 'The effective level (the policy value when there is one) is no longer 4.',
      'sv-SE': 'Den gällande nivån (principvärdet om det finns) är inte längre 4.',
      'nl-NL': 'Het geldende niveau (de beleidswaarde als die er is) is niet langer 4.',
      'zh-TW': '有效層級（若有原則值則為原則值）不再是 4。',
    },
    checks: ['rdp-encryption-fips-only'],
  },
  effects: { restartsServices: [], reboot: true },
  weakensSecurity: {
    warning: {
      'en-US':
        'RDP no longer insists on FIPS-compliant encryption. If a compliance baseline requires FIPS, this breaks it; High (128-bit) is the lowest level RdpRescue sets.',
      'sv-SE':
        'RDP kräver inte längre FIPS-kompatibel kryptering. Om en efterlevnadsbaslinje kräver FIPS bryts den; Hög (128 bitar) är den lägsta nivå RdpRescue sätter.',
      'nl-NL':
        'RDP eist niet langer FIPS-compatibele versleuteling. Als een nalevingsbasislijn FIPS vereist, wordt die geschonden; Hoog (128-bits) is het laagste niveau dat RdpRescue instelt.',
      'zh-TW':
        'RDP 不再堅持符合 FIPS 的加密。若合規基準要求 FIPS，此變更會違反該基準；高（128 位元）是 RdpRescue 設定的最低層級。',
    },
    restore: {
      'en-US':
        'Run Undo-RdpRepair with the backup path this fix printed, or set MinEncryptionLevel=4 under WinStations\\RDP-Tcp, then reboot.',
      'sv-SE':
        'Kör Undo-RdpRepair med säkerhetskopians sökväg som korrigeringen skrev ut, eller sätt MinEncryptionLevel=4 under WinStations\\RDP-Tcp och starta sedan om.',
      'nl-NL':
        'Voer Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde, of zet MinEncryptionLevel=4 onder WinStations\\RDP-Tcp en start daarna opnieuw op.',
      'zh-TW':
        '使用此修正所顯示的備份路徑執行 Undo-RdpRepair，或在 WinStations\\RDP-Tcp 下將 MinEncryptionLevel 設為 4，然後重新開機。',
    },
  },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/cannot-connect-rdp-azure-vm',
      title: 'Troubleshoot authentication errors when you use RDP to connect to Azure VM',
      section: 'Check FIPs compliant algorithms connections',
      correction:
        'Sets 3 (High), not 2, and only as an opt-in that warns; the article writes it with "reg query ... /d 2", which changes nothing.',
    },
  ],
} satisfies FixInput);
