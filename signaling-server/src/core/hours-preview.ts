import type { HoursPreview } from '@loket/shared';
import { hoursState, localClock, type ServiceHours } from './service-hours.js';

/**
 * How the office stands at `now`, as its administrator reads it: open until a time, or closed
 * until a weekday and time (none within two weeks: closed with no opening), in its time zone.
 */
export function hoursPreview(hours: ServiceHours, now: number): HoursPreview {
  const state = hoursState(hours, now);
  if (state.open) {
    const { time } = localClock(state.closesAt, hours.timeZone);
    // A day open to its end closes at 24:00, as the schedule writes it, not at 00:00.
    return { open: true, until: time === '00:00' ? '24:00' : time };
  }
  return {
    open: false,
    opens: state.nextOpening === null ? null : localClock(state.nextOpening, hours.timeZone),
  };
}
