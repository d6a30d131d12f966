import ejs from 'ejs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

const cache = new Map<string, ejs.TemplateFunction>();

/**
 * Renders templates/<name> with ejs. Templates hold the text of generated files; use
 * <%- %> for code (the escaping <%= %> is for HTML only).
 */
export function renderTemplate(name: string, data: Record<string, unknown>): string {
  let fn = cache.get(name);
  if (!fn) {
    const file = join(TEMPLATES_DIR, name);
    fn = ejs.compile(readFileSync(file, 'utf8'), {
      filename: file,
      strict: true,
      _with: false,
      localsName: 'it',
    });
    cache.set(name, fn);
  }
  return fn(data);
}
