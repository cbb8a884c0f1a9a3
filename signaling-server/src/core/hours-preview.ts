import type { HoursPreview } from '@loket/shared';
import { hoursState, localClock, type ServiceHours } from './service-hours.js';

/**
 * How the office stands at `now`, as its administrator reads it: open until a time, or closed
 * until a weekday and time (none within two weeks: closed with no opening), in its time zone.
 */
export function hoursPreview(hours: ServiceHours, now: number): HoursPreview {
  const state = hoursState(hours, now);
  if (state.open) return { open: true, until: localClock(state.closesAt, hours.timeZone).time };
  return {
    open: false,
    opens: state.nextOpening === null ? null : localClock(state.nextOpening, hours.timeZone),
  };
}
