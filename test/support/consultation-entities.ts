import { UserEntity } from '@app/auth';
import { ClientEntity } from '@app/clients';
import { WorkPermitFileEntity } from '@app/work-permits';
import { ConsultantAvailabilityEntity } from '../../libs/consultations/src/entities/consultant-availability.entity';
import { ConsultationTypeEntity } from '../../libs/consultations/src/entities/consultation-type.entity';
import { ConsultationEntity } from '../../libs/consultations/src/entities/consultation.entity';
import { TimeOffEntity } from '../../libs/consultations/src/entities/time-off.entity';

/** The consultations lib's entities and those they refer to: what a DataSource of a consultations spec maps. */
export const CONSULTATION_ENTITIES = [
  UserEntity,
  ClientEntity,
  WorkPermitFileEntity,
  ConsultationTypeEntity,
  ConsultantAvailabilityEntity,
  TimeOffEntity,
  ConsultationEntity,
];
