import { useQuery } from '@tanstack/react-query';
import { api } from '#web/staff/api.ts';

/** The query of a household's letters (the section, its upload form and the dealing with share it). */
export const lettersKey = (householdId: string) => ['letters', householdId] as const;

export function useLetters(householdId: string, enabled: boolean) {
  return useQuery({ queryKey: lettersKey(householdId), queryFn: () => api('GET /api/households/:id/letters', { params: { id: householdId } }), retry: false, enabled });
}

/** The file as a data URL (the server reads its real type from the bytes). */
export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('file not read'));
    reader.readAsDataURL(file);
  });
}
