import { ApiProperty } from '@nestjs/swagger';
import { IntakeStatus, type IntakeView } from '@app/intake';

export class PortalIntakeResponse {
  @ApiProperty({ format: 'uuid' })
  fileId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The form definition (key, version, title, sections → items with type, EN/FR label and help, required, ' +
      'showIf, options, repeatable groups); the same definition validates the answers in the API',
  })
  form: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The saved answers by question key',
  })
  answers: Record<string, unknown>;

  @ApiProperty({
    enum: IntakeStatus,
    enumName: 'IntakeStatus',
    nullable: true,
    description: 'null before the first save; submitted answers are read-only until staff reopen them',
  })
  status: IntakeStatus | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  updatedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: string | null;

  static from(view: IntakeView): PortalIntakeResponse {
    return {
      fileId: view.fileId,
      form: view.form as unknown as Record<string, unknown>,
      answers: view.answers,
      status: view.status,
      updatedAt: view.updatedAt?.toISOString() ?? null,
      submittedAt: view.submittedAt?.toISOString() ?? null,
    };
  }
}
