import { z } from 'zod';
import {
  ChannelRefused,
  ChannelUnavailable,
  type ComplaintChannel,
  type ComplaintProgress,
  type OutgoingComplaint,
} from './channel.js';

/** Where and as whom Loket speaks to LAPOR! (`LAPOR_URL`, `LAPOR_TOKEN`). */
export interface LaporSettings {
  url: string;
  token: string;
  /** How long one request may take before it counts as unreachable. */
  timeoutMs?: number;
}

const Forwarded = z.object({ trackingId: z.string().min(1).max(64) });
const Progress = z.object({
  trackingId: z.string(),
  status: z.string().min(1),
  closed: z.boolean(),
});
const Refusal = z.object({ message: z.string() }).partial();

/**
 * SP4N-LAPOR!'s integration API over HTTP. LAPOR! documents it only to agencies' developer
 * accounts, so the shape here is Loket's own and must be checked against those documents (the
 * README says so):
 *
 * - `POST {url}/complaints` with `Authorization: Bearer {token}` and `Idempotency-Key: {id}`,
 *   body `{ externalId, classification: 'pengaduan', content, occurredAt, agency, service,
 *   anonymous: true }`, answers 201 `{ trackingId }`;
 * - `GET {url}/complaints/{trackingId}` answers `{ trackingId, status, closed }`;
 * - a refusal answers 4xx `{ message }`.
 *
 * The idempotency key makes a send repeated after a timeout (which LAPOR! may have received)
 * come back with the same tracking id rather than a second complaint.
 */
export class LaporChannel implements ComplaintChannel {
  private readonly base: string;
  private readonly timeoutMs: number;

  constructor(private readonly settings: LaporSettings) {
    this.base = settings.url.replace(/\/+$/, '');
    this.timeoutMs = settings.timeoutMs ?? 10_000;
  }

  async forward(complaint: OutgoingComplaint): Promise<{ trackingId: string }> {
    const body = await this.request('POST', '/complaints', {
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': complaint.id },
      body: JSON.stringify({
        externalId: complaint.id,
        classification: 'pengaduan',
        content: complaint.text,
        occurredAt: new Date(complaint.writtenAt).toISOString(),
        agency: complaint.officeName,
        service: complaint.serviceName,
        anonymous: true,
      }),
    });
    return { trackingId: this.parse(Forwarded, body).trackingId };
  }

  async status(trackingId: string): Promise<ComplaintProgress> {
    const body = await this.request('GET', `/complaints/${encodeURIComponent(trackingId)}`, {});
    const progress = this.parse(Progress, body);
    return { stage: progress.status, closed: progress.closed };
  }

  private async request(
    method: string,
    path: string,
    init: { headers?: Record<string, string>; body?: string },
  ): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          Authorization: `Bearer ${this.settings.token}`,
          ...init.headers,
        },
        body: init.body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new ChannelUnavailable(`LAPOR! could not be reached: ${(error as Error).message}`);
    }
    const text = await response.text().catch(() => '');
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      throw new ChannelUnavailable(`LAPOR! answered ${response.status}`);
    }
    const json = safeJson(text);
    if (!response.ok) {
      const reason = Refusal.safeParse(json).data?.message;
      throw new ChannelRefused(
        reason ? reason.slice(0, 500) : `LAPOR! answered ${response.status}`,
      );
    }
    return json;
  }

  private parse<T>(schema: z.ZodType<T>, body: unknown): T {
    const parsed = schema.safeParse(body);
    // An answer of another shape is LAPOR!'s fault or a changed API: worth a later try, not a loss.
    if (!parsed.success) throw new ChannelUnavailable('LAPOR! answered in an unexpected shape');
    return parsed.data;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
