import { Channel } from '@loket/shared';
import { CHANNELS_KEY } from '../lib/outage';

/** The channels last remembered; none if there are none, or what is stored does not read. */
export function rememberedChannels(): Channel[] {
  try {
    const stored = Channel.array().safeParse(
      JSON.parse(localStorage.getItem(CHANNELS_KEY) ?? '[]'),
    );
    return stored.success ? stored.data : [];
  } catch {
    return [];
  }
}
