import { ApiProperty } from '@nestjs/swagger';
import {
  exemptionCodeWarnings,
  LMIA_STREAMS,
  PROVINCE_CODES,
  type ExemptionCode,
  type LmiaStream,
  type LmiaStreamId,
  type LmiaValidity,
  type Noc2016Successors,
  type NocUnitGroup,
  type Province,
  type ProvinceCode,
  nocTitleIn,
  type NocLanguage,
} from '@app/reference-data';

export class ExemptionCodeResponse {
  @ApiProperty({ example: 'C10' }) code: string;
  @ApiProperty({ example: 'Significant benefit - general' }) title: string;
  @ApiProperty({ type: String, nullable: true, example: 'R205(a)' }) regulation: string | null;
  @ApiProperty({ example: 'Canadian interests (R205)' }) category: string;
  @ApiProperty({ type: String, nullable: true }) subcategory: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'CUSMA', description: 'Trade agreement of the code' })
  agreement: string | null;
  @ApiProperty({
    enum: ['open', 'employer_specific', 'varies'],
    description: '`varies`: the file must say which',
  })
  permitType: 'open' | 'employer_specific' | 'varies';
  @ApiProperty({ description: 'An open permit with occupational restrictions' }) isRestricted: boolean;
  @ApiProperty({
    oneOf: [{ type: 'boolean' }, { type: 'string', enum: ['varies'] }],
    description: 'Whether the employer submits an offer of employment in the Employer Portal',
  })
  employerPortalOfferRequired: boolean | 'varies';
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'When the offer requirement varies: which employers are exempt',
  })
  offerNote: string | null;
  @ApiProperty({
    enum: ['required', 'not_applicable', 'varies', 'exempt'],
    description: 'The $230 compliance fee',
  })
  employerComplianceFee: 'required' | 'not_applicable' | 'varies' | 'exempt';
  @ApiProperty({
    enum: ['required', 'not_applicable', 'varies', 'unclear', 'exempt'],
    description: 'The $100 open work permit holder fee',
  })
  openWorkPermitHolderFee: 'required' | 'not_applicable' | 'varies' | 'unclear' | 'exempt';
  @ApiProperty({ enum: ['active', 'pilot', 'pilot_closed_check', 'pilot_closed', 'closed', 'retired'] })
  status: ExemptionCode['status'];
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2022-12-15' }) retiredOn:
    string | null;
  @ApiProperty({ type: [String], nullable: true, example: ['C61', 'C62', 'C63'] }) replacedBy:
    string[] | null;
  @ApiProperty({ description: 'Whether a new file may use the code' }) isCurrent: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    example: '2026-03-22',
    description: 'Closed to new applications on',
  })
  closedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) statusNote: string | null;
  @ApiProperty({ type: String, nullable: true }) statusSourceUrl: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', example: '2025-01-21' }) restrictedFrom:
    string | null;
  @ApiProperty({ type: String, nullable: true }) restrictionNote: string | null;
  @ApiProperty({ type: [String], description: 'What staff should know before using the code on a file' })
  warnings: string[];
  @ApiProperty({ format: 'date', description: 'Last checked against the source' }) checkedOn: string;
  @ApiProperty({ format: 'date', description: 'To be checked again by' }) reviewBy: string;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ example: 'high' }) confidence: string;
  @ApiProperty({ type: String, nullable: true }) sourceUrl: string | null;

  static from(code: ExemptionCode): ExemptionCodeResponse {
    return Object.assign(new ExemptionCodeResponse(), {
      code: code.code,
      title: code.title,
      regulation: code.regulation,
      category: code.category,
      subcategory: code.subcategory,
      agreement: code.agreement,
      permitType: code.permitType,
      isRestricted: code.isRestricted,
      employerPortalOfferRequired: code.employerPortalOfferRequired,
      offerNote: code.offerNote,
      employerComplianceFee: code.employerComplianceFee,
      openWorkPermitHolderFee: code.openWorkPermitHolderFee,
      status: code.status,
      retiredOn: code.retiredOn,
      replacedBy: code.replacedBy ? [...code.replacedBy] : null,
      isCurrent: code.isCurrent,
      closedOn: code.closedOn,
      statusNote: code.statusNote,
      statusSourceUrl: code.statusSourceUrl,
      restrictedFrom: code.restrictedFrom,
      restrictionNote: code.restrictionNote,
      warnings: exemptionCodeWarnings(code),
      checkedOn: code.checkedOn,
      reviewBy: code.reviewBy,
      notes: code.notes,
      confidence: code.confidence,
      sourceUrl: code.sourceUrl,
    });
  }
}

export class LmiaStreamResponse {
  @ApiProperty({ enum: LMIA_STREAMS, enumName: 'LmiaStreamId' }) id: LmiaStreamId;
  @ApiProperty({ example: 'Global Talent Stream (GTS)' }) name: string;
  @ApiProperty({ type: String, nullable: true }) criteria: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 1000,
    description: 'ESDC processing fee per position, CAD',
  })
  lmiaFeeCad: number | null;
  @ApiProperty({ type: String, nullable: true, example: '1000 unless exempt' }) lmiaFeeNote: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty({ type: String, nullable: true }) confidence: string | null;

  static from(stream: LmiaStream): LmiaStreamResponse {
    return Object.assign(new LmiaStreamResponse(), { ...stream });
  }
}

class LmiaValidityChangeResponse {
  @ApiProperty({ format: 'date', example: '2024-05-01' }) from: string;
  @ApiProperty({ example: '6 months' }) validity: string;
  @ApiProperty({ example: 'high' }) confidence: string;
}

export class LmiaValidityResponse {
  @ApiProperty({ example: 6, description: 'A positive LMIA must be used to apply within this many months' })
  months: number;
  @ApiProperty() period: string;
  @ApiProperty() meaning: string;
  @ApiProperty({ type: [LmiaValidityChangeResponse] }) history: LmiaValidityChangeResponse[];
  @ApiProperty({ type: String, nullable: true }) exceptions: string | null;
  @ApiProperty() source: string;
  @ApiProperty() confidence: string;

  static from(validity: LmiaValidity): LmiaValidityResponse {
    return Object.assign(new LmiaValidityResponse(), {
      ...validity,
      history: validity.history.map((change) => Object.assign(new LmiaValidityChangeResponse(), change)),
    });
  }
}

export class ProvinceResponse {
  @ApiProperty({ enum: PROVINCE_CODES, enumName: 'ProvinceCode' }) code: ProvinceCode;
  @ApiProperty({ example: 'British Columbia' }) nameEn: string;
  @ApiProperty({ example: 'Colombie-Britannique' }) nameFr: string;
  @ApiProperty({ enum: ['province', 'territory'] }) type: 'province' | 'territory';
  @ApiProperty({ example: '59', description: 'Statistics Canada SGC code' }) sgcCode: string;

  static from(province: Province): ProvinceResponse {
    return Object.assign(new ProvinceResponse(), { ...province });
  }
}

export class NocUnitGroupResponse {
  @ApiProperty({ example: '21232', description: 'NOC 2021 unit group, 5 digits' }) code: string;
  @ApiProperty({
    example: 'Software developers and programmers',
    description: 'In the asked language (`lang`)',
  })
  title: string;
  @ApiProperty({ example: 'Software developers and programmers' }) titleEn: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Développeurs/développeuses de logiciels et programmeurs/programmeuses',
    description: 'CNP 2021; null where the reference data has no French title yet',
  })
  titleFr: string | null;
  @ApiProperty({
    minimum: 0,
    maximum: 5,
    example: 1,
    description: 'Training, education, experience and responsibilities',
  })
  teer: number;
  @ApiProperty({ example: '2 - Natural and applied sciences and related occupations' }) broadCategory: string;

  static from(group: NocUnitGroup, language: NocLanguage = 'en'): NocUnitGroupResponse {
    return Object.assign(new NocUnitGroupResponse(), {
      code: group.code,
      title: nocTitleIn(group, language),
      titleEn: group.title,
      titleFr: group.titleFr,
      teer: group.teer,
      broadCategory: group.broadCategory,
    });
  }
}

export class Noc2016SuccessorsResponse {
  @ApiProperty({ example: '2174' }) noc2016Code: string;
  @ApiProperty({ example: 'Computer programmers and interactive media developers' }) noc2016Title: string;
  @ApiProperty({ type: [String], example: ['RC5 - Transfer', 'VC1 - Code Change'] }) changeTypes: string[];
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: [NocUnitGroupResponse], description: 'The NOC 2021 unit groups it became' })
  successors: NocUnitGroupResponse[];

  static from(entry: Noc2016Successors): Noc2016SuccessorsResponse {
    return Object.assign(new Noc2016SuccessorsResponse(), {
      noc2016Code: entry.noc2016Code,
      noc2016Title: entry.noc2016Title,
      changeTypes: [...entry.changeTypes],
      notes: entry.notes,
      successors: entry.successors.map((group) => NocUnitGroupResponse.from(group)),
    });
  }
}
