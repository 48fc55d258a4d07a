import { ApiProperty } from '@nestjs/swagger';

export class ErrorResponse {
  @ApiProperty({ example: 409 }) statusCode: number;
  @ApiProperty({ example: 'WORK_PERMIT_INVALID_STATUS_TRANSITION' }) code: string;
  @ApiProperty({ example: 'A withdrawn file cannot be submitted' }) message: string;
  @ApiProperty({
    nullable: true,
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
  })
  fields: Record<string, string[]> | null;
  @ApiProperty({ nullable: true, type: String, description: 'Set on 500s; quote it when reporting' })
  errorId: string | null;
}
