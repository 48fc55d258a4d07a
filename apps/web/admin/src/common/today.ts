import { browserTimeZone, dayOf } from '../../../shared/time';
import { session } from '../session';

/** Today in the signed-in user's time zone (the browser's when unknown). */
export function today(): string {
  return dayOf(new Date(), session.user?.timezone ?? browserTimeZone());
}
