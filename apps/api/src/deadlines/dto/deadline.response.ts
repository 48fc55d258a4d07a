import { ApiProperty } from '@nestjs/swagger';
import { DeadlineKind, DeadlineSource, type DeadlineColumns, type DeadlineEntity } from '@app/work-permits';

export class DeadlineResponse {
  @ApiProperty({ format: 'uuid', example: '9a3e1f60-2b7c-4e85-a4d9-61c0f8b2e7d3' }) id: string;
  @ApiProperty({ format: 'uuid', example: 'c41d8b2a-6f0e-4a37-9b15-3e7a2d9c5f84' }) fileId: string;
  @ApiProperty({ type: String, nullable: true, example: 'WP-2026-00042' }) fileNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Priya Sharma' }) clientName: string | null;
  @ApiProperty({ enum: DeadlineKind, enumName: 'DeadlineKind' }) kind: DeadlineKind;
  @ApiProperty({
    enum: DeadlineSource,
    enumName: 'DeadlineSource',
    description:
      'key_date: follows a key date of the file (move it here or on the file); manual: added by staff',
  })
  source: DeadlineSource;
  @ApiProperty({ example: 'Biometrics due' }) title: string;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({
    format: 'date',
    example: '2027-01-31',
    description: "A calendar day in the firm's time zone",
  })
  dueOn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeId: string | null;
  @ApiProperty({ description: "Open and its day has passed in the firm's time zone" }) isOverdue: boolean;
  @ApiProperty({ type: Date, nullable: true }) completedAt: Date | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) completedById: string | null;
  @ApiProperty({ example: '2026-03-02T17:45:00.000Z' }) createdAt: Date;
  @ApiProperty({ example: '2026-03-09T21:10:00.000Z' }) updatedAt: Date;

  static from(
    deadline: DeadlineColumns &
      Partial<{ file: DeadlineEntity['file']; fileNumber: string; clientName: string; isOverdue: boolean }>,
  ): DeadlineResponse {
    const client = deadline.file?.client;
    // A plain object, fields in the class's order (the JSON's key order): lists build one per deadline.
    return {
      id: deadline.id,
      fileId: deadline.fileId,
      fileNumber: deadline.fileNumber || deadline.file?.fileNumber || null,
      clientName: deadline.clientName || (client ? `${client.firstName} ${client.lastName}` : null),
      kind: deadline.kind,
      source: deadline.source,
      title: deadline.title,
      notes: deadline.notes,
      dueOn: deadline.dueOn,
      assigneeId: deadline.assigneeId,
      isOverdue: deadline.isOverdue ?? false,
      completedAt: deadline.completedAt,
      completedById: deadline.completedById,
      createdAt: deadline.createdAt,
      updatedAt: deadline.updatedAt,
    };
  }
}
