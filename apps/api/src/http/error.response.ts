import { ApiProperty } from '@nestjs/swagger';

export class ErrorResponse {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ example: 'WORK_PERMIT_INVALID_STATUS_TRANSITION' }) code: string;
  @ApiProperty({ example: 'A withdrawn file cannot be submitted' }) message: string;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    example: null,
    description:
      'On VALIDATION_FAILED: each refused field and why, e.g. {"email": ["email must be an email"]}',
  })
  fields: Record<string, string[]> | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'Set on 500s; quote it when reporting',
  })
  errorId: string | null;
}
