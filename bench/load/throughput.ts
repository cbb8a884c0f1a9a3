// The throughput curve of `pnpm bench:load`: visitors arrive at a steady rate at a pool of kiosks,
// officers accept each offer at once, end the call and make themselves available again. Each step
// offers one rate for a warm-up and then for the time it measures, then lets what is left drain
// and cancels the rest, so the next step starts on an empty queue.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { TERMINAL_TICKET_STATUSES } from '../../shared/src/index.js';
import type { AgentSocket, KioskSocket } from '../../signaling-server/test/harness.js';
import { connectAgent, connectKiosk } from '../../signaling-server/test/support/load-clients.js';
import type { SeededOffice } from '../../signaling-server/test/support/seed-office.js';

const ACK_MS = 30_000;
const ARRIVAL_TICK_MS = 20;
/**
 * Each step offers its rate this long before anything is counted. A step starts on an empty
 * line, which a rate past capacity fills over its first seconds; counted from the start, a step
 * just past capacity served more than its rate can be served for long, and that became the peak
 * the 1.5× step was held to. After the warm-up every step counts the line its own rate makes.
 */
const WARM_UP_MS = 5_000;
const DRAIN_MS = 5_000;
/** Under the server's 20 events a second per officer (EVENT_LIMITS), as a console stays. */
const OFFICER_EVENTS_PER_SECOND = 18;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(samples: number[], q: number): number | null {
  if (!samples.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** One step of the curve: what was offered, what was served, and how fast offers came. */
export interface ThroughputStep {
  offeredPerMin: number;
  completedPerMin: number;
  /** Visitors told the office is very busy (BUSY), with a time to come back or a call-back. */
  busy: number;
  /** Arrivals that found every kiosk still held by a visitor waiting for their turn. */
  noFreeKiosk: number;
  /** Ticket creation (sent) to the officer's offer (received), ms. */
  offerP50Ms: number | null;
  offerP99Ms: number | null;
}

/**
 * A curve's steps; its peak, the median completion rate at the rate of its best step; and the
 * median completion rate at 1.5× what that step completed, as a share of the peak.
 */
export interface ThroughputCurve {
  steps: ThroughputStep[];
  peakPerMin: number;
  atOneAndAHalfPeakRatio: number;
  /** Cores each group of processes kept busy at the peak's rate, when measured. */
  coresAtPeak: Record<string, number> | null;
}

interface Visit {
  sentAt: number;
  offeredAt?: number;
  endedAt?: number;
}

/** The kiosks and officers of a curve, connected to one address, and what they recorded. */
class Office {
  readonly visits = new Map<string, Visit>();
  /** Offers that arrived before their ticket's acknowledgement: ticket id → time. */
  readonly earlyOffers = new Map<string, number>();
  readonly free: KioskSocket[] = [];
  readonly holding = new Map<KioskSocket, string>();
  readonly nextSend = new Map<AgentSocket, number>();
  errors: unknown[] = [];

  private constructor(
    readonly office: SeededOffice,
    readonly kiosks: KioskSocket[],
    readonly agents: AgentSocket[],
  ) {}

  static async connect(url: string, office: SeededOffice, kiosks: number, agents: number) {
    const kioskSockets = await Promise.all(
      office.kiosks.slice(0, kiosks).map((kiosk) => connectKiosk(url, kiosk.token)),
    );
    const agentSockets = await Promise.all(
      office.agents.slice(0, agents).map((agent) => connectAgent(url, agent.cookie)),
    );
    const run = new Office(office, kioskSockets, agentSockets);
    for (const kiosk of kioskSockets) run.watchKiosk(kiosk);
    for (const agent of agentSockets) run.serveAs(agent);
    await Promise.all(
      agentSockets.map(async (agent) => {
        const set = await agent.timeout(ACK_MS).emitWithAck('agent:setStatus', {
          status: 'available',
        });
        if (!set.ok) throw new Error(`status refused: ${set.error.code}`);
      }),
    );
    return run;
  }

  private watchKiosk(kiosk: KioskSocket) {
    this.free.push(kiosk);
    kiosk.on('ticket:updated', (ticket) => {
      if (this.holding.get(kiosk) !== ticket.id) return;
      if (!TERMINAL_TICKET_STATUSES.includes(ticket.status)) return;
      this.holding.delete(kiosk);
      this.free.push(kiosk);
    });
  }

  /** An officer who accepts every offer at once, ends the call and is available again. */
  private serveAs(agent: AgentSocket) {
    agent.on('offer:new', (offer) => {
      const at = performance.now();
      const visit = this.visits.get(offer.ticketId);
      if (visit) visit.offeredAt ??= at;
      else this.earlyOffers.set(offer.ticketId, at);
      void this.serve(agent, offer.ticketId).catch((error: unknown) => this.errors.push(error));
    });
  }

  private async serve(agent: AgentSocket, ticketId: string) {
    await this.paced(agent);
    const accepted = await agent.timeout(ACK_MS).emitWithAck('offer:accept', { ticketId });
    // Another officer's offer for the same ticket, or one withdrawn meanwhile, is not an error.
    if (!accepted.ok) return;
    await this.paced(agent);
    const ended = await agent
      .timeout(ACK_MS)
      .emitWithAck('call:end', { callId: accepted.data.call.callId });
    if (!ended.ok) throw new Error(`call:end refused: ${ended.error.code}`);
    const visit = this.visits.get(ticketId);
    if (visit) visit.endedAt = performance.now();
    await this.paced(agent);
    const ready = await agent.timeout(ACK_MS).emitWithAck('agent:setStatus', {
      status: 'available',
    });
    if (!ready.ok) throw new Error(`status refused: ${ready.error.code}`);
  }

  /**
   * Waits for this officer's next turn to send: a console sends within the server's event
   * budget per officer, so the curve measures the server rather than its flood refusals.
   */
  private async paced(agent: AgentSocket) {
    const now = performance.now();
    const turn = Math.max(now, this.nextSend.get(agent) ?? 0);
    this.nextSend.set(agent, turn + 1000 / OFFICER_EVENTS_PER_SECOND);
    if (turn > now) await sleep(turn - now);
  }

  /** One visitor at a free kiosk: 'busy' when the office said so, 'none' without a free kiosk. */
  async arrive(serviceId: string): Promise<'taken' | 'busy' | 'none'> {
    // The kiosk free the longest: a real lobby's visitors spread over its kiosks.
    const kiosk = this.free.shift();
    if (!kiosk) return 'none';
    const sentAt = performance.now();
    const made = await kiosk.timeout(ACK_MS).emitWithAck('ticket:create', {
      clientId: randomUUID(),
      serviceId,
      language: 'id',
      needs: [],
    });
    if (!made.ok) {
      this.free.push(kiosk);
      if (made.error.code === 'BUSY') return 'busy';
      throw new Error(`ticket refused: ${made.error.code}`);
    }
    const { ticket } = made.data;
    const offeredAt = this.earlyOffers.get(ticket.id);
    this.earlyOffers.delete(ticket.id);
    this.visits.set(ticket.id, { sentAt, offeredAt });
    if (TERMINAL_TICKET_STATUSES.includes(ticket.status)) this.free.push(kiosk);
    else this.holding.set(kiosk, ticket.id);
    return 'taken';
  }

  /** Cancels every ticket still waiting, so the next step starts on an empty queue. */
  async clear() {
    await Promise.all(
      [...this.holding].map(async ([kiosk, ticketId]) => {
        await kiosk.timeout(ACK_MS).emitWithAck('ticket:cancel', { ticketId });
      }),
    );
    const deadline = Date.now() + DRAIN_MS;
    while (this.holding.size && Date.now() < deadline) await sleep(50);
  }

  close() {
    for (const socket of [...this.kiosks, ...this.agents]) socket.close();
  }
}

/**
 * Offers `perMin` visitors a minute for a warm-up and then `seconds` more, and counts what
 * happened in those `seconds`: the visits ended, the arrivals turned away, and how fast the
 * tickets taken were offered.
 */
async function step(run: Office, perMin: number, seconds: number): Promise<ThroughputStep> {
  run.visits.clear();
  const counts = { busy: 0, none: 0 };
  const pending: Promise<unknown>[] = [];
  const start = performance.now();
  const counted = start + WARM_UP_MS;
  const end = counted + seconds * 1000;
  let due = 0;
  let sent = 0;
  const services = run.office.serviceIds;
  while (performance.now() < end) {
    due = ((performance.now() - start) / 60_000) * perMin;
    for (; sent < due; sent++) {
      const serviceId = services[sent % services.length]!;
      const arrivedAt = performance.now();
      // Settled here, so that a failure ends the step (and the benchmark stops what it
      // started) rather than the process.
      pending.push(
        run.arrive(serviceId).then(
          (answer) => {
            if (arrivedAt < counted) return;
            if (answer === 'busy') counts.busy++;
            if (answer === 'none') counts.none++;
          },
          (error: unknown) => error,
        ),
      );
    }
    await sleep(ARRIVAL_TICK_MS);
  }
  const failure = (await Promise.all(pending)).find((settled) => settled instanceof Error);
  if (failure) throw failure;
  const visits = [...run.visits.values()];
  const completed = visits.filter(
    (visit) => visit.endedAt !== undefined && visit.endedAt > counted && visit.endedAt <= end,
  );
  const offerMs = visits
    .filter((visit) => visit.sentAt >= counted && visit.offeredAt !== undefined)
    .map((visit) => visit.offeredAt! - visit.sentAt);
  await sleep(DRAIN_MS);
  await run.clear();
  const p50 = percentile(offerMs, 0.5);
  const p99 = percentile(offerMs, 0.99);
  return {
    offeredPerMin: perMin,
    completedPerMin: Math.round((completed.length / seconds) * 60),
    busy: counts.busy,
    noFreeKiosk: counts.none,
    offerP50Ms: p50 === null ? null : Math.round(p50),
    offerP99Ms: p99 === null ? null : Math.round(p99),
  };
}

/** Each group's median over several measurements of where the CPU went. */
function medianCores(measured: Record<string, number>[]): Record<string, number> {
  const names = new Set(measured.flatMap((cores) => Object.keys(cores)));
  return Object.fromEntries(
    [...names].map((name) => [
      name,
      percentile(
        measured.map((cores) => cores[name] ?? 0),
        0.5,
      )!,
    ]),
  );
}

/** Cores busy by group, busiest first, e.g. "server 0.93, postgres 0.61, idle 0.02". */
const formatCores = (cores: Record<string, number>) =>
  Object.entries(cores)
    .sort(([, a], [, b]) => b - a)
    .map(([name, busy]) => `${name} ${busy}`)
    .join(', ');

const printStep = (label: string, s: ThroughputStep) =>
  console.log(
    `${label}: offered ${s.offeredPerMin}/min, completed ${s.completedPerMin}/min, ` +
      `BUSY ${s.busy}, no free kiosk ${s.noFreeKiosk}, ticket→offer p50 ${s.offerP50Ms} ms, ` +
      `p99 ${s.offerP99Ms} ms`,
  );

/**
 * After a first step that is not counted, raises the offered rate by half each step from
 * `startPerMin` until a step completes fewer than 90 % of what it offered (or `maxSteps` ran).
 * Then the rate of the step that completed most and 1.5× what it completed are offered in turns,
 * `turns` times each. One step of a few seconds on this shared machine swings by a fifth (10,808
 * to 13,372 a minute, eight steps at one rate in one run), and the best of a rising curve is the
 * luckiest of its steps; the medians of the turns compare like with like.
 */
export async function throughputCurve(
  label: string,
  url: string,
  office: SeededOffice,
  options: {
    kiosks: number;
    agents: number;
    startPerMin: number;
    seconds: number;
    maxSteps: number;
    turns: number;
    /** Measures where the machine's CPU goes, from its call until the call of what it returns. */
    cpu?: () => () => Record<string, number>;
  },
): Promise<ThroughputCurve> {
  const run = await Office.connect(url, office, options.kiosks, options.agents);
  try {
    // Servers just started compile their code while they serve. Three of them on two cores took
    // all of a first step to settle (ticket→offer p50 3.2 s at 3,000 a minute, then 141 ms at
    // 3,672 a minute in the step after it), which ended their curve there. A first step at the
    // first rate, printed but not counted, lets every curve start on settled servers.
    printStep(`${label} settling`, await step(run, options.startPerMin, options.seconds));
    const steps: ThroughputStep[] = [];
    let perMin = options.startPerMin;
    for (let i = 0; i < options.maxSteps; i++) {
      const result = await step(run, perMin, options.seconds);
      printStep(`${label} step ${i + 1}`, result);
      steps.push(result);
      if (result.completedPerMin < 0.9 * result.offeredPerMin) break;
      perMin = Math.round(perMin * 1.5);
    }
    const best = steps.reduce((a, b) => (b.completedPerMin > a.completedPerMin ? b : a));
    const overPerMin = Math.round(best.completedPerMin * 1.5);
    const atPeak: number[] = [];
    const over: number[] = [];
    const cpuAtPeak: Record<string, number>[] = [];
    for (let turn = 1; turn <= options.turns; turn++) {
      const cpu = options.cpu?.();
      const again = await step(run, best.offeredPerMin, options.seconds);
      if (cpu) cpuAtPeak.push(cpu());
      printStep(`${label} at the peak's rate, turn ${turn}`, again);
      const past = await step(run, overPerMin, options.seconds);
      printStep(`${label} at 1.5× the peak, turn ${turn}`, past);
      steps.push(again, past);
      atPeak.push(again.completedPerMin);
      over.push(past.completedPerMin);
    }
    if (run.errors.length) {
      throw new Error(
        `${run.errors.length} officer commands failed, first: ${String(run.errors[0])}`,
      );
    }
    const peakPerMin = percentile(atPeak, 0.5)!;
    const overMedian = percentile(over, 0.5)!;
    console.log(
      `${label}: peak ${peakPerMin}/min (median of ${options.turns} at ${best.offeredPerMin}/min ` +
        `offered), at 1.5× the peak ${overMedian}/min (median of ${options.turns} at ` +
        `${overPerMin}/min offered)`,
    );
    const cores = cpuAtPeak.length ? medianCores(cpuAtPeak) : null;
    if (cores)
      console.log(`${label}: cores busy at the peak's rate (medians), ${formatCores(cores)}`);
    return {
      steps,
      peakPerMin,
      atOneAndAHalfPeakRatio: Math.round((overMedian / peakPerMin) * 100) / 100,
      coresAtPeak: cores,
    };
  } finally {
    run.close();
  }
}
