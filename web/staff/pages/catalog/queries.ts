import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '#web/staff/api.ts';

/** Every catalog query starts with 'catalog', so one invalidation refreshes them all after a change. */
export const CATALOG_KEY = ['catalog'] as const;

export function useCatalogVersions() {
  return useQuery({ queryKey: [...CATALOG_KEY, 'versions'], queryFn: () => api('GET /api/catalog/versions') });
}

/** One version with its services, or the one in force today (id null); labelled in the UI's language. */
export function useCatalogVersion(id: string | null) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...CATALOG_KEY, 'version', id ?? 'current', i18n.language],
    queryFn: () => (id ? api('GET /api/catalog/versions/:id', { params: { id } }) : api('GET /api/catalog/current')),
    retry: false,
  });
}

/** Integration areas and service blocks in catalog order, labelled in the UI's language. */
export function useAreasAndBlocks() {
  const { i18n } = useTranslation();
  const areas = useQuery({ queryKey: ['integration-areas', i18n.language], queryFn: () => api('GET /api/integration-areas'), staleTime: 5 * 60_000 });
  const blocks = useQuery({ queryKey: ['service-blocks', i18n.language], queryFn: () => api('GET /api/service-blocks'), staleTime: 5 * 60_000 });
  return { areas: areas.data ?? [], blocks: blocks.data ?? [] };
}
