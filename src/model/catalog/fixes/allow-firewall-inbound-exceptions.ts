import { defineFix, type FixInput } from 'rdp-rescue';

const FIREWALL_POLICY =
  'HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy';

const allowExceptions = (profile: string) =>
  ({
    kind: 'registry-set',
    key: `${FIREWALL_POLICY}\\${profile}`,
    name: 'DoNotAllowExceptions',
    type: 'REG_DWORD',
    data: 0,
  }) as const;

/**
 * The local profile values only: a Group Policy value wins and is the policy's to change (the
 * fix then stays unverified and the scenario's manual step says why). Registry changes to the
 * firewall policy take effect after a restart (Microsoft's article restarts the VM).
 */
export default defineFix({
  id: 'allow-firewall-inbound-exceptions',
  command: 'Disable-RdpFirewallInboundBlock',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Stop the firewall profiles from blocking every inbound connection',
    'sv-SE': 'Sluta låta brandväggsprofilerna blockera alla inkommande anslutningar',
    'nl-NL': 'De firewallprofielen niet langer elke binnenkomende verbinding laten blokkeren',
    'zh-TW': '讓防火牆設定檔不再封鎖所有輸入連線',
  },
  description: {
    'en-US':
      'Sets DoNotAllowExceptions=0 in the Domain, Private (StandardProfile) and Public firewall profiles, so allow rules such as Remote Desktop apply again; restart the VM afterwards. The firewall stays on.',
    'sv-SE':
      'Sätter DoNotAllowExceptions=0 i brandväggsprofilerna Domän, Privat (StandardProfile) och Offentlig, så att tillåtande regler som Fjärrskrivbord gäller igen; starta om den virtuella datorn efteråt. Brandväggen förblir på.',
    'nl-NL':
      'Zet DoNotAllowExceptions=0 in de firewallprofielen Domein, Privé (StandardProfile) en Openbaar, zodat toestaanregels zoals Extern bureaublad weer gelden; start de VM daarna opnieuw op. De firewall blijft aan.',
    'zh-TW':
      '在網域、私人（StandardProfile）與公用防火牆設定檔中設定 DoNotAllowExceptions=0，讓遠端桌面等允許規則重新生效；之後請重新啟動 VM。防火牆仍保持開啟。',
  },
  operations: [
    allowExceptions('DomainProfile'),
    allowExceptions('StandardProfile'),
    allowExceptions('PublicProfile'),
  ],
  backup: {
    description: {
      'en-US': 'The previous DoNotAllowExceptions of each profile (or its absence) is saved.',
      'sv-SE': 'Det tidigare DoNotAllowExceptions för varje profil (eller att det saknas) sparas.',
      'nl-NL':
        'De vorige DoNotAllowExceptions van elk profiel (of het ontbreken ervan) wordt opgeslagen.',
      'zh-TW': '會儲存每個設定檔先前的 DoNotAllowExceptions（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores DoNotAllowExceptions of each profile exactly as it was.',
      'sv-SE': 'Återställer DoNotAllowExceptions för varje profil precis som det var.',
      'nl-NL': 'Zet DoNotAllowExceptions van elk profiel precies terug zoals het was.',
      'zh-TW': '將每個設定檔的 DoNotAllowExceptions 完全還原為原狀。',
    },
  },
  verify: {
    description: {
      'en-US':
        'No profile whose firewall is on has an effective DoNotAllowExceptions=1 (a policy value wins).',
      'sv-SE':
        'Ingen profil med brandväggen på har ett gällande DoNotAllowExceptions=1 (ett principvärde vinner).',
      'nl-NL':
        'Geen profiel met de firewall aan heeft een geldende DoNotAllowExceptions=1 (een beleidswaarde wint).',
      'zh-TW': '沒有任何已開啟防火牆的設定檔其有效的 DoNotAllowExceptions 為 1（原則值優先）。',
    },
    checks: ['firewall-blocks-all-inbound'],
  },
  effects: { restartsServices: [], reboot: true },
  weakensSecurity: {
    warning: {
      'en-US':
        'Every enabled inbound allow rule of these profiles applies again, not only Remote Desktop: someone may have blocked all inbound connections on purpose.',
      'sv-SE':
        'Alla aktiverade inkommande tillåtande regler i dessa profiler gäller igen, inte bara Fjärrskrivbord: någon kan ha blockerat alla inkommande anslutningar med avsikt.',
      'nl-NL':
        'Elke ingeschakelde binnenkomende toestaanregel van deze profielen geldt weer, niet alleen Extern bureaublad: iemand kan alle binnenkomende verbindingen bewust hebben geblokkeerd.',
      'zh-TW':
        '這些設定檔中所有已啟用的輸入允許規則都會重新生效，不只是遠端桌面：可能有人刻意封鎖了所有輸入連線。',
    },
    restore: {
      'en-US':
        'Undo the fix (it restores each DoNotAllowExceptions), or run (then restart): reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\<profile> /v DoNotAllowExceptions /t REG_DWORD /d 1 /f',
      'sv-SE':
        'Ångra åtgärden (den återställer varje DoNotAllowExceptions), eller kör (och starta sedan om): reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\<profile> /v DoNotAllowExceptions /t REG_DWORD /d 1 /f',
      'nl-NL':
        'Maak de reparatie ongedaan (die zet elke DoNotAllowExceptions terug), of voer uit (en start daarna opnieuw op): reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\<profile> /v DoNotAllowExceptions /t REG_DWORD /d 1 /f',
      'zh-TW':
        '復原此修正（會還原每個 DoNotAllowExceptions），或執行下列命令後重新開機：reg add HKLM\\SYSTEM\\CurrentControlSet\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\<profile> /v DoNotAllowExceptions /t REG_DWORD /d 1 /f',
    },
  },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/enable-or-disable-firewall-rule-guest-os',
      title: 'Enable or disable a firewall rule on an Azure VM Guest OS',
      section: 'Mitigation 4: Remote Registry',
    },
  ],
} satisfies FixInput);
