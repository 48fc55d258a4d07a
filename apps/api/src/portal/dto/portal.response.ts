import { ApiProperty } from '@nestjs/swagger';
import type {
  PortalAccountStatus,
  PortalConsultation,
  PortalFileDetail,
  PortalFileView,
  PortalMe,
  PortalSignIn,
} from '@app/portal';

export class PortalStatusResponse {
  @ApiProperty({ description: 'When the client was last invited' }) invitedAt: Date;
  @ApiProperty({ type: Date, nullable: true }) lastSignInAt: Date | null;

  static from(status: PortalAccountStatus): PortalStatusResponse {
    return { invitedAt: status.invitedAt, lastSignInAt: status.lastSignInAt };
  }
}

export class PortalSignedInClientResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Priya' }) firstName: string;
  @ApiProperty({ enum: ['en', 'fr'] }) preferredLanguage: 'en' | 'fr';
}

export class PortalSignInResponse {
  @ApiProperty({
    description:
      'Bearer token of a portal session: it works only on /api/portal routes, and ends on sign-out, after inactivity (PORTAL_IDLE_MINUTES) or PORTAL_SESSION_HOURS after sign-in',
  })
  accessToken: string;
  @ApiProperty({ type: PortalSignedInClientResponse }) client: PortalSignedInClientResponse;

  static from(signIn: PortalSignIn): PortalSignInResponse {
    return { accessToken: signIn.accessToken, client: { ...signIn.client } };
  }
}

export class PortalMeResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ enum: ['en', 'fr'] }) preferredLanguage: 'en' | 'fr';
  @ApiProperty({ type: String, nullable: true, description: 'The assigned consultant' }) consultantName:
    string | null;

  static from(me: PortalMe): PortalMeResponse {
    return {
      id: me.id,
      firstName: me.firstName,
      lastName: me.lastName,
      email: me.email,
      preferredLanguage: me.preferredLanguage,
      consultantName: me.consultantName,
    };
  }
}

export class PortalFileAgreementResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ['sent', 'client_signed', 'signed'],
    description:
      'sent: waiting for the client’s signature; client_signed: for the countersignature; signed: by both',
  })
  status: 'sent' | 'client_signed' | 'signed';
  @ApiProperty({ example: 1 }) version: number;
}

export class PortalFileResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'WP-2026-00042' }) fileNumber: string;
  @ApiProperty({ enum: ['TFWP', 'IMP'] }) stream: string;
  @ApiProperty({ example: 'initial' }) applicationType: string;
  @ApiProperty({ example: 'submitted', description: 'The status code; statusText says it in plain words' })
  status: string;
  @ApiProperty({ example: 'Submitted to IRCC on 3 March 2027' }) statusText: string;
  @ApiProperty({ type: String, nullable: true, example: 'IRCC reviews your application' }) nextStep:
    string | null;
  @ApiProperty({
    enum: ['client', 'firm', 'ircc'],
    nullable: true,
    description: 'Who the next step waits on; null when nothing is pending',
  })
  waitingOn: 'client' | 'firm' | 'ircc' | null;
  @ApiProperty({ type: String, nullable: true, description: 'The assigned consultant' }) consultantName:
    string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) submittedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decisionOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) permitExpiresOn: string | null;
  @ApiProperty({
    example: 1,
    description: 'Messages from the firm on this file that the client has not read',
  })
  unreadMessages: number;

  @ApiProperty({
    type: PortalFileAgreementResponse,
    nullable: true,
    description: 'The file’s service agreement once sent to the client; null before (drafts never show)',
  })
  agreement: PortalFileAgreementResponse | null;

  static from(file: PortalFileView): PortalFileResponse {
    return {
      id: file.id,
      fileNumber: file.fileNumber,
      stream: file.stream,
      applicationType: file.applicationType,
      status: file.status,
      statusText: file.statusText,
      nextStep: file.nextStep,
      waitingOn: file.waitingOn,
      consultantName: file.consultantName,
      submittedOn: file.submittedOn,
      decisionOn: file.decisionOn,
      permitExpiresOn: file.permitExpiresOn,
      unreadMessages: file.unreadMessages,
      agreement: file.agreement ? { ...file.agreement } : null,
    };
  }
}

export class PortalDeadlineResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['biometrics', 'medical', 'document_request', 'pfl_response', 'permit_expiry'] })
  kind: string;
  @ApiProperty({ example: 'Give your biometrics (fingerprints and photo)' }) title: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
}

export class PortalFileDetailResponse extends PortalFileResponse {
  @ApiProperty({
    type: [PortalDeadlineResponse],
    description:
      'Open deadlines that concern the client, soonest first; staff-internal ones are never listed',
  })
  deadlines: PortalDeadlineResponse[];

  static fromDetail(file: PortalFileDetail): PortalFileDetailResponse {
    return {
      ...PortalFileResponse.from(file),
      deadlines: file.deadlines.map((d) => ({ id: d.id, kind: d.kind, title: d.title, dueOn: d.dueOn })),
    };
  }
}

export class PortalFileListResponse {
  @ApiProperty({ type: [PortalFileResponse] }) items: PortalFileResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Always null: a client’s files come in one page',
  })
  nextCursor: string | null;
}

export class PortalConsultationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() startsAt: Date;
  @ApiProperty() endsAt: Date;
  @ApiProperty({ enum: ['video', 'phone', 'in_person'] }) mode: string;
  @ApiProperty({ enum: ['booked', 'cancelled', 'completed', 'no_show'] }) status: string;
  @ApiProperty({ description: 'The consultation type in the requested language' }) typeName: string;
  @ApiProperty() consultantName: string;
  @ApiProperty({ example: 'America/Vancouver', description: 'The zone the client booked in' })
  timezone: string;
  @ApiProperty({
    description:
      'Whether the manage link sent in the booking email still lets the client reschedule or cancel (the link itself is kept only as a hash, so it is not repeated here)',
  })
  hasManageLink: boolean;

  static from(c: PortalConsultation, language: 'en' | 'fr'): PortalConsultationResponse {
    return {
      id: c.id,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      mode: c.mode,
      status: c.status,
      typeName: language === 'fr' ? c.typeNameFr : c.typeName,
      consultantName: c.consultantName,
      timezone: c.timezone,
      hasManageLink: c.hasManageLink,
    };
  }
}

export class PortalConsultationListResponse {
  @ApiProperty({ type: [PortalConsultationResponse] }) items: PortalConsultationResponse[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Always null: a client’s consultations come in one page',
  })
  nextCursor: string | null;
}
