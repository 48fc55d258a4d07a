import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsISO8601, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { PriorRepresentation } from '@app/agreements';
import { Nullable } from '../../http/optional';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

/** The firm's template: EN and FR Markdown with merge fields such as {{client.fullName}}. */
export class AgreementTemplateDto {
  @ApiProperty({ example: '# Service agreement\n\nBetween {{client.fullName}} and {{consultant.name}}…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  bodyEn: string;

  @ApiProperty({ example: '# Convention de service\n\nEntre {{client.fullName}} et {{consultant.name}}…' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100_000)
  bodyFr: string;
}

/** CICC Code s.24(2): what was confirmed before entering into the agreement; the caller is who confirmed it. */
export class AgreementPreconditionsDto {
  @ApiProperty({
    example: 'in person with passport',
    maxLength: 300,
    description: 'How identity was confirmed',
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  identityMethod: string;

  @ApiProperty({ format: 'date-time', example: '2026-12-01T15:30:00Z', description: 'When it was confirmed' })
  @IsISO8601({ strict: true })
  identityConfirmedAt: string;

  @ApiProperty({ example: '1200 Rue Sainte-Catherine O, Montréal QC H3B 1K9', maxLength: 500 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  homeAddress: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+1 514 555 0142', maxLength: 40 })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(40)
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'amelie@example.com', maxLength: 254 })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 500,
    description: 'Business address, telephone and email, if applicable',
  })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(500)
  businessContact?: string | null;

  @ApiProperty({
    enum: PriorRepresentation,
    enumName: 'PriorRepresentation',
    description:
      'Another authorized representative’s agreement: none, completed, terminated in writing, or kept alongside (concurrent)',
  })
  @IsEnum(PriorRepresentation)
  priorRepresentation: PriorRepresentation;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    description: 'Required when completed (its outcome) or concurrent (the client’s instructions on scope)',
  })
  @Nullable()
  @Transform(trimToNull)
  @IsString()
  @MaxLength(2000)
  priorRepresentationNotes?: string | null;
}

/** What the draft says besides the records: scope of services, fees and how calculated, disbursements, schedule. */
export class DraftAgreementDto {
  @ApiProperty({
    example: '- Assess eligibility\n- Prepare and submit the work permit application',
    maxLength: 5000,
  })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  servicesDescription: string;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'A service of the fee schedule to draw the fee sections from (professional fee, government fees, milestones), ' +
      'in the client’s language; a fee section written here overrides the service’s',
  })
  @Nullable()
  @IsUUID('all', { message: 'feeScheduleServiceId must be the id of a service of the fee schedule' })
  feeScheduleServiceId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'A flat fee of $2,500 CAD for the services above, plus tax.',
    maxLength: 3000,
    description: 'Required unless feeScheduleServiceId is given',
  })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MaxLength(3000)
  professionalFees?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'IRCC work permit fee $155 CAD; open work permit holder fee $100 CAD.',
    maxLength: 3000,
    description: 'Required unless feeScheduleServiceId is given',
  })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MaxLength(3000)
  irccFees?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '50% on signing, 50% before submission.',
    maxLength: 3000,
    description: 'Required unless feeScheduleServiceId is given',
  })
  @Nullable()
  @Transform(trim)
  @IsString()
  @MaxLength(3000)
  paymentSchedule?: string | null;
}

export class FeeTermsQueryDto {
  @ApiProperty({ format: 'uuid', description: 'A service of the fee schedule' })
  @IsUUID('all', { message: 'feeScheduleServiceId must be the id of a service of the fee schedule' })
  feeScheduleServiceId: string;
}

export class AgreementOverrideDto {
  @ApiProperty({ example: 'Signed on paper before PermitDesk', maxLength: 1000 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}
