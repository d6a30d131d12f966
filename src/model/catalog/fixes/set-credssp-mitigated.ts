import { defineFix, type FixInput } from 'rdp-rescue';

const CREDSSP =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters';

/**
 * Microsoft's article sets 2 (Vulnerable) on the VM; its own table shows that an updated server
 * at 1 (Mitigated) already accepts clients without the update, so 1 is enough and 2 is never
 * written. Still opt-in: from 0 it lets clients without the update in.
 */
export default defineFix({
  id: 'set-credssp-mitigated',
  command: 'Set-RdpCredSspMitigated',
  scope: 'online',
  optIn: true,
  title: {
    'en-US': 'Accept clients without the CredSSP update (Mitigated)',
    'sv-SE': 'Acceptera klienter utan CredSSP-uppdateringen (Minskad risk)',
    'nl-NL': 'Clients zonder de CredSSP-update accepteren (Beperkt)',
    'zh-TW': '接受沒有 CredSSP 更新的用戶端（已緩和）',
  },
  description: {
    'en-US':
      'Sets AllowEncryptionOracle=1 (Mitigated) under Policies\\System\\CredSSP\\Parameters; restart afterwards. Never 2 (Vulnerable), which would gain no connection. A domain Group Policy "Encryption Oracle Remediation" puts its value back at the next refresh: the policy wins. On an updated VM, 1 lets clients without the update in (lower security); on a VM without the update it changes nothing: install the update there.',
    'sv-SE':
      'Sätter AllowEncryptionOracle=1 (Minskad risk) under Policies\\System\\CredSSP\\Parameters; starta om efteråt. Aldrig 2 (Sårbar), som inte skulle ge någon anslutning till. En grupprincip i domänen för åtgärd mot krypteringsorakel sätter tillbaka sitt värde vid nästa uppdatering: principen vinner. På en uppdaterad virtuell dator släpper 1 in klienter utan uppdateringen (lägre säkerhet); på en virtuell dator utan uppdateringen ändrar det ingenting: installera uppdateringen där.',
    'nl-NL':
      'Zet AllowEncryptionOracle=1 (Beperkt) onder Policies\\System\\CredSSP\\Parameters; start daarna opnieuw op. Nooit 2 (Kwetsbaar), wat geen enkele verbinding extra oplevert. Een domeingroepsbeleid voor herstel van versleutelingsorakel zet zijn waarde bij de volgende vernieuwing terug: het beleid wint. Op een bijgewerkte VM laat 1 clients zonder de update toe (lagere beveiliging); op een VM zonder de update verandert het niets: installeer daar de update.',
    'zh-TW':
      '在 Policies\\System\\CredSSP\\Parameters 下設定 AllowEncryptionOracle=1（已緩和）；之後請重新開機。絕不設為 2（易受攻擊），因為那不會多允許任何連線。網域群組原則「加密 Oracle 補救措施」會在下次重新整理時設回其值：原則優先。在已更新的 VM 上，1 會讓沒有更新的用戶端連入（降低安全性）；在沒有更新的 VM 上則毫無作用：請在該處安裝更新。',
  },
  operations: [
    {
      kind: 'registry-set',
      key: CREDSSP,
      name: 'AllowEncryptionOracle',
      type: 'REG_DWORD',
      data: 1,
    },
  ],
  backup: {
    description: {
      'en-US': 'The previous AllowEncryptionOracle value (or its absence) is saved.',
      'sv-SE': 'Det tidigare värdet för AllowEncryptionOracle (eller att det saknas) sparas.',
      'nl-NL':
        'De vorige waarde van AllowEncryptionOracle (of het ontbreken ervan) wordt opgeslagen.',
      'zh-TW': '會儲存先前的 AllowEncryptionOracle 值（或其不存在的狀態）。',
    },
  },
  undo: {
    strategy: 'restore-backup',
    description: {
      'en-US': 'Restores AllowEncryptionOracle exactly as it was; restart afterwards.',
      'sv-SE': 'Återställer AllowEncryptionOracle precis som det var; starta om efteråt.',
      'nl-NL': 'Zet AllowEncryptionOracle precies terug zoals het was; start daarna opnieuw op.',
      'zh-TW': '將 AllowEncryptionOracle 完全還原為原狀；之後請重新開機。',
    },
  },
  verify: {
    description: {
      'en-US': 'AllowEncryptionOracle is no longer 0.',
      'sv-SE': 'AllowEncryptionOracle är inte längre 0.',
      'nl-NL': 'AllowEncryptionOracle is niet langer 0.',
      'zh-TW': 'AllowEncryptionOracle 不再是 0。',
    },
    checks: ['credssp-force-updated-clients'],
  },
  effects: { restartsServices: [], reboot: true },
  weakensSecurity: {
    warning: {
      'en-US':
        'The VM then accepts clients that lack the CredSSP update for CVE-2018-0886, which exposes those clients. Temporary only: update the clients, then restore Force Updated Clients.',
      'sv-SE':
        'Den virtuella datorn accepterar då klienter som saknar CredSSP-uppdateringen för CVE-2018-0886, vilket exponerar de klienterna. Endast tillfälligt: uppdatera klienterna och återställ sedan Tvinga uppdaterade klienter.',
      'nl-NL':
        'De VM accepteert dan clients zonder de CredSSP-update voor CVE-2018-0886, wat die clients blootstelt. Alleen tijdelijk: werk de clients bij en herstel daarna Bijgewerkte clients afdwingen.',
      'zh-TW':
        'VM 之後會接受缺少 CVE-2018-0886 CredSSP 更新的用戶端，使那些用戶端暴露於風險。僅限暫時使用：更新用戶端後，請還原「強制更新的用戶端」。',
    },
    restore: {
      'en-US':
        'Run Undo-RdpRepair with the backup path this fix printed, or set AllowEncryptionOracle=0 under Policies\\System\\CredSSP\\Parameters, then restart.',
      'sv-SE':
        'Kör Undo-RdpRepair med säkerhetskopians sökväg som korrigeringen skrev ut, eller sätt AllowEncryptionOracle=0 under Policies\\System\\CredSSP\\Parameters och starta sedan om.',
      'nl-NL':
        'Voer Undo-RdpRepair uit met het back-uppad dat deze oplossing toonde, of zet AllowEncryptionOracle=0 onder Policies\\System\\CredSSP\\Parameters en start daarna opnieuw op.',
      'zh-TW':
        '使用此修正所顯示的備份路徑執行 Undo-RdpRepair，或在 Policies\\System\\CredSSP\\Parameters 下將 AllowEncryptionOracle 設為 0，然後重新開機。',
    },
  },
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/credssp-encryption-oracle-remediation',
      title:
        'Error when you try to RDP to a Windows VM in Azure: CredSSP encryption oracle remediation',
      section: 'Cause',
      correction:
        "Sets 1 (Mitigated), not the article's 2 (Vulnerable): per its table an updated server at 1 accepts non-updated clients already.",
    },
  ],
} satisfies FixInput);
