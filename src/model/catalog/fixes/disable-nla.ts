import { defineFix, type FixInput } from 'rdp-rescue';

const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

const AUTHENTICATION_ERRORS = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/cannot-connect-rdp-azure-vm',
  title: 'Troubleshoot authentication errors when you use RDP to connect to Azure VM',
};

/**
 * Break-glass only: with NLA off a domain account can sign in on the logon screen while the
 * domain controller cannot be reached for the pre-authentication. Group Policy's
 * UserAuthentication (Policies\...\Terminal Services) wins over this value.
 */
export default defineFix({
  id: 'disable-nla',
  command: 'Disable-RdpNetworkLevelAuthentication',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Turn off Network Level Authentication for RDP (temporary)',
    'sv-SE': 'Stäng av autentisering på nätverksnivå för RDP (tillfälligt)',
    'nl-NL': 'Verificatie op netwerkniveau voor RDP uitschakelen (tijdelijk)',
    'zh-TW': '暫時關閉 RDP 的網路層級驗證',
  },
  description: {
    'en-US':
      'Sets UserAuthentication=0 on the RDP-Tcp listener, so that a user signs in on the Windows logon screen instead of before the session, when the domain controller cannot be reached for Network Level Authentication. Restart the VM afterwards. A Group Policy UserAuthentication value wins over it.',
    'sv-SE':
      'Sätter UserAuthentication=0 på lyssnaren RDP-Tcp, så att användaren loggar in på Windows inloggningsskärm i stället för före sessionen, när domänkontrollanten inte kan nås för autentisering på nätverksnivå. Starta om den virtuella datorn efteråt. Ett UserAuthentication-värde från en grupprincip vinner över det.',
    'nl-NL':
      'Zet UserAuthentication=0 op de listener RDP-Tcp, zodat een gebruiker zich aanmeldt op het aanmeldscherm van Windows in plaats van vóór de sessie, wanneer de domeincontroller niet bereikbaar is voor verificatie op netwerkniveau. Start de VM daarna opnieuw op. Een UserAuthentication-waarde uit groepsbeleid wint hiervan.',
    'zh-TW':
      '在 RDP-Tcp 接聽程式上設定 UserAuthentication=0，讓使用者在無法連絡網域控制站進行網路層級驗證時，改在 Windows 登入畫面登入，而不是在工作階段之前登入。之後請重新啟動 VM。群組原則的 UserAuthentication 值優先於此值。',
  },
  operations: [
    { kind: 'registry-set', key: RDP_TCP, name: 'UserAuthentication', type: 'REG_DWORD', data: 0 },
  ],
  backup: {
    description: {
      'en-US': 'The previous UserAuthentication value (or its absence) is saved.',
      'sv-SE': 'Det tidigare värdet för UserAuthentication (eller att det saknas) sparas.',
      'nl-NL': 'De vorige waarde van UserAuthentication (of het ontbreken ervan) wordt opgeslagen.',
      'zh-TW': '會儲存先前的 UserAuthentication 值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US':
        'Restores UserAuthentication as it was, which turns Network Level Authentication back on; restart the VM afterwards.',
      'sv-SE':
        'Återställer UserAuthentication som det var, vilket slår på autentisering på nätverksnivå igen; starta om den virtuella datorn efteråt.',
      'nl-NL':
        'Zet UserAuthentication terug zoals het was, waardoor verificatie op netwerkniveau weer aan gaat; start de VM daarna opnieuw op.',
      'zh-TW': '將 UserAuthentication 還原為原狀，重新開啟網路層級驗證；之後請重新啟動 VM。',
    },
  },
  verify: {
    description: {
      'en-US':
        'UserAuthentication reads back as 0, and the effective value is no longer 1: a Group Policy UserAuthentication=1 (Policies\\Microsoft\\Windows NT\\Terminal Services) wins, and then the fix reports that it did not take effect.',
      'sv-SE':
        'UserAuthentication läses tillbaka som 0, och ingen grupprincip UserAuthentication=1 (Policies\\Microsoft\\Windows NT\\Terminal Services) åsidosätter det; med den principen rapporterar korrigeringen att den misslyckades.',
      'nl-NL':
        'UserAuthentication wordt teruggelezen als 0, en geen groepsbeleid UserAuthentication=1 (Policies\\Microsoft\\Windows NT\\Terminal Services) overschrijft het; met dat beleid meldt de oplossing dat ze mislukt is.',
      'zh-TW':
        'UserAuthentication 讀回的值為 0，且沒有群組原則 UserAuthentication=1（Policies\\Microsoft\\Windows NT\\Terminal Services）覆寫它；若有該原則，修正會回報失敗。',
    },
    checks: ['nla-required'],
  },
  effects: { restartsServices: [], reboot: true },
  weakensSecurity: {
    warning: {
      'en-US':
        'Without Network Level Authentication anyone who reaches the RDP port gets a logon screen before proving who they are: more exposure to password guessing and to pre-authentication flaws. Keep the port closed to the internet (NSG, JIT) while NLA is off.',
      'sv-SE':
        'Utan autentisering på nätverksnivå får alla som når RDP-porten en inloggningsskärm innan de har visat vilka de är: större exponering för lösenordsgissning och för sårbarheter före autentisering. Håll porten stängd mot internet (NSG, JIT) medan NLA är avstängt.',
      'nl-NL':
        'Zonder verificatie op netwerkniveau krijgt iedereen die de RDP-poort bereikt een aanmeldscherm voordat hij heeft bewezen wie hij is: meer blootstelling aan het raden van wachtwoorden en aan fouten vóór de verificatie. Houd de poort dicht voor internet (NSG, JIT) zolang NLA uit staat.',
      'zh-TW':
        '沒有網路層級驗證時，任何能連到 RDP 連接埠的人都會在證明身分之前看到登入畫面：更容易遭到密碼猜測與驗證前弱點攻擊。NLA 關閉期間，請讓連接埠不對網際網路開放（NSG、JIT）。',
    },
    restore: {
      'en-US':
        'Once the secure channel is repaired, run Undo-RdpRepair with the backup path this fix printed (or the CMD undo block), or set UserAuthentication=1 on RDP-Tcp, then restart the VM.',
      'sv-SE':
        'När den säkra kanalen är reparerad kör du Undo-RdpRepair med säkerhetskopians sökväg som korrigeringen skrev ut (eller CMD-blocket för ångra), eller sätter UserAuthentication=1 på RDP-Tcp, och startar sedan om den virtuella datorn.',
      'nl-NL':
        'Zodra het beveiligde kanaal hersteld is, voert u Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde (of het CMD-blok voor ongedaan maken), of zet u UserAuthentication=1 op RDP-Tcp, en start u daarna de VM opnieuw op.',
      'zh-TW':
        '安全通道修復後，使用此修正所顯示的備份路徑執行 Undo-RdpRepair（或 CMD 復原區塊），或在 RDP-Tcp 上將 UserAuthentication 設為 1，然後重新啟動 VM。',
    },
  },
  sources: [
    { ...AUTHENTICATION_ERRORS, section: 'Symptoms' },
    {
      url: 'https://learn.microsoft.com/en-us/windows-hardware/customize/desktop/unattend/microsoft-windows-terminalservices-rdp-winstationextensions-userauthentication',
      title: 'UserAuthentication',
      section: 'Values',
    },
  ],
} satisfies FixInput);
