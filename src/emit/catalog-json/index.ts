import { z } from 'zod';
import { Article, Fix, OfflineMode, Scenario, Symptom } from '../../model/index.ts';
import type { Emitter } from '../artifact.ts';

export const CATALOG_SCHEMA_ID = 'urn:rdp-rescue:catalog:1';

const CatalogDocument = z
  .object({
    $schema: z.literal(CATALOG_SCHEMA_ID),
    version: z.string(),
    articles: z.array(Article),
    symptoms: z.array(Symptom),
    scenarios: z.array(Scenario),
    fixes: z.array(Fix),
    offline: OfflineMode,
  })
  .meta({ $id: CATALOG_SCHEMA_ID, title: 'RdpRescue catalog' });

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** The validated catalog and its JSON Schema, for other tools to read RdpRescue's model. */
export const catalogJsonEmitter: Emitter = {
  name: 'catalog-json',
  emit({ catalog, version }) {
    const document = { $schema: CATALOG_SCHEMA_ID, version, ...catalog };
    return [
      { path: 'catalog/catalog.json', kind: 'catalog', content: json(document) },
      {
        path: 'catalog/catalog.schema.json',
        kind: 'schema',
        content: json(z.toJSONSchema(CatalogDocument, { io: 'output', target: 'draft-2020-12' })),
      },
    ];
  },
};
