import type { OfficeView } from '@loket/shared';

/** Where the kiosk keeps the name of the office it serves, to show it again while it starts. */
export const OFFICE_NAME_KEY = 'loket.officeName';

type OfficeName = OfficeView['name'];

/** Keeps the name of the office the server says this kiosk serves. */
export function rememberOfficeName(name: OfficeName): void {
  localStorage.setItem(OFFICE_NAME_KEY, JSON.stringify(name));
}

/** The name of the office this kiosk served last, if it kept one that still reads. */
export function rememberedOfficeName(): OfficeName | null {
  try {
    const name: unknown = JSON.parse(localStorage.getItem(OFFICE_NAME_KEY) ?? 'null');
    const { id, en } = (name ?? {}) as Partial<Record<keyof OfficeName, unknown>>;
    return typeof id === 'string' && typeof en === 'string' ? { id, en } : null;
  } catch {
    return null;
  }
}

/** Drops the name, for a kiosk that may be paired to another office next. */
export function forgetOfficeName(): void {
  localStorage.removeItem(OFFICE_NAME_KEY);
}
