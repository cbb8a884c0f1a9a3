import type {
  Availability,
  CallStart,
  KioskBootstrap,
  OfficeView,
  ServiceView,
  TicketView,
} from '@loket/shared';
import { vi, type Mock } from 'vitest';
import { applyDisplaySettings } from '../lib/document-settings';
import { command } from '../lib/commands';
import type { Command, CommandResult } from '../lib/socket';
import { initialState, kioskStore, type KioskState } from '../store/kiosk-store';

export const office: OfficeView = {
  id: 'office-1',
  name: { id: 'Kementerian Ketenagakerjaan', en: 'Ministry of Manpower' },
  channels: [
    {
      kind: 'whatsapp',
      label: { id: 'WhatsApp', en: 'WhatsApp' },
      value: '0811-9521-150',
      url: 'https://wa.me/628119521150',
    },
    {
      kind: 'web',
      label: { id: 'Situs PPID', en: 'PPID website' },
      value: 'ppid.kemnaker.go.id',
      url: 'https://ppid.kemnaker.go.id',
    },
  ],
  surveyElements: ['time', 'competence', 'conduct'],
  retention: { callbackDays: 30, commentDays: 90, summaryDays: 30 },
  brand: { color: null, logoUrl: null },
  consentText: { id: '', en: '' },
};

export const services: ServiceView[] = [
  {
    id: 'svc-info',
    letter: 'A',
    name: { id: 'Informasi publik', en: 'Public information' },
    description: { id: 'Permohonan informasi (PPID)', en: 'Information requests (PPID)' },
    icon: 'info',
    requirements: [{ id: 'KTP', en: 'Identity card' }],
  },
  {
    id: 'svc-job',
    letter: 'B',
    name: { id: 'Penempatan kerja', en: 'Job placement' },
    description: { id: 'Lowongan dan penempatan', en: 'Vacancies and placement' },
    icon: 'job',
    requirements: [],
  },
];

export function ticket(change: Partial<TicketView> = {}): TicketView {
  return {
    id: 'ticket-1',
    number: 'B-014',
    serviceId: 'svc-job',
    language: 'id',
    status: 'waiting',
    needs: [],
    position: 3,
    wait: { minMs: 5 * 60_000, maxMs: 10 * 60_000 },
    createdAt: 1_700_000_000_000,
    visitToken: 'R3YtMDE0LXZpc2l0LWxpbmstc2VjcmV0LXRva2VuLTA',
    summaryToken: 'U3VtbWFyeS1CLTAxNC1saW5rLXNlY3JldC10b2tlbjA',
    ...change,
  };
}

export function callStart(change: Partial<CallStart> = {}): CallStart {
  return {
    callId: 'call-1',
    ticketId: 'ticket-1',
    ticketNumber: 'B-014',
    transport: 'p2p',
    iceServers: [],
    polite: true,
    peerName: 'Sari',
    ...change,
  };
}

export function bootstrap(change: Partial<KioskBootstrap> = {}): KioskBootstrap {
  return {
    kioskId: 'kiosk-1',
    office,
    services,
    ticket: null,
    call: null,
    inService: true,
    speechLeavesOffice: false,
    credential: null,
    ...change,
  };
}

/** A fresh kiosk state for one test: online, office known, on `phase`, plus `change`. */
export function resetKiosk(change: Partial<KioskState> = {}): void {
  kioskStore.setState(
    { ...initialState(), connection: 'online', office, services, phase: 'attract', ...change },
    true,
  );
  const { language, textSize, contrast, reach } = kioskStore.getState();
  applyDisplaySettings({ language, textSize, contrast, reach });
}

/** The mocked `command` (tests vi.mock `lib/commands`), typed loosely enough to answer any command. */
export function mockedCommand() {
  return vi.mocked(command) as unknown as Mock<
    (event: Command, payload: unknown) => Promise<CommandResult<unknown>>
  >;
}

/** A `service:availability` answer: open and staffed unless `change` says otherwise. */
export function availability(change: Partial<Availability> = {}): CommandResult<Availability> {
  return {
    ok: true,
    data: { available: true, reason: null, nextOpening: null, onDuty: [], ...change },
  };
}

/** What the mocked `command` answers unless a test says otherwise: the server did not answer. */
export const NO_ANSWER = { ok: false, error: { code: 'TIMEOUT', message: 'no answer' } } as const;
