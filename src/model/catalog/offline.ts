import type { OfflineModeInput } from '../scenario.ts';

const offline: OfflineModeInput = {
  title: {
    'en-US': 'Repair the VM offline from a rescue VM',
    'sv-SE': 'Reparera den virtuella datorn offline från en återställnings-VM',
    'nl-NL': 'De VM offline herstellen vanaf een herstel-VM',
    'zh-TW': '從救援 VM 離線修復 VM',
  },
  summary: {
    'en-US':
      "When the Serial Console is not available, attach the OS disk of the broken VM to a rescue VM and repair it there: enable the Serial Console and crash dumps, reset the MachineKeys permissions, and enable TLS 1.2 and NLA in the broken OS's SYSTEM hive; remove safeboot from its default boot entry.",
    'sv-SE':
      'När seriekonsolen inte är tillgänglig ansluter du OS-disken från den trasiga virtuella datorn till en återställnings-VM och reparerar den där: aktivera seriekonsolen och kraschdumpar, återställ behörigheterna för MachineKeys och aktivera TLS 1.2 och NLA i det trasiga operativsystemets SYSTEM-registreringsdatafil; ta bort safeboot från dess standardstartpost.',
    'nl-NL':
      'Als de seriële console niet beschikbaar is, koppelt u de besturingssysteemschijf van de defecte VM aan een herstel-VM en herstelt u hem daar: schakel de seriële console en crashdumps in, herstel de MachineKeys-machtigingen en schakel TLS 1.2 en NLA in het SYSTEM-component van het defecte besturingssysteem in; verwijder safeboot uit de standaardopstartvermelding.',
    'zh-TW':
      '無法使用序列主控台時，將故障 VM 的 OS 磁碟連結到救援 VM 並在該處修復：啟用序列主控台與當機傾印、重設 MachineKeys 權限，並在故障作業系統的 SYSTEM 登錄區中啟用 TLS 1.2 與 NLA；從其預設開機項目移除 safeboot。',
  },
  repairs: [
    'offline-enable-serial-console',
    'offline-enable-crash-dump',
    'offline-reset-machinekeys-acl',
    'offline-enable-tls12',
    'offline-enable-nla',
    'offline-enable-legacy-tls',
    'offline-service-defaults',
    'offline-remove-safe-boot',
  ],
  manualSteps: [
    {
      id: 'snapshot-os-disk',
      text: {
        'en-US': 'Take a snapshot of the OS disk of the broken VM before you change anything.',
        'sv-SE':
          'Ta en ögonblicksbild av OS-disken för den trasiga virtuella datorn innan du ändrar något.',
        'nl-NL':
          'Maak een momentopname van de besturingssysteemschijf van de defecte VM voordat u iets wijzigt.',
        'zh-TW': '變更任何內容之前，先建立故障 VM 之 OS 磁碟的快照。',
      },
      commands: [
        {
          shell: 'azure-cli',
          code: 'az snapshot create --resource-group <rg> --name <vm>-os-before-rdprescue --source <os-disk-id>',
        },
      ],
    },
    {
      id: 'attach-to-rescue-vm',
      text: {
        'en-US':
          'Create a rescue VM with a copy of the OS disk attached as a data disk; the command asks for a user name and password for the rescue VM. For a VM encrypted with Azure Disk Encryption, use the second command: --unlock-encrypted-vm unlocks the copy on the rescue VM.',
        'sv-SE':
          'Skapa en återställnings-VM med en kopia av OS-disken ansluten som datadisk; kommandot frågar efter ett användarnamn och lösenord för återställnings-VM:en. För en virtuell dator som är krypterad med Azure Disk Encryption använder du det andra kommandot: --unlock-encrypted-vm låser upp kopian på återställnings-VM:en.',
        'nl-NL':
          'Maak een herstel-VM met een kopie van de besturingssysteemschijf als gegevensschijf gekoppeld; de opdracht vraagt om een gebruikersnaam en wachtwoord voor de herstel-VM. Gebruik voor een VM die is versleuteld met Azure Disk Encryption de tweede opdracht: --unlock-encrypted-vm ontgrendelt de kopie op de herstel-VM.',
        'zh-TW':
          '建立救援 VM，並將 OS 磁碟的複本連結為資料磁碟；此命令會要求輸入救援 VM 的使用者名稱與密碼。若 VM 使用 Azure 磁碟加密，請使用第二個命令：--unlock-encrypted-vm 會在救援 VM 上解除鎖定複本。',
      },
      commands: [
        {
          shell: 'azure-cli',
          code: 'az vm repair create --resource-group <rg> --name <vm> --verbose',
        },
        {
          shell: 'azure-cli',
          code: 'az vm repair create --resource-group <rg> --name <vm> --unlock-encrypted-vm --verbose',
        },
      ],
    },
    {
      id: 'swap-os-disk-back',
      text: {
        'en-US':
          'Detach the disk from the rescue VM, swap it back as the OS disk of the original VM, start it and test RDP.',
        'sv-SE':
          'Koppla från disken från återställnings-VM:en, byt tillbaka den som OS-disk för den ursprungliga virtuella datorn, starta den och testa RDP.',
        'nl-NL':
          'Ontkoppel de schijf van de herstel-VM, zet hem terug als besturingssysteemschijf van de oorspronkelijke VM, start die en test RDP.',
        'zh-TW': '從救援 VM 中斷連結該磁碟，將其換回原始 VM 的 OS 磁碟，啟動 VM 並測試 RDP。',
      },
      commands: [
        {
          shell: 'azure-cli',
          code: 'az vm repair restore --resource-group <rg> --name <vm> --verbose',
        },
      ],
    },
  ],
  sources: [
    {
      article: 'internal-error',
      section: 'Repair the VM offline',
      correction:
        "Loads <drive>:\\Windows\\System32\\config\\SYSTEM (not SYSTEM.hiv), always unloads it, and refuses the rescue VM's own system drive.",
    },
  ],
};

export default offline;
