import { ApiProperty } from '@nestjs/swagger';
import {
  CLIENT_FIELD_KEYS,
  type ClientFieldKey,
  type IntakeClientFieldView,
  type StaffIntakeView,
} from '@app/intake';
import { PortalIntakeResponse } from '../../portal/dto/portal-intake.response';

export class IntakeClientFieldResponse {
  @ApiProperty({ enum: CLIENT_FIELD_KEYS })
  clientField: ClientFieldKey;

  @ApiProperty({ description: 'The question whose answer goes into this client field' })
  answerKey: string;

  @ApiProperty({ type: String, nullable: true })
  answer: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'What the client record holds now' })
  current: string | null;

  @ApiProperty({ description: 'Staff confirmed this answer into the client record' })
  confirmed: boolean;

  static from(field: IntakeClientFieldView): IntakeClientFieldResponse {
    return { ...field };
  }
}

export class FileIntakeResponse extends PortalIntakeResponse {
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reopenedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  reopenReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: string | null;

  @ApiProperty({ type: [IntakeClientFieldResponse] })
  clientFields: IntakeClientFieldResponse[];

  static fromStaffView(view: StaffIntakeView): FileIntakeResponse {
    return {
      ...PortalIntakeResponse.from(view),
      reopenedAt: view.reopenedAt?.toISOString() ?? null,
      reopenReason: view.reopenReason,
      confirmedAt: view.confirmedAt?.toISOString() ?? null,
      clientFields: view.clientFields.map((field) => IntakeClientFieldResponse.from(field)),
    };
  }
}
