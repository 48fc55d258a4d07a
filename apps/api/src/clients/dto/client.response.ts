import { ApiProperty } from '@nestjs/swagger';
import { maskPassportNumber, PreferredLanguage, StatusInCanada, type ClientListItem } from '@app/clients';
import type { TimelineEvent } from '@app/audit';
import { TimelineActorResponse } from '../../files/dto/file.response';

export class ClientPortalResponse {
  @ApiProperty({ description: 'When the client was last invited to the portal' }) invitedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) lastSignInAt: Date | null;
}

export class ClientResponse {
  @ApiProperty({ format: 'uuid', example: '5d0c2f7e-8a41-4b6e-b1f3-7c9e2a6d4f18' }) id: string;
  @ApiProperty({ example: 'Priya' }) firstName: string;
  @ApiProperty({ example: 'Sharma' }) lastName: string;
  @ApiProperty({ type: String, nullable: true, example: 'priya@example.com' }) email: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+16045550123', description: 'E.164' }) phone:
    string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '1994-08-17' }) dateOfBirth:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: 'IN' }) citizenship: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'CA' }) countryOfResidence: string | null;
  @ApiProperty({ enum: StatusInCanada, enumName: 'StatusInCanada' }) statusInCanada: StatusInCanada;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2027-01-31' }) statusExpiresOn:
    string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) statusAppliedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) statusLostOn: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Z1234567',
    description:
      'In full on GET /clients/:id (and after a create or update); masked like passportNumberMasked in lists',
  })
  passportNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: '•••••567' }) passportNumberMasked: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2031-05-09' }) passportExpiresOn:
    string | null;
  @ApiProperty({ type: String, nullable: true, example: '12345678', description: 'IRCC UCI, digits only' })
  uci: string | null;
  @ApiProperty({ enum: PreferredLanguage, enumName: 'PreferredLanguage' })
  preferredLanguage: PreferredLanguage;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) consultantId: string | null;
  @ApiProperty({ description: 'Created by a public booking and not yet taken on' }) isProspect: boolean;
  @ApiProperty({ type: Date, nullable: true }) archivedAt: Date | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({
    type: ClientPortalResponse,
    nullable: true,
    required: false,
    description:
      'On one client (read, create, update): the client portal account (null: never invited); absent in lists',
  })
  portal?: ClientPortalResponse | null;

  /** `passportNumber` is the number in clear for a single client, or null to show the masked value (lists). */
  static from(client: ClientListItem, passportNumber: string | null = null): ClientResponse {
    const masked = maskPassportNumber(client.passportNumberHint);
    // A plain object, fields in the class's order (the JSON's key order): lists build one per client.
    return {
      id: client.id,
      firstName: client.firstName,
      lastName: client.lastName,
      email: client.email,
      phone: client.phone,
      dateOfBirth: client.dateOfBirth,
      citizenship: client.citizenship,
      countryOfResidence: client.countryOfResidence,
      statusInCanada: client.statusInCanada,
      statusExpiresOn: client.statusExpiresOn,
      statusAppliedOn: client.statusAppliedOn,
      statusLostOn: client.statusLostOn,
      passportNumber: passportNumber ?? masked,
      passportNumberMasked: masked,
      passportExpiresOn: client.passportExpiresOn,
      uci: client.uci,
      preferredLanguage: client.preferredLanguage,
      consultantId: client.consultantId,
      isProspect: client.isProspect,
      archivedAt: client.archivedAt,
      createdAt: client.createdAt,
      updatedAt: client.updatedAt,
    };
  }
}

export class ClientTimelineEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'null: the public or the system',
  })
  actorId: string | null;
  @ApiProperty({ example: 'client.updated' }) action: string;
  @ApiProperty({ example: 'client' }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) fileId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { phone: ['+16045550123', '+16045550199'], passportNumber: 'changed' },
    description: 'Changed fields as [before, after]; a creation lists the initial values',
  })
  changes: Record<string, unknown>;
  @ApiProperty({
    type: TimelineActorResponse,
    nullable: true,
    description:
      'null: the public or the system; the client themselves for what they did in the client portal',
  })
  actor: TimelineActorResponse | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { '0b7c6a0e-1111-4222-8333-944444444444': 'Amélie Tremblay' },
    description: 'Names of the ids in changes: staff, clients, consultation types, files (by number)',
  })
  names: Record<string, string>;

  static from(event: TimelineEvent): ClientTimelineEventResponse {
    return Object.assign(new ClientTimelineEventResponse(), {
      id: event.id,
      occurredAt: event.occurredAt,
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      fileId: event.fileId,
      changes: event.changes,
      actor: event.actorId
        ? { id: event.actorId, name: event.actorName }
        : event.actorClientId
          ? { id: event.actorClientId, name: event.actorName }
          : null,
      names: event.names,
    });
  }
}
