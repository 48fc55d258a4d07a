import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { shippedChecklistCatalogue } from '@app/documents';
import {
  DeadlinePeriodsService,
  DOCUMENT_VALIDITY_SETTINGS,
  type FirmDeadlinePeriod,
} from '@app/work-permits';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

export class DeadlinePeriodsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer', nullable: true },
    example: { biometrics_letter: 30, medical_letter: 30, pfl_letter: null },
    description:
      'Period id → calendar days (1–366), or null for "no default: the letter states the date". A period left out ' +
      'takes the reference default again. Existing deadlines keep their dates. Also ' +
      '`police_certificate_validity_months` (1–120 months, or null for the catalogue default of 6): how long a ' +
      'police certificate stays good, for its expiry deadline.',
  })
  @IsObject({ message: 'days must be an object of period id → days' })
  days: Record<string, number | null>;
}

export class DeadlinePeriodResponse {
  @ApiProperty({ example: 'biometrics_letter' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'biometrics' }) deadlineKind: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ type: Number, nullable: true, description: 'What the firm applies' }) days: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The reference default' }) defaultDays:
    number | null;
  @ApiProperty() isFirmSetting: boolean;
  @ApiProperty({ example: 'date of the biometric instruction letter' }) from: string;
  @ApiPropertyOptional({ type: String, nullable: true }) sourceUrl: string | null;
  @ApiProperty() sourceNote: string;
  @ApiProperty({ format: 'date' }) checkedOn: string;
  @ApiProperty({ format: 'date' }) reviewBy: string;
  @ApiProperty({ example: 'high' }) confidence: string;

  static from(period: FirmDeadlinePeriod): DeadlinePeriodResponse {
    return Object.assign(new DeadlinePeriodResponse(), {
      id: period.id,
      deadlineKind: period.deadlineKind,
      name: period.name,
      days: period.firmDays,
      defaultDays: period.defaultDays,
      isFirmSetting: period.isFirmSetting,
      from: period.from,
      sourceUrl: period.sourceUrl,
      sourceNote: period.sourceNote,
      checkedOn: period.checkedOn,
      reviewBy: period.reviewBy,
      confidence: period.confidence,
    });
  }
}

export class DocumentValidityResponse {
  @ApiProperty({ example: 'police_certificate_validity_months' }) id: string;
  @ApiProperty({ example: 'police_certificates', description: 'The checklist item it dates' })
  itemKey: string;
  @ApiProperty({ type: Number, nullable: true, description: 'What the firm applies, in months' }) months:
    number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The checklist catalogue default' })
  defaultMonths: number | null;
  @ApiProperty() isFirmSetting: boolean;
}

export class DeadlinePeriodListResponse {
  @ApiProperty({ type: [DeadlinePeriodResponse] }) items: DeadlinePeriodResponse[];
  @ApiProperty({
    type: [DocumentValidityResponse],
    description:
      'How long documents stay good where the firm decides (the expiry deadline of a police certificate)',
  })
  documentValidity: DocumentValidityResponse[];
}

/** The periods due dates are derived from (biometrics letter + 30 days, ...): read by staff, set by admins. */
@ApiTags('settings')
@ApiStaffRoute()
@Controller('settings/deadline-periods')
export class DeadlinePeriodsController {
  constructor(private readonly periods: DeadlinePeriodsService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: DeadlinePeriodListResponse })
  @ApiOperation({ summary: 'List the periods deadlines are computed from' })
  async list(): Promise<DeadlinePeriodListResponse> {
    return this.answer(await this.periods.list());
  }

  @Put()
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Set the firm’s deadline periods' })
  @ApiOkResponse({ type: DeadlinePeriodListResponse })
  @ApiErrors(400, [404, 'Not an admin'])
  async update(
    @Body() dto: DeadlinePeriodsDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<DeadlinePeriodListResponse> {
    return this.answer(await this.periods.update(dto.days, staff));
  }

  private async answer(periods: FirmDeadlinePeriod[]): Promise<DeadlinePeriodListResponse> {
    const firm = await this.periods.documentValidityMonths();
    const catalogue = shippedChecklistCatalogue().items;
    return {
      items: periods.map((item) => DeadlinePeriodResponse.from(item)),
      documentValidity: Object.entries(DOCUMENT_VALIDITY_SETTINGS).map(([id, itemKey]) => {
        const defaultMonths = catalogue.find((item) => item.key === itemKey)?.expiry?.months ?? null;
        return {
          id,
          itemKey,
          months: firm[itemKey] ?? defaultMonths,
          defaultMonths,
          isFirmSetting: firm[itemKey] !== undefined,
        };
      }),
    };
  }
}
