import { StatusInCanada } from '../entities/client.entity';

/** Temporary statuses end on a date; none and permanent residence do not. */
export function statusHasExpiry(status: StatusInCanada): boolean {
  return status === StatusInCanada.Visitor || status === StatusInCanada.Worker || status === StatusInCanada.Student;
}
