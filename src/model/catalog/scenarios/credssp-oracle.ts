import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const CREDSSP =
  'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters';

const ORACLE = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/credssp-encryption-oracle-remediation',
  title:
    'Error when you try to RDP to a Windows VM in Azure: CredSSP encryption oracle remediation',
};

/** The tspkg.dll version with the CredSSP update, per OS, as Microsoft's article lists it. */
const PATCH_CHECK =
  '(Get-Item "$env:SystemRoot\\System32\\tspkg.dll").VersionInfo | Select-Object FileMajorPart, FileMinorPart, FileBuildPart, FilePrivatePart';

/**
 * Microsoft's compatibility table (server update, client update, AllowEncryptionOracle of the
 * updated side): a VM without the update is refused by updated clients at their default
 * (Mitigated), and no value on the VM changes that: the fix is the update itself. That is the
 * primary check, read from tspkg.dll's version against the article's table ("How to verify that
 * the CredSSP update is installed"; Windows 10 1803, Windows Server 2019 and later are not
 * listed: they shipped with the fix). An updated VM refuses clients without the update only at
 * 0 (Force Updated Clients), the recommended hardening: supporting evidence that explains a
 * refusal of unpatched clients, never a finding alone (every hardened VM has it). 1 (Mitigated)
 * and 2 (Vulnerable) let them in alike, so 2 on the VM gains no connection and only reopens
 * CVE-2018-0886. The value is the one the Group Policy "Encryption Oracle Remediation" writes,
 * so a domain policy puts a local change back. Vulnerable (2) breaks no connection, so it is no
 * evidence here: a manual step says to set 1 again.
 */
export default defineScenario({
  id: 'credssp-oracle',
  title: {
    'en-US': 'CredSSP encryption oracle remediation refuses the client',
    'sv-SE': 'CredSSP-åtgärden mot krypteringsorakel nekar klienten',
    'nl-NL': 'CredSSP-herstel van het versleutelingsorakel weigert de client',
    'zh-TW': 'CredSSP 加密 Oracle 補救措施拒絕用戶端',
  },
  summary: {
    'en-US':
      'The client reports "An authentication error has occurred ... This could be due to CredSSP encryption oracle remediation". Either the VM forces updated clients (AllowEncryptionOracle=0) and the client lacks the CredSSP update of May 2018, or the VM itself lacks the update and the updated client refuses it. The fix is the update on both sides; relaxing the VM to Mitigated is a temporary opt-in.',
    'sv-SE':
      'Klienten rapporterar "Ett autentiseringsfel har inträffat ... Detta kan bero på CredSSP-åtgärden mot krypteringsorakel". Antingen kräver den virtuella datorn uppdaterade klienter (AllowEncryptionOracle=0) och klienten saknar CredSSP-uppdateringen från maj 2018, eller så saknar den virtuella datorn själv uppdateringen och den uppdaterade klienten nekar den. Lösningen är uppdateringen på båda sidor; att lätta den virtuella datorn till Minskad risk är ett tillfälligt frivilligt val.',
    'nl-NL':
      'De client meldt "Er is een verificatiefout opgetreden ... Dit kan komen door CredSSP-herstel van het versleutelingsorakel". Ofwel dwingt de VM bijgewerkte clients af (AllowEncryptionOracle=0) en mist de client de CredSSP-update van mei 2018, ofwel mist de VM zelf de update en weigert de bijgewerkte client hem. De oplossing is de update aan beide kanten; de VM versoepelen naar Beperkt is een tijdelijke, optionele stap.',
    'zh-TW':
      '用戶端回報「發生驗證錯誤…這可能是因為 CredSSP 加密 Oracle 補救措施」。可能是 VM 強制要求已更新的用戶端（AllowEncryptionOracle=0）而用戶端缺少 2018 年 5 月的 CredSSP 更新，或 VM 本身缺少更新而已更新的用戶端拒絕連線。解決方法是在兩端安裝更新；將 VM 放寬為「已緩和」只是暫時的選擇性措施。',
  },
  symptoms: ['authentication-error'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'file-version',
        id: 'credssp-update-missing',
        path: { root: 'SystemRoot', sub: 'System32\\tspkg.dll' },
        minimumVersions: [
          { build: '6.1.7601', minimum: '6.1.7601.24117' },
          { build: '6.2.9200', minimum: '6.2.9200.22432' },
          { build: '6.3.9600', minimum: '6.3.9600.18999' },
          { build: '10.0.14393', minimum: '10.0.14393.2248' },
          { build: '10.0.15063', minimum: '10.0.15063.1088' },
          { build: '10.0.16299', minimum: '10.0.16299.431' },
        ],
      },
      finding: {
        'en-US':
          'The VM lacks the CredSSP update for CVE-2018-0886 (May 2018): tspkg.dll is older than the version Microsoft lists for this Windows build. Updated clients (Mitigated by default) refuse to connect to it, and no AllowEncryptionOracle value on the VM changes that. Install the latest cumulative update on the VM and restart.',
        'sv-SE':
          'Den virtuella datorn saknar CredSSP-uppdateringen för CVE-2018-0886 (maj 2018): tspkg.dll är äldre än den version Microsoft anger för den här Windows-versionen. Uppdaterade klienter (Minskad risk som standard) vägrar ansluta till den, och inget värde för AllowEncryptionOracle på den virtuella datorn ändrar det. Installera den senaste kumulativa uppdateringen på den virtuella datorn och starta om.',
        'nl-NL':
          'De VM mist de CredSSP-update voor CVE-2018-0886 (mei 2018): tspkg.dll is ouder dan de versie die Microsoft voor deze Windows-build vermeldt. Bijgewerkte clients (standaard Beperkt) weigeren er verbinding mee te maken, en geen enkele waarde van AllowEncryptionOracle op de VM verandert dat. Installeer de nieuwste cumulatieve update op de VM en start opnieuw op.',
        'zh-TW':
          'VM 缺少 CVE-2018-0886 的 CredSSP 更新（2018 年 5 月）：tspkg.dll 比 Microsoft 針對此 Windows 組建所列的版本還舊。已更新的用戶端（預設為「已緩和」）會拒絕連線到它，而 VM 上任何 AllowEncryptionOracle 值都無法改變這一點。請在 VM 上安裝最新的累積更新並重新開機。',
      },
    },
    {
      role: 'supporting',
      check: {
        kind: 'registry-value',
        id: 'credssp-force-updated-clients',
        key: CREDSSP,
        name: 'AllowEncryptionOracle',
        firesWhen: { op: 'equals', value: 0 },
      },
      finding: {
        'en-US':
          'Encryption Oracle Remediation is Force Updated Clients (AllowEncryptionOracle=0), the recommended hardening: the VM also refuses clients without the CredSSP update. That explains a refusal only when the client lacks the update: update the client rather than lowering this. A Group Policy (System\\Credentials Delegation\\Encryption Oracle Remediation) writes this value and puts a local change back.',
        'sv-SE':
          'Åtgärden mot krypteringsorakel är Tvinga uppdaterade klienter (AllowEncryptionOracle=0), den rekommenderade härdningen: den virtuella datorn nekar även klienter utan CredSSP-uppdateringen. Det förklarar en nekad anslutning bara när klienten saknar uppdateringen: uppdatera klienten i stället för att sänka detta. En grupprincip (System\\Delegering av autentiseringsuppgifter\\Åtgärd mot krypteringsorakel) skriver värdet och återställer en lokal ändring.',
        'nl-NL':
          'Herstel van versleutelingsorakel staat op Bijgewerkte clients afdwingen (AllowEncryptionOracle=0), de aanbevolen beveiliging: de VM weigert ook clients zonder de CredSSP-update. Dat verklaart een weigering alleen als de client de update mist: werk de client bij in plaats van dit te verlagen. Een groepsbeleid (Systeem\\Delegering van referenties\\Herstel van versleutelingsorakel) schrijft deze waarde en zet een lokale wijziging terug.',
        'zh-TW':
          '加密 Oracle 補救措施為「強制更新的用戶端」（AllowEncryptionOracle=0），這是建議的強化設定：VM 也會拒絕沒有 CredSSP 更新的用戶端。只有在用戶端缺少更新時，這才能解釋連線被拒：請更新用戶端，而不是降低此設定。群組原則（系統\\認證委派\\加密 Oracle 補救措施）會寫入此值並還原本機變更。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The VM forces updated clients (a baseline or Group Policy), and the client has not installed the CredSSP update (May 2018 or later).',
      'sv-SE':
        'Den virtuella datorn tvingar fram uppdaterade klienter (en baslinje eller grupprincip), och klienten har inte installerat CredSSP-uppdateringen (maj 2018 eller senare).',
      'nl-NL':
        'De VM dwingt bijgewerkte clients af (een basislijn of groepsbeleid), en de client heeft de CredSSP-update (mei 2018 of later) niet geïnstalleerd.',
      'zh-TW':
        'VM 強制要求已更新的用戶端（基準或群組原則），而用戶端尚未安裝 CredSSP 更新（2018 年 5 月或更新版本）。',
    },
    {
      'en-US':
        'The VM has not installed the CredSSP update, and an updated client (Mitigated by default) refuses to connect to it.',
      'sv-SE':
        'Den virtuella datorn har inte installerat CredSSP-uppdateringen, och en uppdaterad klient (Minskad risk som standard) vägrar ansluta till den.',
      'nl-NL':
        'De VM heeft de CredSSP-update niet geïnstalleerd, en een bijgewerkte client (standaard Beperkt) weigert er verbinding mee te maken.',
      'zh-TW': 'VM 尚未安裝 CredSSP 更新，而已更新的用戶端（預設為「已緩和」）拒絕連線到它。',
    },
  ],
  fixes: ['set-credssp-mitigated'],
  manualSteps: [
    {
      id: 'install-credssp-update',
      text: {
        'en-US':
          'Check that the VM has the CredSSP update: tspkg.dll must be at least 6.1.7601.24117 (Windows Server 2008 R2 SP1, KB4103718 or KB4103712), 6.2.9200.22432 (Windows Server 2012, KB4103730 or KB4103726), 6.3.9600.18999 (Windows Server 2012 R2, KB4103725 or KB4103715), 10.0.14393.2248 (Windows Server 2016, KB4103723) or 10.0.16299.431 (Windows Server, version 1709, KB4103727). Later Windows versions are not listed as affected. If it is older, install the latest cumulative update (it contains the fix) and restart. Update the client too.',
        'sv-SE':
          'Kontrollera att den virtuella datorn har CredSSP-uppdateringen: tspkg.dll måste vara minst 6.1.7601.24117 (Windows Server 2008 R2 SP1, KB4103718 eller KB4103712), 6.2.9200.22432 (Windows Server 2012, KB4103730 eller KB4103726), 6.3.9600.18999 (Windows Server 2012 R2, KB4103725 eller KB4103715), 10.0.14393.2248 (Windows Server 2016, KB4103723) eller 10.0.16299.431 (Windows Server, version 1709, KB4103727). Senare Windows-versioner anges inte som berörda. Om den är äldre installerar du den senaste kumulativa uppdateringen (den innehåller korrigeringen) och startar om. Uppdatera även klienten.',
        'nl-NL':
          'Controleer of de VM de CredSSP-update heeft: tspkg.dll moet minstens 6.1.7601.24117 (Windows Server 2008 R2 SP1, KB4103718 of KB4103712), 6.2.9200.22432 (Windows Server 2012, KB4103730 of KB4103726), 6.3.9600.18999 (Windows Server 2012 R2, KB4103725 of KB4103715), 10.0.14393.2248 (Windows Server 2016, KB4103723) of 10.0.16299.431 (Windows Server, versie 1709, KB4103727) zijn. Latere Windows-versies worden niet als getroffen vermeld. Is hij ouder, installeer dan de nieuwste cumulatieve update (die bevat de oplossing) en start opnieuw op. Werk ook de client bij.',
        'zh-TW':
          '確認 VM 已安裝 CredSSP 更新：tspkg.dll 至少須為 6.1.7601.24117（Windows Server 2008 R2 SP1，KB4103718 或 KB4103712）、6.2.9200.22432（Windows Server 2012，KB4103730 或 KB4103726）、6.3.9600.18999（Windows Server 2012 R2，KB4103725 或 KB4103715）、10.0.14393.2248（Windows Server 2016，KB4103723）或 10.0.16299.431（Windows Server 1709 版，KB4103727）。較新的 Windows 版本未列為受影響。若版本較舊，請安裝最新的累積更新（其中包含此修正）並重新開機。用戶端也要更新。',
      },
      commands: [{ shell: 'powershell', code: PATCH_CHECK }],
    },
    {
      id: 'restore-credssp-mitigated',
      text: {
        'en-US':
          'If AllowEncryptionOracle is 2 (Vulnerable) on an updated VM, set it back to 1 (Mitigated): it accepts the same clients and closes CVE-2018-0886 again. Restart afterwards.',
        'sv-SE':
          'Om AllowEncryptionOracle är 2 (Sårbar) på en uppdaterad virtuell dator sätter du tillbaka det till 1 (Minskad risk): det accepterar samma klienter och stänger CVE-2018-0886 igen. Starta om efteråt.',
        'nl-NL':
          'Als AllowEncryptionOracle 2 (Kwetsbaar) is op een bijgewerkte VM, zet het dan terug op 1 (Beperkt): dat accepteert dezelfde clients en sluit CVE-2018-0886 weer. Start daarna opnieuw op.',
        'zh-TW':
          '若已更新的 VM 上 AllowEncryptionOracle 為 2（易受攻擊），請將其設回 1（已緩和）：它接受相同的用戶端，並再次封閉 CVE-2018-0886。之後請重新開機。',
      },
      commands: [
        {
          shell: 'cmd',
          code: `reg add "${CREDSSP}" /v AllowEncryptionOracle /t REG_DWORD /d 1 /f`,
        },
      ],
    },
  ],
  sources: [
    { ...ORACLE, section: 'How to verify that the CredSSP update is installed' },
    { ...ORACLE, section: 'Cause' },
    {
      ...ORACLE,
      section: 'Workaround',
      correction:
        "The VM is never set to Vulnerable (2): per the article's own table an updated server accepts non-updated clients at Mitigated (1) already; the opt-in fix sets 1.",
    },
  ],
} satisfies ScenarioInput);
