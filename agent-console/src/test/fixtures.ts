import { DEFAULT_DISPOSITIONS } from '@loket/shared';
import type {
  AgentBootstrap,
  AgentView,
  CallbackView,
  CallStart,
  KioskStatus,
  OfferView,
  OfficeCatalogue,
  QueueCounters,
  QueueDelta,
  QueueSnapshot,
  Report,
  ReportFigures,
  ServiceView,
  SessionUser,
} from '@loket/shared';

/** Test data shaped exactly as the server sends it. */
export const NOW = Date.UTC(2026, 10, 27, 3, 0, 0);

export const agentUser: SessionUser = {
  id: 'u-1',
  username: 'sari',
  displayName: 'Sari Wulandari',
  role: 'agent',
  officeId: 'o-1',
  languages: ['id', 'en'],
};

export const managerUser: SessionUser = {
  ...agentUser,
  id: 'u-2',
  username: 'budi',
  displayName: 'Budi Santoso',
  role: 'manager',
};

export function agentView(overrides: Partial<AgentView> = {}): AgentView {
  return {
    id: 'a-1',
    displayName: 'Sari Wulandari',
    status: 'available',
    statusSince: NOW,
    ...overrides,
  };
}

export const services: ServiceView[] = [
  {
    id: 'ppid',
    letter: 'B',
    name: { id: 'Layanan informasi publik', en: 'Public information' },
    description: { id: 'Permohonan informasi', en: 'Information requests' },
    icon: 'info',
    requirements: [{ id: 'KTP', en: 'Identity card' }],
  },
  {
    id: 'complaints',
    letter: 'C',
    name: { id: 'Pengaduan', en: 'Complaints' },
    description: { id: 'Pengaduan layanan', en: 'Complaints about a service' },
    icon: 'complaint',
    requirements: [],
  },
];

export function bootstrap(overrides: Partial<AgentBootstrap> = {}): AgentBootstrap {
  return {
    agent: agentView(),
    offer: null,
    call: null,
    services,
    lastServed: null,
    dispositions: [...DEFAULT_DISPOSITIONS],
    ...overrides,
  };
}

export function callbackView(overrides: Partial<CallbackView> = {}): CallbackView {
  return {
    id: 'cb-1',
    serviceId: 'complaints',
    language: 'id',
    phone: '+6281234567890',
    createdAt: NOW - 600_000,
    ...overrides,
  };
}

export function offerView(overrides: Partial<OfferView> = {}): OfferView {
  return {
    ticketId: 't-14',
    ticketNumber: 'B-014',
    service: {
      id: 'ppid',
      letter: 'B',
      name: { id: 'Layanan informasi publik', en: 'Public information' },
      description: { id: 'Permohonan informasi', en: 'Information requests' },
      icon: 'info',
      requirements: [],
    },
    language: 'id',
    needs: [],
    waitingSince: NOW - 95_000,
    expiresAt: NOW + 20_000,
    ...overrides,
  };
}

export function callStart(overrides: Partial<CallStart> = {}): CallStart {
  return {
    callId: 'c-1',
    ticketId: 't-14',
    ticketNumber: 'B-014',
    transport: 'p2p',
    iceServers: [],
    polite: true,
    peerName: 'Kiosk lobby',
    ...overrides,
  };
}

export function queueCounters(overrides: Partial<QueueCounters> = {}): QueueCounters {
  return {
    waiting: 2,
    longestWaitMs: 125_000,
    averageSpeedOfAnswerMs: 42_000,
    abandonmentRate: 0.125,
    serviceLevel: 0.8,
    serviceLevelTargetMs: 20_000,
    serviceLevelGoal: 0.8,
    openCallbacks: 3,
    ikm: { index: 82.5, band: 'B', respondents: 12 },
    ...overrides,
  };
}

export function queueDelta(overrides: Partial<QueueDelta> = {}): QueueDelta {
  return {
    seq: 6,
    at: NOW + 1_000,
    tickets: [],
    removedTicketIds: [],
    agents: [],
    counters: queueCounters(),
    ...overrides,
  };
}

export function queueSnapshot(overrides: Partial<QueueSnapshot> = {}): QueueSnapshot {
  return {
    at: NOW,
    seq: 5,
    counters: queueCounters(),
    tickets: [
      {
        id: 't-14',
        number: 'B-014',
        serviceId: 'ppid',
        serviceName: { id: 'Informasi publik (PPID)', en: 'Public information (PPID)' },
        language: 'id',
        needs: ['sign_language', 'elderly'],
        status: 'waiting',
        createdAt: NOW - 125_000,
        agentId: null,
      },
      {
        id: 't-15',
        number: 'C-002',
        serviceId: 'complaints',
        serviceName: { id: 'Pengaduan', en: 'Complaints' },
        language: 'en',
        needs: [],
        status: 'offered',
        createdAt: NOW - 30_000,
        agentId: 'a-1',
      },
    ],
    agents: [agentView({ status: 'offered', statusSince: NOW - 10_000 })],
    ...overrides,
  };
}

export function kioskStatus(overrides: Partial<KioskStatus> = {}): KioskStatus {
  return {
    id: 'k1',
    name: 'Kios lobi 1',
    online: true,
    inUse: false,
    outOfService: false,
    lastSeenAt: NOW - 5_000,
    health: {
      version: '0.1.0',
      devices: { camera: 'ok', microphone: 'ok', speaker: 'ok' },
      roundTripMs: 24,
      downlinkMbps: 10,
      lastVisitAt: NOW - 600_000,
    },
    healthAt: NOW - 5_000,
    ...overrides,
  };
}

/** Figures of a report row with nothing in it. */
export function reportFigures(overrides: Partial<ReportFigures> = {}): ReportFigures {
  return {
    tickets: 0,
    served: 0,
    abandoned: 0,
    cancelled: 0,
    callbacks: 0,
    answered: 0,
    averageSpeedOfAnswerMs: null,
    averageHandleMs: null,
    serviceLevel: null,
    signLanguageServiceLevel: null,
    longestWaitMs: null,
    ikm: null,
    elements: {},
    ...overrides,
  };
}

/** A report by day over two days: a busy Monday and an empty Tuesday. */
export function dailyReport(overrides: Partial<Report> = {}): Report {
  const monday = reportFigures({
    tickets: 12,
    served: 10,
    abandoned: 1,
    cancelled: 1,
    callbacks: 2,
    answered: 10,
    averageSpeedOfAnswerMs: 15_500,
    averageHandleMs: 312_000,
    serviceLevel: 0.75,
    signLanguageServiceLevel: 0.5,
    longestWaitMs: 125_000,
    ikm: { index: 79.17, band: 'B', respondents: 4 },
    elements: { time: 3.5, competence: 4, conduct: 2 },
  });
  return {
    from: '2026-03-02',
    to: '2026-03-03',
    groupBy: 'day',
    timeZone: 'Asia/Jakarta',
    serviceLevelTargetMs: 20_000,
    rows: [
      { key: '2026-03-02', name: null, figures: monday },
      { key: '2026-03-03', name: null, figures: reportFigures() },
    ],
    total: monday,
    ...overrides,
  };
}

/** The office and its services as an administrator just changed them. */
export function officeCatalogue(changed: ServiceView[] = services): OfficeCatalogue {
  return {
    office: {
      id: 'office-1',
      name: { id: 'Kantor Pusat', en: 'Head office' },
      channels: [],
      surveyElements: ['time'],
      retention: { callbackDays: 30, commentDays: 90, summaryDays: 30 },
      brand: { color: null, logoUrl: null },
      consentText: { id: '', en: '' },
    },
    services: changed,
  };
}
