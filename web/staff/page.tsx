import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Sets document.title to "<page> – Lotse". */
export function useDocumentTitle(title: string): void {
  const { t } = useTranslation();
  const suffix = t('app.name');
  useEffect(() => {
    document.title = `${title} – ${suffix}`;
  }, [title, suffix]);
}

/** Moves the focus to the new page's h1 after a route change (not on the first load). */
export function RouteFocus() {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = window.requestAnimationFrame(() => document.getElementById('page-title')?.focus());
    return () => window.cancelAnimationFrame(frame);
  }, [pathname]);
  return null;
}
