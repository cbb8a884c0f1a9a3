/** What is sent to the national complaints system: the visitor's words, never who they are. */
export interface OutgoingComplaint {
  /** Loket's id of the complaint, which the channel uses to spot a repeated send. */
  id: string;
  text: string;
  /** When the visitor (or officer) wrote it, epoch ms. */
  writtenAt: number;
  /** The office's name, as the complaint is about its service. */
  officeName: string;
  serviceName: string;
}

/** Where a forwarded complaint stands in the national system. */
export interface ComplaintProgress {
  /** The system's own word for the stage (e.g. `verification`, `follow_up`). */
  stage: string;
  closed: boolean;
}

/**
 * The national complaints system (SP4N-LAPOR!) as Loket uses it. Either method throws
 * `ChannelUnavailable` when it could not be reached (try again later) and `ChannelRefused` when
 * it answered no (trying again would not help).
 */
export interface ComplaintChannel {
  forward(complaint: OutgoingComplaint): Promise<{ trackingId: string }>;
  status(trackingId: string): Promise<ComplaintProgress>;
}

/** The channel did not answer in time, could not be reached, or failed on its side (5xx). */
export class ChannelUnavailable extends Error {
  override readonly name = 'ChannelUnavailable';
}

/** The channel refused the request (4xx); `message` is its reason. */
export class ChannelRefused extends Error {
  override readonly name = 'ChannelRefused';
}
