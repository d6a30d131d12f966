import type { Catalog, Fix } from '../../model/index.ts';
import { DEFAULT_CULTURE } from '../../model/index.ts';
import { psString } from './literal.ts';
import { onlineFixes } from './catalog-data.ts';
import { wrap } from './wrap.ts';

type ParameterType = Fix['parameters'][number]['type'];

/** PowerShell type, validation and an example value for each fix parameter type. */
export const PARAMETER_TYPES: Record<
  ParameterType,
  { psType: string; attribute: string; example: string }
> = {
  port: { psType: 'int', attribute: '[ValidateRange(1, 65535)]', example: '3390' },
  thumbprint: {
    psType: 'string',
    attribute: "[ValidatePattern('^[0-9A-Fa-f]{40}$')]",
    example: "'0123456789ABCDEF0123456789ABCDEF01234567'",
  },
};

export interface RenderedParameter {
  name: string;
  psType: string;
  attribute: string;
  help: string;
  example: string;
}

function parameter(p: Fix['parameters'][number]): RenderedParameter {
  return { name: p.name, ...PARAMETER_TYPES[p.type], help: p.help[DEFAULT_CULTURE] };
}

/** Parameters of Invoke-RdpRepair: every fix parameter, once. */
export function repairParameters(catalog: Catalog): RenderedParameter[] {
  const byName = new Map<string, RenderedParameter>();
  for (const f of onlineFixes(catalog))
    for (const p of f.parameters) if (!byName.has(p.name)) byName.set(p.name, parameter(p));
  return [...byName.values()];
}

/** Data for templates/powershell/fix-command.ps1.ejs. */
export function fixCommand(fix: Fix) {
  const en = DEFAULT_CULTURE;
  const parameters = fix.parameters.map(parameter);
  const description = [
    ...wrap(fix.description[en], 92),
    '',
    ...wrap(`Backup: ${fix.backup.description[en]}`, 92),
    ...wrap(`Undo: ${fix.undo.description[en]}`, 92),
    ...wrap(`Verification: ${fix.verify.description[en]}`, 92),
    ...(fix.weakensSecurity
      ? [
          '',
          ...wrap(`SECURITY: ${fix.weakensSecurity.warning[en]}`, 92),
          ...wrap(`To restore: ${fix.weakensSecurity.restore[en]}`, 92),
        ]
      : []),
  ].map((l) => l.replace(/#>/g, '# >'));
  return {
    id: fix.id,
    command: fix.command!,
    title: fix.title[en],
    description,
    parameters,
    exampleArguments: parameters.map((p) => ` -${p.name} ${p.example}`).join(''),
    psString,
  };
}
