import { ApiProperty } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsIn, IsString, MaxLength } from 'class-validator';
import { CLIENT_FIELD_KEYS, type ClientFieldKey } from '@app/intake';

export class ReopenIntakeDto {
  @ApiProperty({ example: 'The travel history misses 2019', description: 'Why; shown in the file’s history' })
  @IsString({ message: 'reason is required to reopen the questionnaire' })
  @MaxLength(1000)
  reason: string;
}

export class ConfirmIntakeDto {
  @ApiProperty({
    enum: CLIENT_FIELD_KEYS,
    isArray: true,
    example: ['passportNumber', 'dateOfBirth', 'citizenship'],
    description: 'The client record fields to take from the answers',
  })
  @IsArray()
  @ArrayNotEmpty({ message: 'fields must name at least one client field' })
  @IsIn(CLIENT_FIELD_KEYS, {
    each: true,
    message: `each of fields must be one of ${CLIENT_FIELD_KEYS.join(', ')}`,
  })
  fields: ClientFieldKey[];
}
