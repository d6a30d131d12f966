import type { Artifact, Emitter } from '../../src/emit/artifact.ts';

/**
 * Stands in for the CMD emitter (issue 4) with its artifact contract: cmd-paste blocks with
 * meta { role: 'diagnosis' } or { fix }, block, of, chars; plus cmd-batch and cmd-offline files.
 * The texts are unique per block so a test can tell them apart.
 */
export const fakeCmdEmitter: Emitter = {
  name: 'fake-cmd',
  emit({ catalog }) {
    const out: Artifact[] = [];
    const paste = (name: string, owner: Record<string, unknown>, of: number) => {
      for (let block = 1; block <= of; block++) {
        const text = `@echo off\r\nrem fake ${name} block ${block} of ${of}\r\necho %PROCESSOR_ARCHITECTURE% "quoted" <a&b>\r\n`;
        out.push({
          path: `serial-console/${name}${of > 1 ? `-${block}` : ''}.txt`,
          kind: 'cmd-paste',
          content: Buffer.from(text, 'ascii'),
          meta: { ...owner, block, of, chars: text.length, repeatedPairs: 0 },
        });
      }
    };
    paste('diagnose', { role: 'diagnosis' }, 2);
    out.push({
      path: 'cmd/diagnose.cmd',
      kind: 'cmd-batch',
      content: 'rem\r\n',
      meta: { role: 'diagnosis' },
    });
    for (const fix of catalog.fixes) {
      if (fix.scope === 'online') {
        const parameters = fix.parameters.map((p) => `RR_${p.name}`);
        paste(fix.id, { fix: fix.id, parameters }, fix.id === 'reset-machinekeys-acl' ? 3 : 1);
        out.push({
          path: `cmd/${fix.id}.cmd`,
          kind: 'cmd-batch',
          content: 'rem\r\n',
          meta: { fix: fix.id },
        });
      } else {
        out.push({
          path: `offline/${fix.id}.cmd`,
          kind: 'cmd-offline',
          content: 'rem\r\n',
          meta: { fix: fix.id },
        });
      }
    }
    out.push({
      path: 'offline/repair-offline.cmd',
      kind: 'cmd-offline',
      content: 'rem\r\n',
      meta: { role: 'repair-all' },
    });
    return out;
  },
};
