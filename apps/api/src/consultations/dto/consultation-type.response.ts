import { ApiProperty } from '@nestjs/swagger';
import type { ConsultationTypeEntity } from '@app/consultations';

export class ConsultationTypeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Work permit assessment' }) name: string;
  @ApiProperty({ example: 'Évaluation de permis de travail' }) nameFr: string;
  @ApiProperty({ example: 30 }) durationMinutes: number;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) descriptionFr: string | null;
  @ApiProperty({ enum: ['video', 'phone', 'in_person'] }) mode: string;
  @ApiProperty({ type: Number, nullable: true, example: 15000, description: 'CAD cents' }) priceCents:
    number | null;
  @ApiProperty() active: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Video consultations' link, unless the consultant has their own",
  })
  videoLink: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "Phone consultations' number, unless the consultant has their own",
  })
  phoneNumber: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "In-person consultations' address, unless the consultant has their own",
  })
  officeAddress: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(type: ConsultationTypeEntity): ConsultationTypeResponse {
    return Object.assign(new ConsultationTypeResponse(), {
      id: type.id,
      name: type.name,
      nameFr: type.nameFr,
      durationMinutes: type.durationMinutes,
      description: type.description,
      descriptionFr: type.descriptionFr,
      mode: type.mode,
      priceCents: type.priceCents,
      active: type.isActive,
      videoLink: type.videoLink,
      phoneNumber: type.phoneNumber,
      officeAddress: type.officeAddress,
      createdAt: type.createdAt,
      updatedAt: type.updatedAt,
    });
  }
}
