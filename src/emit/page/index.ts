import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emitter } from '../artifact.ts';
import { renderTemplate, TEMPLATES_DIR } from '../render.ts';
import { embeddedJson, pageData } from './data.ts';

function asset(name: string): string {
  return readFileSync(join(TEMPLATES_DIR, 'page', name), 'utf8');
}

function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * dist-ps/index.html: one self-contained page (inline CSS and script, no network) to pick a
 * symptom or event ID and copy the Serial Console paste blocks one by one. Its Content
 * Security Policy allows only its own inline style and script, by hash.
 */
export const pageEmitter: Emitter = {
  name: 'page',
  emit({ catalog, version, earlier }) {
    const style = asset('page.css');
    const script = asset('page.js');
    const data = pageData(catalog, version, earlier);
    const html = renderTemplate('page/index.html.ejs', {
      style,
      script,
      data: embeddedJson(data),
      csp: `default-src 'none'; style-src ${cspHash(style)}; script-src ${cspHash(script)}; img-src data:; base-uri 'none'; form-action 'none'`,
      title: data.labels.title['en-US'],
    });
    const blocks =
      data.diagnosis.length +
      data.scenarios.flatMap((s) => s.fixes.flatMap((f) => f.blocks)).length;
    return [{ path: 'index.html', kind: 'page', content: html, meta: { pasteBlocks: blocks } }];
  },
};
