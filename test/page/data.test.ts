import { describe, expect, it } from 'vitest';
import type { Artifact } from '../../src/emit/artifact.ts';
import { pageEmitter } from '../../src/emit/page/index.ts';
import { loadCatalog } from '../../src/model/load.ts';
import { upstreamIdentity } from '../../src/identity/identity.ts';

describe('page data', () => {
  it('carries any block text through the HTML unchanged, even "</script>"', async () => {
    const catalog = await loadCatalog();
    const text = 'echo </script><!-- & \u2028 "x"\r\nrem <b>\r\n';
    const block: Artifact = {
      path: 'serial-console/tricky.txt',
      kind: 'cmd-paste',
      content: Buffer.from(text),
      meta: { role: 'diagnosis', block: 1, of: 1, chars: text.length },
    };
    const [page] = await pageEmitter.emit({
      catalog,
      version: '1.2.3',
      identity: upstreamIdentity('1.2.3'),
      earlier: [block],
    });
    const html = String(page!.content);
    const json = /<script type="application\/json" id="rdprescue-data">([\s\S]*?)<\/script>/.exec(
      html,
    );
    expect(json).not.toBeNull();
    const data = JSON.parse(json![1]!) as { diagnosis: { text: string; chars: number }[] };
    expect(data.diagnosis).toEqual([expect.objectContaining({ text, chars: text.length })]);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});
