import { ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsIn, IsUUID, Matches } from 'class-validator';
import { LMIA_STREAMS, PROVINCE_CODES } from '@app/reference-data';
import {
  EXEMPTION_CODE_PATTERN,
  FILE_AGREEMENT_STATES,
  FileStatus,
  NOC_2021_PATTERN,
  WorkPermitStream,
  type FileAgreementState,
} from '@app/work-permits';
import { upper } from '../../http/transforms';
import { Optional } from '../../http/optional';
import { PageQueryDto, SearchPageQueryDto } from '../../http/page-query.dto';
import { ExportLanguageDto } from '../../exports/export-query.dto';

export class ListFilesQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ enum: WorkPermitStream, enumName: 'WorkPermitStream' })
  @Optional()
  @IsEnum(WorkPermitStream, { message: 'stream must be TFWP or IMP' })
  stream?: WorkPermitStream;

  @ApiPropertyOptional({ enum: FileStatus, enumName: 'FileStatus' })
  @Optional()
  @IsEnum(FileStatus, { message: `status must be one of ${Object.values(FileStatus).join(', ')}` })
  status?: FileStatus;

  @ApiPropertyOptional({ example: 'C43' })
  @Optional()
  @Transform(upper)
  @Matches(EXEMPTION_CODE_PATTERN, { message: 'exemptionCode must be a letter and 2 digits, e.g. C10' })
  exemptionCode?: string;

  @ApiPropertyOptional({ enum: LMIA_STREAMS })
  @Optional()
  @IsIn(LMIA_STREAMS, { message: `lmiaStream must be one of ${LMIA_STREAMS.join(', ')}` })
  lmiaStream?: string;

  @ApiPropertyOptional({ example: '21232' })
  @Optional()
  @Matches(NOC_2021_PATTERN, { message: 'nocCode must be a 5-digit NOC 2021 code' })
  nocCode?: string;

  @ApiPropertyOptional({ enum: PROVINCE_CODES })
  @Optional()
  @Transform(upper)
  @IsIn(PROVINCE_CODES, { message: `province must be one of ${PROVINCE_CODES.join(', ')}` })
  province?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'consultantId must be a UUID' })
  consultantId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @Optional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;

  @ApiPropertyOptional({
    enum: FILE_AGREEMENT_STATES,
    enumName: 'FileAgreementState',
    description: 'Where the file stands on its service agreement; `none` finds files still without one',
  })
  @Optional()
  @IsIn(FILE_AGREEMENT_STATES, { message: `agreement must be one of ${FILE_AGREEMENT_STATES.join(', ')}` })
  agreement?: FileAgreementState;
}

export class FileTimelineQueryDto extends PageQueryDto {}

/** The list's filters (no paging: the export holds every page) and the export's language. */
export class ExportFilesQueryDto extends IntersectionType(
  OmitType(ListFilesQueryDto, ['limit', 'cursor'] as const),
  ExportLanguageDto,
) {}
