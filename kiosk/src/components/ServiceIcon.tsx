import type { ReactNode } from 'react';

/** Simple line pictograms, drawn on a 48×48 grid with the current text colour. */
const PICTOGRAMS: Record<string, ReactNode> = {
  // Public information (PPID): an "i" in a circle.
  info: (
    <>
      <circle cx="24" cy="24" r="19" />
      <path d="M24 21v13M24 14v1" />
    </>
  ),
  // Complaints: a speech bubble with an exclamation mark.
  complaint: (
    <>
      <path d="M8 10h32v22H22l-9 8v-8H8z" />
      <path d="M24 15v9M24 28v1" />
    </>
  ),
  // Job placement: a briefcase.
  job: (
    <>
      <rect x="6" y="15" width="36" height="25" rx="3" />
      <path d="M18 15v-5h12v5M6 26h36" />
    </>
  ),
  // Training and apprenticeship: a graduation cap.
  training: (
    <>
      <path d="M4 18 24 9l20 9-20 9z" />
      <path d="M12 22v10c0 3 6 6 12 6s12-3 12-6V22M44 18v12" />
    </>
  ),
  // Foreign or migrant workers: a globe.
  globe: (
    <>
      <circle cx="24" cy="24" r="19" />
      <path d="M5 24h38M24 5c-6 6-6 32 0 38M24 5c6 6 6 32 0 38" />
    </>
  ),
  // Industrial relations and social security: two people.
  people: (
    <>
      <circle cx="16" cy="15" r="6" />
      <circle cx="33" cy="17" r="5" />
      <path d="M4 40c0-8 5-13 12-13s12 5 12 13M28 29c6-1 14 2 14 11" />
    </>
  ),
  // Occupational safety: a shield with a tick.
  safety: (
    <>
      <path d="M24 5 40 11v12c0 10-7 17-16 20C15 40 8 33 8 23V11z" />
      <path d="m17 24 5 5 9-10" />
    </>
  ),
};

/** Other names services use for the same pictograms. */
const ALIASES: Record<string, string> = {
  ppid: 'info',
  information: 'info',
  pengaduan: 'complaint',
  apprenticeship: 'training',
  foreign: 'globe',
  migrant: 'globe',
  relations: 'people',
  'social-security': 'people',
  k3: 'safety',
};

// General enquiries and unknown names: a speech bubble.
const GENERIC = (
  <>
    <path d="M8 10h32v22H22l-9 8v-8H8z" />
    <path d="M16 21h1M24 21h1M32 21h1" />
  </>
);

/** The pictogram of a service tile; decorative, since the tile's text names the service. */
export function ServiceIcon({ name }: { name: string }) {
  const pictogram = PICTOGRAMS[ALIASES[name] ?? name] ?? GENERIC;
  return (
    <svg className="tile__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      {pictogram}
    </svg>
  );
}
