import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { ReferenceDataService, RefusedAreasService } from '@app/reference-data';
import { Clock } from '@app/shared';
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
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

/** IRCC and ESDC lists the forms pick from; the same for every staff member. */
@ApiTags('reference')
@ApiStaffRoute()
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
  @ApiErrors(400)
  @ApiOperation({ summary: 'List IMP exemption codes' })
  listExemptionCodes(@Query() query: ListExemptionCodesQueryDto): ExemptionCodeResponse[] {
    return this.reference.searchExemptionCodes(query).map((item) => ExemptionCodeResponse.from(item));
  }

  @Get('exemption-codes/:code')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: ExemptionCodeResponse })
  @ApiErrors(404)
  @ApiOperation({ summary: 'Get an IMP exemption code' })
  @ApiErrors(400)
  getExemptionCode(@ExemptionCodeParam() code: string): ExemptionCodeResponse {
    return ExemptionCodeResponse.from(this.reference.requireExemptionCode(code));
  }

  @Get('lmia-streams')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: [LmiaStreamResponse] })
  @ApiOperation({ summary: 'List LMIA streams' })
  listLmiaStreams(): LmiaStreamResponse[] {
    return this.reference.lmiaStreams().map((item) => LmiaStreamResponse.from(item));
  }

  @Get('lmia-validity')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: LmiaValidityResponse, description: 'How long a positive LMIA may be used to apply' })
  @ApiOperation({ summary: 'Get how long a positive LMIA may be used' })
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
  @ApiOperation({ summary: 'Get the LMIA refused-area lists' })
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
  @ApiErrors(400, [409, 'The period runs into a stored later list'])
  @ApiOperation({ summary: 'Replace the LMIA refused-area list for a period' })
  @ApiErrors([404, 'Not an admin'])
  async replaceRefusedAreas(
    @Body() dto: ReplaceRefusedAreasDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<RefusedAreaListResponse> {
    return RefusedAreaListResponse.from(await this.refusedAreas.replaceQuarter(dto, staff.id));
  }

  @Get('provinces')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: [ProvinceResponse] })
  @ApiOperation({ summary: 'List provinces and territories' })
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
  @ApiErrors(400)
  @ApiOperation({ summary: 'Search NOC 2021 unit groups' })
  searchNoc(@Query() query: SearchNocQueryDto): NocUnitGroupResponse[] {
    return this.reference
      .searchNoc(query.q, query.limit, query.lang)
      .map((group) => NocUnitGroupResponse.from(group, query.lang));
  }

  @Get('noc/:code')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: NocUnitGroupResponse })
  @ApiErrors([404, 'Unknown code; for a NOC 2016 code the message names its successors'])
  @ApiOperation({ summary: 'Get a NOC 2021 unit group' })
  @ApiErrors(400)
  getNocUnitGroup(@NocCodeParam() code: string, @Query() query: NocLanguageQueryDto): NocUnitGroupResponse {
    return NocUnitGroupResponse.from(this.reference.requireNocUnitGroup(code), query.lang);
  }

  @Get('noc-2016/:code')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    type: Noc2016SuccessorsResponse,
    description: 'The NOC 2021 unit groups a NOC 2016 code became',
  })
  @ApiErrors(404)
  @ApiOperation({ summary: 'Map a NOC 2016 code to NOC 2021' })
  @ApiErrors(400)
  getNoc2016Successors(@Noc2016CodeParam() code: string): Noc2016SuccessorsResponse {
    return Noc2016SuccessorsResponse.from(this.reference.requireNoc2016Successors(code));
  }
}
