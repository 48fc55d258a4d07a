import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNumber,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  MAX_AREA_NAME_LENGTH,
  MAX_AREAS,
  PROVINCE_CODES,
  type StoredRefusedAreaList,
} from '@app/reference-data';
import { Nullable, Optional } from '../../http/optional';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class RefusedAreaDto {
  @ApiProperty({
    example: 'Toronto',
    maxLength: MAX_AREA_NAME_LENGTH,
    description: 'The CMA as ESDC names it',
  })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(MAX_AREA_NAME_LENGTH)
  name: string;

  @ApiProperty({ enum: PROVINCE_CODES, example: 'ON' })
  @Transform(upper)
  @IsIn(PROVINCE_CODES, { message: `provinceCode must be one of ${PROVINCE_CODES.join(', ')}` })
  provinceCode: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    example: 8.9,
    description: 'The unemployment rate ESDC quotes, %',
  })
  @Nullable()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'unemploymentRate must be a percentage' })
  unemploymentRate?: number | null;
}

/** ESDC's list for one quarter, replacing the stored list that starts the same day. */
export class ReplaceRefusedAreasDto {
  @ApiProperty({ format: 'date', example: '2026-10-10', description: 'First day the list applies' })
  @IsString()
  @Matches(DAY, { message: 'effectiveFrom must be a date written YYYY-MM-DD' })
  effectiveFrom: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2027-01-08',
    description: 'Last day; null: until the next list',
  })
  @Nullable()
  @IsString()
  @Matches(DAY, { message: 'effectiveTo must be a date written YYYY-MM-DD' })
  effectiveTo: string | null;

  @ApiProperty({
    example:
      'https://www.canada.ca/en/employment-social-development/services/foreign-workers/median-wage/low/refusal.html',
    description: 'The https address the list was read from',
  })
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  source: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 1000 })
  @Optional()
  @Nullable()
  @IsString()
  @MaxLength(1000)
  note?: string | null;

  @ApiProperty({ type: [RefusedAreaDto], maxItems: MAX_AREAS })
  @IsArray()
  @ArrayMaxSize(MAX_AREAS)
  @ValidateNested({ each: true })
  @Type(() => RefusedAreaDto)
  areas: RefusedAreaDto[];
}

export class RefusedAreaResponse {
  @ApiProperty({ example: 'Toronto' }) name: string;
  @ApiProperty({ enum: PROVINCE_CODES, example: 'ON' }) provinceCode: string;
  @ApiProperty({ type: Number, nullable: true, example: 8.9 }) unemploymentRate: number | null;
}

export class RefusedAreaListResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) effectiveTo: string | null;
  @ApiProperty() source: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: [RefusedAreaResponse] }) areas: RefusedAreaResponse[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: seeded, or imported with the CLI',
  })
  updatedById: string | null;
  @ApiProperty() updatedAt: Date;

  static from(list: StoredRefusedAreaList): RefusedAreaListResponse {
    return {
      id: list.id,
      effectiveFrom: list.effectiveFrom,
      effectiveTo: list.effectiveTo,
      source: list.source,
      note: list.note,
      areas: list.cmas.map((cma) => ({
        name: cma.name,
        provinceCode: cma.provinceCode,
        unemploymentRate: cma.unemploymentRate,
      })),
      updatedById: list.updatedById,
      updatedAt: list.updatedAt,
    };
  }
}

export class RefusedAreasResponse {
  @ApiProperty({
    description: 'Low-wage LMIAs are refused in CMAs whose unemployment rate is at or above this (%)',
  })
  unemploymentRateAtOrAbove: number;
  @ApiProperty({ description: 'The rule and its source' }) ruleSource: string;
  @ApiProperty({ type: String, nullable: true }) exemptOccupationsNote: string | null;
  @ApiProperty({
    type: RefusedAreaListResponse,
    nullable: true,
    description: 'The list in force today (firm time zone), if any',
  })
  current: RefusedAreaListResponse | null;
  @ApiProperty({ type: [RefusedAreaListResponse], description: 'Every stored quarter, newest first' })
  lists: RefusedAreaListResponse[];
}
