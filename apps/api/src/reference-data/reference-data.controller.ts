import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { DateTime } from 'luxon';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { ReferenceDataService, RefusedAreasService } from '@app/reference-data';
import { Clock } from '@app/shared';
import { ErrorResponse } from '../http/error.response';
import {
  ExemptionCodeParam,
  ListExemptionCodesQueryDto,
  Noc2016CodeParam,
  NocCodeParam,
  NocLanguageQueryDto,
  SearchNocQueryDto,
} from './dto/reference-query.dto';
import {
  ExemptionCodeResponse,
  LmiaStreamResponse,
  LmiaValidityResponse,
  Noc2016SuccessorsResponse,
  NocUnitGroupResponse,
  ProvinceResponse,
} from './dto/reference-data.response';
import {
  RefusedAreaListResponse,
  RefusedAreasResponse,
  ReplaceRefusedAreasDto,
} from './dto/refused-areas.dto';

/** IRCC and ESDC lists the forms pick from; the same for every staff member. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceDataController {
  constructor(
    private readonly reference: ReferenceDataService,
    private readonly refusedAreas: RefusedAreasService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Get('exemption-codes')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: [ExemptionCodeResponse], description: "IMP exemption codes, in IRCC's order" })
  @ApiBadRequestResponse({ type: ErrorResponse })
  listExemptionCodes(@Query() query: ListExemptionCodesQueryDto): ExemptionCodeResponse[] {
    return this.reference.searchExemptionCodes(query).map((item) => ExemptionCodeResponse.from(item));
  }

  @Get('exemption-codes/:code')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: ExemptionCodeResponse })
  @ApiNotFoundResponse({ type: ErrorResponse })
  getExemptionCode(@ExemptionCodeParam() code: string): ExemptionCodeResponse {
    return ExemptionCodeResponse.from(this.reference.requireExemptionCode(code));
  }

  @Get('lmia-streams')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: [LmiaStreamResponse] })
  listLmiaStreams(): LmiaStreamResponse[] {
    return this.reference.lmiaStreams().map((item) => LmiaStreamResponse.from(item));
  }

  @Get('lmia-validity')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: LmiaValidityResponse, description: 'How long a positive LMIA may be used to apply' })
  getLmiaValidity(): LmiaValidityResponse {
    return LmiaValidityResponse.from(this.reference.lmiaValidity());
  }

  @Get('lmia-refused-areas')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    type: RefusedAreasResponse,
    description:
      "ESDC's quarterly lists of CMAs where low-wage LMIAs are not processed: the one in force today and every stored quarter",
  })
  async getRefusedAreas(): Promise<RefusedAreasResponse> {
    const today = DateTime.fromJSDate(this.clock.now(), { zone: this.config.firmTimeZone }).toISODate()!;
    const stored = await this.refusedAreas.lists();
    const current = stored.lists.find((list) => list === stored.on(today));
    const rule = this.reference.lmiaWageRules().cmaRefusal;
    return {
      unemploymentRateAtOrAbove: rule.unemploymentRateAtOrAbove,
      ruleSource: rule.source,
      exemptOccupationsNote: rule.exemptOccupationsNote,
      current: current ? RefusedAreaListResponse.from(current) : null,
      lists: stored.lists.map((item) => RefusedAreaListResponse.from(item)),
    };
  }

  @Put('lmia-refused-areas')
  @Roles(StaffRole.Admin)
  @ApiOkResponse({
    type: RefusedAreaListResponse,
    description:
      'Stores the list for a quarter: replaces the list starting the same day and ends an earlier open one the day ' +
      'before. Admins only (others: 404); audited',
  })
  @ApiBadRequestResponse({ type: ErrorResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'The period runs into a stored later list' })
  async replaceRefusedAreas(
    @Body() dto: ReplaceRefusedAreasDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<RefusedAreaListResponse> {
    return RefusedAreaListResponse.from(await this.refusedAreas.replaceQuarter(dto, staff.id));
  }

  @Get('provinces')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: [ProvinceResponse] })
  listProvinces(): ProvinceResponse[] {
    return this.reference.provinces().map((item) => ProvinceResponse.from(item));
  }

  @Get('noc')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    type: [NocUnitGroupResponse],
    description:
      'NOC 2021 unit groups: the exact code first, then titles starting with the query, then the rest',
  })
  @ApiBadRequestResponse({ type: ErrorResponse })
  searchNoc(@Query() query: SearchNocQueryDto): NocUnitGroupResponse[] {
    return this.reference
      .searchNoc(query.q, query.limit, query.lang)
      .map((group) => NocUnitGroupResponse.from(group, query.lang));
  }

  @Get('noc/:code')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: NocUnitGroupResponse })
  @ApiNotFoundResponse({
    type: ErrorResponse,
    description: 'Unknown code; for a NOC 2016 code the message names its successors',
  })
  getNocUnitGroup(@NocCodeParam() code: string, @Query() query: NocLanguageQueryDto): NocUnitGroupResponse {
    return NocUnitGroupResponse.from(this.reference.requireNocUnitGroup(code), query.lang);
  }

  @Get('noc-2016/:code')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    type: Noc2016SuccessorsResponse,
    description: 'The NOC 2021 unit groups a NOC 2016 code became',
  })
  @ApiNotFoundResponse({ type: ErrorResponse })
  getNoc2016Successors(@Noc2016CodeParam() code: string): Noc2016SuccessorsResponse {
    return Noc2016SuccessorsResponse.from(this.reference.requireNoc2016Successors(code));
  }
}
