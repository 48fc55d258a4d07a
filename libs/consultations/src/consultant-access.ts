import type { EntityManager } from 'typeorm';
import { StaffRole, type StaffUser, type UserEntity, type UsersService } from '@app/auth';
import { ConsultationError, ConsultationErrorCode } from './consultations.errors';

/**
 * The active consultant (or admin) whose settings the actor may manage: themselves, or anyone for an admin.
 * Anyone else, an unknown id and an assistant's id are all CONSULTATION_CONSULTANT_NOT_FOUND.
 */
export function requireManageableConsultant(
  users: UsersService,
  consultantId: string,
  actor: StaffUser,
  manager?: EntityManager,
): Promise<UserEntity> {
  const allowed =
    actor.role === StaffRole.Admin || (actor.role === StaffRole.Consultant && actor.id === consultantId);
  const refusal = () =>
    new ConsultationError(ConsultationErrorCode.ConsultantNotFound, 'No consultant with this id');
  return allowed ? users.requireActiveConsultant(consultantId, refusal, manager) : Promise.reject(refusal());
}
