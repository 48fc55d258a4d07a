import { ApiProperty } from '@nestjs/swagger';
import {
  ConsultationStatus,
  toLocalIso,
  type BookableConsultant,
  type ConsultationEntity,
  type ConsultationTypeEntity,
  type ManagedBooking,
  type SlotView,
} from '@app/consultations';

export class PublicConsultationTypeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Work permit assessment' }) name: string;
  @ApiProperty({ example: 'Évaluation de permis de travail' }) nameFr: string;
  @ApiProperty({ example: 30 }) durationMinutes: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 15000,
    description: 'CAD cents; null: no price shown',
  })
  priceCents: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'A few lines about it, in English' })
  description: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The same in French' })
  descriptionFr: string | null;
  @ApiProperty({ enum: ['video', 'phone', 'in_person'], description: 'How it takes place' }) mode: string;

  static from(type: ConsultationTypeEntity): PublicConsultationTypeResponse {
    return Object.assign(new PublicConsultationTypeResponse(), {
      id: type.id,
      name: type.name,
      nameFr: type.nameFr,
      durationMinutes: type.durationMinutes,
      priceCents: type.priceCents,
      description: type.description,
      descriptionFr: type.descriptionFr,
      mode: type.mode,
    });
  }
}

export class PublicConsultantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Amélie Tremblay' }) name: string;
  @ApiProperty({ type: [String], example: ['en', 'fr'] }) languages: string[];
  @ApiProperty({ example: 'America/Toronto', description: 'The zone of their weekly hours' })
  timezone: string;

  static from(consultant: BookableConsultant): PublicConsultantResponse {
    return Object.assign(new PublicConsultantResponse(), consultant);
  }
}

export class SlotResponse {
  @ApiProperty({ example: '2026-12-01T17:00:00.000Z' }) startsAt: Date;
  @ApiProperty({ example: '2026-12-01T17:30:00.000Z' }) endsAt: Date;
  @ApiProperty({
    format: 'uuid',
    description: 'The consultant (for "any consultant": the one it would go to)',
  })
  consultantId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-12-01T22:30:00+05:30',
    description: "In the visitor's zone, when given",
  })
  startsAtLocal: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-01T23:00:00+05:30' }) endsAtLocal:
    string | null;

  static from(slot: SlotView): SlotResponse {
    return Object.assign(new SlotResponse(), slot);
  }
}

export class BookingConsultantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class BookingResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ['pending', 'booked', 'cancelled', 'completed', 'no_show'],
    description: '`pending`: awaiting the client’s email confirmation; the time is held until `confirmBy`',
  })
  status: string;
  @ApiProperty({
    type: Date,
    nullable: true,
    description: 'While pending: confirm by the emailed link before this, or the time is released',
  })
  confirmBy: Date | null;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ type: String, nullable: true, description: 'In the zone the client booked from' })
  startsAtLocal: string | null;
  @ApiProperty({ type: String, nullable: true }) endsAtLocal: string | null;
  @ApiProperty({ example: 'Asia/Kolkata' }) timezone: string;
  @ApiProperty({ enum: ['video', 'phone', 'in_person'] }) mode: string;
  @ApiProperty({ type: BookingConsultantResponse }) consultant: BookingConsultantResponse;
  @ApiProperty({ type: PublicConsultationTypeResponse }) type: PublicConsultationTypeResponse;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://meet.example.ca/amelie-tremblay',
    description: 'Video consultations, once booked and confirmed: the link to join; else null',
  })
  meetingLink: string | null;

  protected static fill<T extends BookingResponse>(
    target: T,
    c: ConsultationEntity,
    meetingLink: string | null,
  ): T {
    const pending = c.status === ConsultationStatus.Booked && c.holdExpiresAt !== null;
    return Object.assign(target, {
      id: c.id,
      status: pending ? 'pending' : c.status,
      confirmBy: pending ? c.holdExpiresAt : null,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      startsAtLocal: toLocalIso(c.startsAt.getTime(), c.clientTimezone),
      endsAtLocal: toLocalIso(c.endsAt.getTime(), c.clientTimezone),
      timezone: c.clientTimezone,
      mode: c.mode,
      consultant: { id: c.consultant.id, name: c.consultant.name },
      type: PublicConsultationTypeResponse.from(c.type),
      meetingLink,
    });
  }
}

export class BookingCreatedResponse extends BookingResponse {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'https://permitdesk.example/book/manage/…',
    description:
      'Shown once: the client’s link to view, cancel or reschedule. Null when the booking awaits email confirmation (status `pending`): the link is only in the email',
  })
  manageUrl: string | null;

  static from(
    consultation: ConsultationEntity,
    manageUrl: string | null,
    meetingLink: string | null,
  ): BookingCreatedResponse {
    return Object.assign(BookingResponse.fill(new BookingCreatedResponse(), consultation, meetingLink), {
      manageUrl,
    });
  }
}

export class ManagedBookingResponse extends BookingResponse {
  @ApiProperty({ description: 'Whether it can still be cancelled or rescheduled online' }) canChange: boolean;
  @ApiProperty({ description: 'The last moment to cancel or reschedule online' }) changeUntil: Date;

  static from(managed: ManagedBooking): ManagedBookingResponse {
    return Object.assign(
      BookingResponse.fill(new ManagedBookingResponse(), managed.consultation, managed.meetingLink),
      {
        canChange: managed.canChange,
        changeUntil: managed.changeUntil,
      },
    );
  }
}
