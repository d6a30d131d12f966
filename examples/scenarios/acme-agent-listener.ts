import { defineScenario } from 'rdp-rescue';

// The Acme remote-support agent registers its own protocol manager for the RDP-Tcp listener
// (LoadableProtocol_Object). When the agent is removed badly or its service is disabled, the
// listener's protocol manager cannot be created and Remote Desktop Services never listens.
//
// Windows' own values: {5828227c-20cf-4408-b73f-73ab70b8849f} (the user-mode RDP protocol
// manager of Windows Server 2012 R2 and later) and {18b726bb-6fe6-4fb9-9276-ed57ce7c7cb2}
// (the kernel-mode one of older releases). Anything else was put there by other software.
const RDP_TCP = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp';

export default defineScenario({
  id: 'acme-agent-listener',
  title: { 'en-US': 'A third-party agent replaced the RDP-Tcp protocol manager' },
  summary: {
    'en-US':
      "The RDP-Tcp listener's LoadableProtocol_Object names a protocol manager that is not Windows' own, so Remote Desktop depends on that agent.",
  },
  symptoms: ['cannot-connect'],
  evidence: [
    {
      // Not the protocol manager of older Windows releases ...
      role: 'precondition',
      check: {
        kind: 'registry-value',
        id: 'acme-agent-not-legacy-rdp',
        key: RDP_TCP,
        name: 'LoadableProtocol_Object',
        firesWhen: { op: 'not-equals', value: '{18b726bb-6fe6-4fb9-9276-ed57ce7c7cb2}' },
      },
      finding: {
        'en-US': 'The listener does not use the protocol manager of older Windows releases.',
      },
    },
    {
      // ... nor the one of current releases.
      role: 'primary',
      check: {
        kind: 'registry-value',
        id: 'acme-agent-protocol-object',
        key: RDP_TCP,
        name: 'LoadableProtocol_Object',
        firesWhen: { op: 'not-equals', value: '{5828227c-20cf-4408-b73f-73ab70b8849f}' },
      },
      finding: {
        'en-US': "The RDP-Tcp listener loads another protocol manager than Windows' own.",
      },
    },
  ],
  causes: [
    {
      'en-US':
        'The Acme remote-support agent registered its protocol manager for RDP-Tcp; it was uninstalled or disabled without restoring the Windows value.',
    },
  ],
  manualSteps: [
    {
      id: 'repair-acme-agent',
      text: {
        'en-US':
          'Repair or cleanly uninstall the Acme remote-support agent (its uninstaller restores the value). If the agent is gone, export the RDP-Tcp key as a backup, set LoadableProtocol_Object back to the Windows value, then restart the VM.',
      },
      commands: [
        {
          shell: 'cmd',
          code: 'reg export "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server\\WinStations\\RDP-Tcp" C:\\rdp-tcp-backup.reg',
        },
      ],
    },
  ],
  sources: [{ article: 'internal-error', section: 'Prepare a backup of the affected VM' }],
});
