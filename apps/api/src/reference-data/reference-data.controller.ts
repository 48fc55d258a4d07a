import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, Roles } from '@app/auth';
import { ReferenceDataService } from '@app/reference-data';
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

/** IRCC and ESDC lists the forms pick from; the same for every staff member. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceDataController {
  constructor(private readonly reference: ReferenceDataService) {}

  @Get('exemption-codes')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: [ExemptionCodeResponse], description: "IMP exemption codes, in IRCC's order" })
  @ApiBadRequestResponse({ type: ErrorResponse })
  listExemptionCodes(@Query() query: ListExemptionCodesQueryDto): ExemptionCodeResponse[] {
    return this.reference.searchExemptionCodes(query).map(ExemptionCodeResponse.from);
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
    return this.reference.lmiaStreams().map(LmiaStreamResponse.from);
  }

  @Get('lmia-validity')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: LmiaValidityResponse, description: 'How long a positive LMIA may be used to apply' })
  getLmiaValidity(): LmiaValidityResponse {
    return LmiaValidityResponse.from(this.reference.lmiaValidity());
  }

  @Get('provinces')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: [ProvinceResponse] })
  listProvinces(): ProvinceResponse[] {
    return this.reference.provinces().map(ProvinceResponse.from);
  }

  @Get('noc')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    type: [NocUnitGroupResponse],
    description: 'NOC 2021 unit groups: the exact code first, then titles starting with the query, then the rest',
  })
  @ApiBadRequestResponse({ type: ErrorResponse })
  searchNoc(@Query() query: SearchNocQueryDto): NocUnitGroupResponse[] {
    return this.reference.searchNoc(query.q, query.limit, query.lang).map((group) => NocUnitGroupResponse.from(group, query.lang));
  }

  @Get('noc/:code')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: NocUnitGroupResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'Unknown code; for a NOC 2016 code the message names its successors' })
  getNocUnitGroup(@NocCodeParam() code: string, @Query() query: NocLanguageQueryDto): NocUnitGroupResponse {
    return NocUnitGroupResponse.from(this.reference.requireNocUnitGroup(code), query.lang);
  }

  @Get('noc-2016/:code')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: Noc2016SuccessorsResponse, description: 'The NOC 2021 unit groups a NOC 2016 code became' })
  @ApiNotFoundResponse({ type: ErrorResponse })
  getNoc2016Successors(@Noc2016CodeParam() code: string): Noc2016SuccessorsResponse {
    return Noc2016SuccessorsResponse.from(this.reference.requireNoc2016Successors(code));
  }
}
