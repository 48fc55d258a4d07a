import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { AccountMethod, type ClientAccountEntryEntity } from '@app/billing';
import { IsCalendarDate } from '../../http/calendar-date';
import { Nullable } from '../../http/optional';
import { MAX_CENTS } from './invoice.dto';

const METHODS = [
  AccountMethod.Cash,
  AccountMethod.ETransfer,
  AccountMethod.Card,
  AccountMethod.Cheque,
] as const;

export class AccountMovementDto {
  @ApiProperty({ minimum: 1, maximum: MAX_CENTS, example: 100000, description: 'Whole cents, CAD' })
  @IsInt({ message: 'amountCents must be whole cents' })
  @Min(1, { message: 'amountCents must be more than zero' })
  @Max(MAX_CENTS)
  amountCents: number;

  @ApiProperty({ example: '2026-12-05' })
  @IsCalendarDate()
  receivedOn: string;

  @ApiProperty({ enum: METHODS, description: 'How the money came in (deposit) or went back (refund)' })
  @IsIn(METHODS, { message: `method must be one of ${METHODS.join(', ')}` })
  method: (typeof METHODS)[number];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 200 })
  @Nullable()
  @IsString()
  @MaxLength(200)
  reference?: string | null;
}

export class AccountEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['deposit', 'transfer', 'refund'] }) kind: string;
  @ApiProperty({ description: 'Signed cents: deposits positive, transfers and refunds negative' })
  amountCents: number;
  @ApiProperty() balanceAfterCents: number;
  @ApiProperty({ enum: AccountMethod, enumName: 'AccountMethod' }) method: AccountMethod;
  @ApiProperty({ example: '2026-12-05' }) receivedOn: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) invoiceId: string | null;
  @ApiProperty() createdAt: Date;

  static from(e: ClientAccountEntryEntity): AccountEntryResponse {
    return Object.assign(new AccountEntryResponse(), {
      id: e.id,
      kind: e.kind,
      amountCents: e.amountCents,
      balanceAfterCents: e.balanceAfterCents,
      method: e.method,
      receivedOn: e.receivedOn,
      reference: e.reference,
      invoiceId: e.invoiceId,
      createdAt: e.createdAt,
    });
  }
}

export class ClientAccountResponse {
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ description: 'Held in trust for the client, in cents; never negative' })
  balanceCents: number;
  @ApiProperty({ type: [AccountEntryResponse], description: 'Newest first' }) items: AccountEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
