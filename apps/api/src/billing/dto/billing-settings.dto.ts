import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, ValidateIf } from 'class-validator';

/** The firm's tax numbers; both are given, null clears one. */
export class BillingSettingsDto {
  @ApiProperty({
    type: String,
    nullable: true,
    example: '123456789RT0001',
    description: 'GST/HST account number',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(30)
  gstHstNumber: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '1234567890TQ0001',
    description: 'QST registration number',
  })
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(30)
  qstNumber: string | null;
}

export class GovernmentFeeResponse {
  @ApiProperty({ example: 'work_permit' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty() nameFr: string;
  @ApiProperty({ enum: ['IRCC', 'ESDC'] }) authority: string;
  @ApiProperty({ enum: ['person', 'family', 'position', 'offer'] }) per: string;
  @ApiProperty({ example: 15500 }) cents: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2025-12-01',
    description: 'First day of this amount',
  })
  since: string | null;
  @ApiProperty() source: string;
}

export class GovernmentFeesResponse {
  @ApiProperty({ example: '2026-12-05' }) on: string;
  @ApiProperty({
    example: '2026-12-05',
    description: 'When the amounts were last checked against their sources',
  })
  checkedOn: string;
  @ApiProperty({ description: 'Government fees are disbursements: never taxed' }) taxable: boolean;
  @ApiProperty({ type: [GovernmentFeeResponse] }) items: GovernmentFeeResponse[];
}
