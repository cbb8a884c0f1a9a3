import type { CallStart, KioskBootstrap, ServiceView, TicketView } from '@loket/shared';
import { vi, type Mock } from 'vitest';
import { applyDisplaySettings } from '../lib/document-settings';
import { command, type Command, type CommandResult } from '../lib/socket';
import { initialState, kioskStore, type KioskState } from '../store/kiosk-store';

export const office = {
  id: 'office-1',
  name: { id: 'Kementerian Ketenagakerjaan', en: 'Ministry of Manpower' },
};

export const services: ServiceView[] = [
  {
    id: 'svc-info',
    letter: 'A',
    name: { id: 'Informasi publik', en: 'Public information' },
    description: { id: 'Permohonan informasi (PPID)', en: 'Information requests (PPID)' },
    icon: 'info',
  },
  {
    id: 'svc-job',
    letter: 'B',
    name: { id: 'Penempatan kerja', en: 'Job placement' },
    description: { id: 'Lowongan dan penempatan', en: 'Vacancies and placement' },
    icon: 'job',
  },
];

export function ticket(change: Partial<TicketView> = {}): TicketView {
  return {
    id: 'ticket-1',
    number: 'B-014',
    serviceId: 'svc-job',
    language: 'id',
    status: 'waiting',
    position: 3,
    createdAt: 1_700_000_000_000,
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
  return { kioskId: 'kiosk-1', office, services, ticket: null, call: null, ...change };
}

/** A fresh kiosk state for one test: online, office known, on `phase`, plus `change`. */
export function resetKiosk(change: Partial<KioskState> = {}): void {
  kioskStore.setState(
    { ...initialState(), connection: 'online', office, services, phase: 'attract', ...change },
    true,
  );
  const { language, textSize, contrast } = kioskStore.getState();
  applyDisplaySettings({ language, textSize, contrast });
}

/** The mocked `command` (tests vi.mock `lib/socket`), typed loosely enough to answer any command. */
export function mockedCommand() {
  return vi.mocked(command) as unknown as Mock<
    (event: Command, payload: unknown) => Promise<CommandResult<unknown>>
  >;
}
