// Plain data, free of zod, so that screens on the kiosk's first route can use it.

/**
 * The nine elements of the public satisfaction survey (SKM), in the regulation's order U1–U9
 * (PermenPAN-RB No. 14 Tahun 2017, Lampiran): requirements; systems, mechanisms and procedures;
 * completion time; cost/tariff; product specification; officer competence; officer conduct;
 * handling of complaints, suggestions and input; facilities.
 */
export const SKM_ELEMENTS = [
  'requirements',
  'procedure',
  'time',
  'cost',
  'products',
  'competence',
  'conduct',
  'complaints',
  'facilities',
] as const;
/** One element of the SKM, by name. */
export type SkmElementName = (typeof SKM_ELEMENTS)[number];

/** The elements asked in the short form unless the office picks others. */
export const DEFAULT_SHORT_FORM: readonly SkmElementName[] = ['time', 'competence', 'conduct'];
