import { AZURE_SIDE } from '../../model/azure-side.ts';
import type { Culture } from '../../model/index.ts';
import { anchor, fence, prose } from './markdown.ts';

/** The Azure-side checks as the index prints them, first thing after its introduction. */
export function azureSideView(culture: Culture) {
  return {
    title: prose(AZURE_SIDE.title[culture]),
    intro: prose(AZURE_SIDE.intro[culture]),
    checks: AZURE_SIDE.checks.map((check) => ({
      title: prose(check.title[culture]),
      command: fence(check.command, 'bash'),
      reading: prose(check.reading[culture]),
    })),
  };
}

/** The line every other runbook starts with, pointing at those checks in the index. */
export function azureSidePointer(culture: Culture): string {
  const title = AZURE_SIDE.title[culture];
  const pointer = AZURE_SIDE.pointer[culture];
  const gap = pointer.endsWith('：') ? '' : ' ';
  return `${prose(pointer)}${gap}[${prose(title)}](index.md#${anchor(title)})`;
}
