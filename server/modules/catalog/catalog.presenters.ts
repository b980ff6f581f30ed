import type { z } from 'zod';
import type { catalogService, catalogVersionSummary } from '#contracts/catalog.ts';
import { catalogLabel } from './catalog.service.ts';
import type { CatalogServiceRow, CatalogVersionRow } from './versions.queries.ts';

/** Which fields of a catalog version and its services leave the server (all of them: reference data). */

export function presentVersionSummary(
  row: CatalogVersionRow & { basedOnNumber: number | null; serviceCount: number },
  currentId: string | null,
): z.infer<typeof catalogVersionSummary> {
  return {
    id: row.id,
    number: row.number,
    label: row.label,
    status: row.status,
    example: row.example,
    validFrom: row.validFrom,
    current: row.id === currentId,
    basedOnNumber: row.basedOnNumber,
    serviceCount: row.serviceCount,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    publishedBy: row.publishedBy,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
  };
}

export function presentService(row: CatalogServiceRow, locale: string): z.infer<typeof catalogService> {
  return {
    id: row.id,
    versionId: row.versionId,
    code: row.code,
    name: catalogLabel(row.name, locale, row.code),
    names: row.name,
    description: row.description[locale] ?? row.description['de'] ?? '',
    descriptions: row.description,
    blockCode: row.blockCode,
    areaCode: row.areaCode,
    sensitive: row.sensitive,
    counting: row.counting,
    active: row.active,
    position: row.position,
  };
}
