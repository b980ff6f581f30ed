import { createContext, useContext, type ReactNode } from 'react';
import type { Action } from '#contracts/actions.ts';

/**
 * How a domain's pages join the app: each `web/staff/pages/<domain>/routes.tsx` exports its
 * `routes` (each with the action it needs; the router answers "not found" without it) and its
 * `menu` entries (shown when the action is permitted); the router composes them.
 */
export interface PageRoute {
  /** Below /app/; `index` for the start page. */
  path?: string;
  index?: true;
  element: ReactNode;
  /** The action the page needs (null: every signed-in staff member). */
  action: Action | null;
}

// i18n-keys: staff:nav.*, staff:home.linkText.*
export interface MenuEntry {
  to: string;
  /** Key in the `staff` namespace. */
  label: string;
  /** Where the menu is ordered (lower first). */
  order: number;
  action: Action | null;
  /** Another label for those who may take this action (e.g. "Regionen & Gebiete" for the editors). */
  labelFor?: { action: Action; label: string };
  /** The short text on the start page's card (key in `staff`); none: no card. */
  text?: string;
}

export interface DomainPages {
  routes: readonly PageRoute[];
  menu: readonly MenuEntry[];
}

/** The menu entries one may see, in order, with the label that fits. */
export function visibleMenu(entries: readonly MenuEntry[], may: (action: Action) => boolean): MenuEntry[] {
  return entries
    .filter((entry) => entry.action === null || may(entry.action))
    .map((entry) => (entry.labelFor && may(entry.labelFor.action) ? { ...entry, label: entry.labelFor.label } : entry))
    .sort((a, b) => a.order - b.order);
}

export const MenuContext = createContext<readonly MenuEntry[]>([]);

/** Every domain's menu entries (the router provides them). */
export function useMenu(): readonly MenuEntry[] {
  return useContext(MenuContext);
}
