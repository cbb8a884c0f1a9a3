import type { ComponentType } from 'react';
import { KiosksSection } from './KiosksSection';
import { PeopleSection } from './PeopleSection';

/** One section of the administration, at `admin/<id>`. */
export interface AdminSection {
  id: string;
  labelKey: 'admin.people.heading' | 'admin.kiosks.heading';
  Component: ComponentType;
}

/** The administration's sections, in the order of its nav. */
export const ADMIN_SECTIONS: AdminSection[] = [
  { id: 'people', labelKey: 'admin.people.heading', Component: PeopleSection },
  { id: 'kiosks', labelKey: 'admin.kiosks.heading', Component: KiosksSection },
];
