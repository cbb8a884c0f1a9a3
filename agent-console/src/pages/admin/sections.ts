import type { ComponentType } from 'react';
import { DispositionsSection } from './DispositionsSection';
import { HoursSection } from './HoursSection';
import { KiosksSection } from './KiosksSection';
import { OfficeSection } from './OfficeSection';
import { PeopleSection } from './PeopleSection';
import { QuickRepliesSection } from './QuickRepliesSection';
import { ServicesSection } from './ServicesSection';

/** One section of the administration page, at `/console/admin/<id>`. */
export interface AdminSection {
  id: string;
  labelKey:
    | 'admin.nav.office'
    | 'admin.nav.services'
    | 'admin.nav.hours'
    | 'admin.people.heading'
    | 'admin.kiosks.heading'
    | 'admin.nav.outcomes'
    | 'admin.nav.replies';
  Component: ComponentType;
}

/** The administration page's sections, in the order its navigation lists them. */
export const ADMIN_SECTIONS: AdminSection[] = [
  { id: 'office', labelKey: 'admin.nav.office', Component: OfficeSection },
  { id: 'services', labelKey: 'admin.nav.services', Component: ServicesSection },
  { id: 'hours', labelKey: 'admin.nav.hours', Component: HoursSection },
  { id: 'people', labelKey: 'admin.people.heading', Component: PeopleSection },
  { id: 'kiosks', labelKey: 'admin.kiosks.heading', Component: KiosksSection },
  { id: 'outcomes', labelKey: 'admin.nav.outcomes', Component: DispositionsSection },
  { id: 'replies', labelKey: 'admin.nav.replies', Component: QuickRepliesSection },
];
