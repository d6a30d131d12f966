import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const SAFE_MODE = {
  url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/troubleshoot-rdp-safe-mode',
  title: 'Cannot RDP to a VM because the VM boots into Safe Mode',
};

/**
 * Microsoft's article looks for safeboot in `bcdedit /enum`, whose listing is in the VM's
 * language; the check reads the element's key in the boot store instead (see boot-entry.ts).
 * It checks {default}, the entry the next boot starts: on an Azure VM with one entry that is
 * also {current}.
 */
export default defineScenario({
  id: 'safe-mode-boot',
  title: {
    'en-US': 'The VM boots into Safe Mode',
    'sv-SE': 'Den virtuella datorn startar i felsäkert läge',
    'nl-NL': 'De VM start op in de veilige modus',
    'zh-TW': 'VM 開機進入安全模式',
  },
  summary: {
    'en-US':
      'The default boot entry carries the safeboot element, so Windows starts in Safe Mode at every boot. Only essential drivers and services load in Safe Mode (Minimal or Network), and Remote Desktop Services is not one of them.',
    'sv-SE':
      'Standardstartposten har elementet safeboot, så Windows startar i felsäkert läge vid varje start. I felsäkert läge (Minimal eller Network) läses bara nödvändiga drivrutiner och tjänster in, och Fjärrskrivbordstjänster är inte en av dem.',
    'nl-NL':
      'De standaardopstartvermelding heeft het element safeboot, zodat Windows bij elke start in de veilige modus opstart. In de veilige modus (Minimal of Network) worden alleen essentiële stuurprogramma’s en services geladen, en Extern bureaublad-services hoort daar niet bij.',
    'zh-TW':
      '預設開機項目帶有 safeboot 元素，因此 Windows 每次開機都會進入安全模式。安全模式（Minimal 或 Network）只載入必要的驅動程式與服務，遠端桌面服務不在其中。',
  },
  symptoms: ['no-response'],
  evidence: [
    {
      role: 'primary',
      check: {
        kind: 'boot-entry',
        id: 'default-entry-safeboot',
        entry: '{default}',
        element: 'safeboot',
      },
      finding: {
        'en-US':
          'The default boot entry carries safeboot: Windows starts in Safe Mode, where Remote Desktop does not run.',
        'sv-SE':
          'Standardstartposten har safeboot: Windows startar i felsäkert läge, där Fjärrskrivbord inte körs.',
        'nl-NL':
          'De standaardopstartvermelding heeft safeboot: Windows start in de veilige modus, waarin Extern bureaublad niet actief is.',
        'zh-TW':
          '預設開機項目帶有 safeboot：Windows 會以安全模式啟動，而遠端桌面在安全模式下不會執行。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'Someone set safeboot on the boot entry (bcdedit /set safeboot, or System Configuration > Boot > Safe boot) to troubleshoot, and it was never removed.',
      'sv-SE':
        'Någon satte safeboot på startposten (bcdedit /set safeboot, eller Systemkonfiguration > Start > Felsäker start) för felsökning, och det togs aldrig bort.',
      'nl-NL':
        'Iemand heeft safeboot op de opstartvermelding ingesteld (bcdedit /set safeboot, of Systeemconfiguratie > Opstarten > Veilig opstarten) om problemen op te lossen, en het is nooit verwijderd.',
      'zh-TW':
        '有人為了疑難排解在開機項目上設定了 safeboot（bcdedit /set safeboot，或系統設定 > 開機 > 安全開機），之後一直沒有移除。',
    },
  ],
  fixes: ['remove-safe-boot'],
  manualSteps: [
    {
      id: 'restart-after-safe-boot',
      text: {
        'en-US':
          'Removing safeboot takes effect at the next boot: restart the VM, then connect with RDP. A VM in Safe Mode has no Run Command (its agent does not start): use the Serial Console, or repair the disk offline from a rescue VM.',
        'sv-SE':
          'Att ta bort safeboot får effekt vid nästa start: starta om den virtuella datorn och anslut sedan med RDP. En virtuell dator i felsäkert läge har ingen Run Command (agenten startar inte): använd seriekonsolen, eller reparera disken offline från en återställnings-VM.',
        'nl-NL':
          'Het verwijderen van safeboot werkt vanaf de volgende start: start de VM opnieuw op en maak dan verbinding met RDP. Een VM in de veilige modus heeft geen Run Command (de agent start niet): gebruik de seriële console, of herstel de schijf offline vanaf een herstel-VM.',
        'zh-TW':
          '移除 safeboot 會在下次開機時生效：請重新啟動 VM，再以 RDP 連線。處於安全模式的 VM 無法使用 Run Command（其代理程式不會啟動）：請使用序列主控台，或從救援 VM 離線修復磁碟。',
      },
      commands: [{ shell: 'azure-cli', code: 'az vm restart --resource-group <rg> --name <vm>' }],
    },
  ],
  sources: [
    { ...SAFE_MODE, section: 'Cause' },
    {
      ...SAFE_MODE,
      section: 'Solution / Use Serial control',
      correction:
        'Looks for safeboot in the boot store, whose element numbers are the same in every language, instead of in the localized bcdedit /enum listing, and changes {default}, the entry the next boot starts.',
    },
  ],
} satisfies ScenarioInput);
