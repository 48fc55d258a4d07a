import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { GOVERNMENT_FEE_KEYS, type FeeScheduleServiceRecord } from '@app/billing';
import { Nullable, Optional } from '../../http/optional';
import { MAX_CENTS } from './invoice.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const STREAMS = ['TFWP', 'IMP'] as const;

export class FeeScheduleMilestoneDto {
  @ApiProperty({ example: 'On signing the agreement', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'label must not be empty' })
  @MaxLength(200)
  label: string;

  @ApiProperty({ example: 'À la signature de la convention', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'labelFr must not be empty' })
  @MaxLength(200)
  labelFr: string;

  @ApiProperty({ minimum: 0, maximum: MAX_CENTS, example: 125000, description: 'Whole cents, CAD' })
  @IsInt({ message: 'amountCents must be whole cents' })
  @Min(0, { message: 'amountCents must not be negative' })
  @Max(MAX_CENTS)
  amountCents: number;
}

/** A service of the fee schedule, as a whole (PUT replaces it, milestones included). */
export class FeeScheduleServiceDto {
  @ApiProperty({ example: 'Employer-specific work permit (IMP)', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Permis de travail lié à un employeur (PMI)', maxLength: 200 })
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'nameFr must not be empty' })
  @MaxLength(200)
  nameFr: string;

  @ApiPropertyOptional({
    enum: STREAMS,
    type: String,
    nullable: true,
    description: 'The stream the service is for; null or absent: either',
  })
  @Nullable()
  @IsIn(STREAMS, { message: 'stream must be TFWP, IMP or null' })
  stream?: 'TFWP' | 'IMP' | null;

  @ApiProperty({
    minimum: 0,
    maximum: MAX_CENTS,
    example: 250000,
    description: 'Whole cents, CAD, before tax',
  })
  @IsInt({ message: 'professionalFeeCents must be whole cents' })
  @Min(0, { message: 'professionalFeeCents must not be negative' })
  @Max(MAX_CENTS)
  professionalFeeCents: number;

  @ApiProperty({
    type: [String],
    example: ['work_permit', 'employer_compliance', 'biometrics_individual'],
    description: 'Keys of the government fees (GET /api/reference/government-fees) billed as disbursements',
  })
  @IsArray()
  @ArrayMaxSize(GOVERNMENT_FEE_KEYS.length)
  @ArrayUnique({ message: 'governmentFeeKeys must not name a fee twice' })
  @IsIn(GOVERNMENT_FEE_KEYS, {
    each: true,
    message: `governmentFeeKeys must be keys of the government fees: ${GOVERNMENT_FEE_KEYS.join(', ')}`,
  })
  governmentFeeKeys: string[];

  @ApiProperty({
    type: [FeeScheduleMilestoneDto],
    maxItems: 12,
    description:
      'The payment plan in the order payments fall due; the amounts add up to the professional fee',
  })
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => FeeScheduleMilestoneDto)
  milestones: FeeScheduleMilestoneDto[];

  @ApiPropertyOptional({
    default: true,
    description: 'Inactive services are kept but not offered for new drafts',
  })
  @Optional()
  @IsBoolean()
  active?: boolean;
}

export class FeeScheduleMilestoneResponse {
  @ApiProperty({ example: 1 }) position: number;
  @ApiProperty() label: string;
  @ApiProperty() labelFr: string;
  @ApiProperty({ example: 125000 }) amountCents: number;
}

export class FeeScheduleServiceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() nameFr: string;
  @ApiProperty({ enum: STREAMS, nullable: true, type: String }) stream: 'TFWP' | 'IMP' | null;
  @ApiProperty({ example: 250000 }) professionalFeeCents: number;
  @ApiProperty({ type: [String] }) governmentFeeKeys: string[];
  @ApiProperty({ type: [FeeScheduleMilestoneResponse] }) milestones: FeeScheduleMilestoneResponse[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(s: FeeScheduleServiceRecord): FeeScheduleServiceResponse {
    return {
      id: s.id,
      name: s.name,
      nameFr: s.nameFr,
      stream: s.stream,
      professionalFeeCents: s.professionalFeeCents,
      governmentFeeKeys: s.governmentFeeKeys,
      milestones: s.milestones.map((m) => ({
        position: m.position,
        label: m.label,
        labelFr: m.labelFr,
        amountCents: m.amountCents,
      })),
      active: s.active,
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}

export class FeeScheduleResponse {
  @ApiProperty({ type: [FeeScheduleServiceResponse], description: 'Active services first, then by name' })
  items: FeeScheduleServiceResponse[];
}
