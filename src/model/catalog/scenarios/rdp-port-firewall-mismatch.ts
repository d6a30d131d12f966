import { defineScenario, type ScenarioInput } from 'rdp-rescue';

const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

export default defineScenario({
  id: 'rdp-port-firewall-mismatch',
  title: {
    'en-US': 'RDP was moved to another port, but the firewall still opens 3389',
    'sv-SE': 'RDP har flyttats till en annan port, men brandväggen öppnar fortfarande 3389',
    'nl-NL': 'RDP is naar een andere poort verplaatst, maar de firewall opent nog steeds 3389',
    'zh-TW': 'RDP 已移到其他連接埠，但防火牆仍只開啟 3389',
  },
  summary: {
    'en-US':
      'PortNumber of the RDP-Tcp listener is not 3389, and no active inbound firewall rule allows TCP on that port: the built-in Remote Desktop rules keep LPort=3389 when only the registry value is changed. TermService listens, but the guest firewall drops every connection.',
    'sv-SE':
      'PortNumber för lyssnaren RDP-Tcp är inte 3389, och ingen aktiv inkommande brandväggsregel tillåter TCP på den porten: de inbyggda reglerna för Fjärrskrivbord behåller LPort=3389 när bara registervärdet ändras. TermService lyssnar, men gästens brandvägg stoppar alla anslutningar.',
    'nl-NL':
      'PortNumber van de listener RDP-Tcp is niet 3389, en geen actieve binnenkomende firewallregel staat TCP op die poort toe: de ingebouwde regels voor Extern bureaublad houden LPort=3389 als alleen de registerwaarde wordt gewijzigd. TermService luistert, maar de firewall in de gast houdt elke verbinding tegen.',
    'zh-TW':
      'RDP-Tcp 接聽程式的 PortNumber 不是 3389，且沒有作用中的輸入防火牆規則允許該連接埠上的 TCP：只變更登錄值時，內建的遠端桌面規則仍保留 LPort=3389。TermService 正在接聽，但客體防火牆丟棄所有連線。',
  },
  symptoms: ['no-response'],
  evidence: [
    {
      role: 'precondition',
      check: {
        kind: 'registry-value',
        id: 'rdp-port-changed',
        key: RDP_TCP,
        name: 'PortNumber',
        firesWhen: { op: 'not-equals', value: 3389 },
      },
      finding: {
        'en-US': 'RDP listens on a port other than 3389 (PortNumber).',
        'sv-SE': 'RDP lyssnar på en annan port än 3389 (PortNumber).',
        'nl-NL': 'RDP luistert op een andere poort dan 3389 (PortNumber).',
        'zh-TW': 'RDP 在 3389 以外的連接埠上接聽（PortNumber）。',
      },
    },
    {
      role: 'primary',
      check: {
        kind: 'firewall-port-allowed',
        id: 'rdp-port-not-allowed',
        portKey: RDP_TCP,
        portName: 'PortNumber',
        defaultPort: 3389,
        firesWhen: 'not-allowed',
      },
      finding: {
        'en-US':
          'No active inbound firewall rule allows TCP on the configured RDP port, or a block rule lists it.',
        'sv-SE':
          'Ingen aktiv inkommande brandväggsregel tillåter TCP på den konfigurerade RDP-porten, eller så anger en blockeringsregel den.',
        'nl-NL':
          'Geen actieve binnenkomende firewallregel staat TCP op de ingestelde RDP-poort toe, of een blokkeerregel noemt hem.',
        'zh-TW': '沒有作用中的輸入防火牆規則允許已設定 RDP 連接埠上的 TCP，或有封鎖規則列出它。',
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The RDP port was changed in the registry (by hand, a script, or a tool that does not update the firewall) without opening the new port in the guest firewall.',
      'sv-SE':
        'RDP-porten ändrades i registret (för hand, av ett skript eller av ett verktyg som inte uppdaterar brandväggen) utan att den nya porten öppnades i gästens brandvägg.',
      'nl-NL':
        'De RDP-poort is in het register gewijzigd (met de hand, door een script of door een hulpmiddel dat de firewall niet bijwerkt) zonder de nieuwe poort in de firewall van de gast te openen.',
      'zh-TW':
        'RDP 連接埠在登錄中被變更（手動、指令碼或不會更新防火牆的工具），但未在客體防火牆中開啟新的連接埠。',
    },
  ],
  fixes: ['open-rdp-port-in-firewall', 'set-rdp-port'],
  manualSteps: [
    {
      id: 'nsg-allow-rdp-port',
      text: {
        'en-US':
          'The network security group must allow the same port: find the rule that allows RDP, then point it at the configured port (or set the port back to 3389 with Set-RdpPort -Port 3389).',
        'sv-SE':
          'Nätverkssäkerhetsgruppen måste tillåta samma port: leta upp regeln som tillåter RDP och ändra den till den konfigurerade porten (eller sätt tillbaka porten till 3389 med Set-RdpPort -Port 3389).',
        'nl-NL':
          'De netwerkbeveiligingsgroep moet dezelfde poort toestaan: zoek de regel die RDP toestaat en wijzig die naar de ingestelde poort (of zet de poort terug op 3389 met Set-RdpPort -Port 3389).',
        'zh-TW':
          '網路安全性群組必須允許相同的連接埠：找出允許 RDP 的規則，將其改為已設定的連接埠（或使用 Set-RdpPort -Port 3389 將連接埠設回 3389）。',
      },
      commands: [
        {
          shell: 'azure-cli',
          code: 'az network nsg rule list --resource-group <rg> --nsg-name <nsg> --output table',
        },
        {
          shell: 'azure-cli',
          code: 'az network nsg rule update --resource-group <rg> --nsg-name <nsg> --name <rdp-rule> --destination-port-ranges <port>',
        },
      ],
    },
  ],
  sources: [
    {
      url: 'https://learn.microsoft.com/en-us/troubleshoot/azure/virtual-machines/windows/enable-or-disable-firewall-rule-guest-os',
      title: 'Enable or disable a firewall rule on an Azure VM Guest OS',
      section: 'Mitigation 4: Remote Registry',
    },
    {
      article: 'internal-error',
      section: 'Step 1: Check the RDP port',
      correction:
        'Reads PortNumber instead of assuming 3389, and checks that the firewall allows it.',
    },
  ],
} satisfies ScenarioInput);
