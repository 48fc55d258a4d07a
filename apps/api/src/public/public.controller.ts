import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '@app/auth';
import { AppConfig } from '@app/config';
import { FirmProfileService } from '@app/firm';
import {
  AvailabilityService,
  BookingService,
  ConsultationTypesService,
  parseBound,
  SlotsService,
} from '@app/consultations';
import { CreateBookingDto, RescheduleBookingDto, SlotsQueryDto } from './dto/public.dto';
import {
  BookingCreatedResponse,
  ManagedBookingResponse,
  PublicConsultantResponse,
  PublicConsultationTypeResponse,
  SlotResponse,
} from './dto/public.response';
import { PublicFirmResponse } from '../firm/dto/firm-profile.response';
import { BookingAddressLimit } from './booking-address-limit';
import { PublicRateLimited } from './public-throttler.guard';
import { ApiErrors, ApiPublicRoute } from '../openapi/api-docs.decorators';

/** What the public booking page calls: no login, rate-limited per address. */
@ApiTags('public')
@Controller('public')
@Public()
@ApiPublicRoute()
@PublicRateLimited()
@ApiErrors(
  [400, 'VALIDATION_FAILED naming the field'],
  [429, 'Too many requests from this address; wait a minute'],
)
export class PublicController {
  constructor(
    private readonly types: ConsultationTypesService,
    private readonly availability: AvailabilityService,
    private readonly slots: SlotsService,
    private readonly bookings: BookingService,
    private readonly config: AppConfig,
    private readonly addressLimit: BookingAddressLimit,
    private readonly firm: FirmProfileService,
  ) {}

  @Get('firm')
  @ApiOkResponse({
    type: PublicFirmResponse,
    description: 'The firm’s name, address, phone, public email and logo address (each null until set)',
  })
  @ApiOperation({ summary: 'Get the firm’s public profile' })
  async firmProfile(): Promise<PublicFirmResponse> {
    return PublicFirmResponse.from(await this.firm.current());
  }

  @Get('firm/logo')
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'The logo image (PNG or JPEG)' })
  @ApiErrors([404, 'The firm has no logo'])
  @ApiOperation({ summary: 'Get the firm’s logo' })
  async firmLogo(@Res({ passthrough: true }) response: Response): Promise<StreamableFile> {
    const logo = await this.firm.requireLogo();
    // Only PNG or JPEG is ever stored (checked by its bytes); nothing in it may run as a page.
    response.setHeader('Content-Type', logo.contentType);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    response.setHeader('Content-Disposition', 'inline; filename="logo"');
    response.setHeader('Cache-Control', 'public, max-age=300');
    return new StreamableFile(logo.bytes);
  }

  @Get('consultation-types')
  @ApiOkResponse({
    type: [PublicConsultationTypeResponse],
    description: 'Active types, with English and French names and price',
  })
  @ApiOperation({ summary: 'List bookable consultation types' })
  async consultationTypes(): Promise<PublicConsultationTypeResponse[]> {
    return (await this.types.listActive()).map((item) => PublicConsultationTypeResponse.from(item));
  }

  @Get('consultants')
  @ApiOkResponse({ type: [PublicConsultantResponse], description: 'Consultants who take bookings' })
  @ApiOperation({ summary: 'List consultants who take bookings' })
  async consultants(): Promise<PublicConsultantResponse[]> {
    return (await this.availability.listBookable()).map((item) => PublicConsultantResponse.from(item));
  }

  @Get('slots')
  @ApiOkResponse({
    type: [SlotResponse],
    description: 'Bookable start times, earliest first, in UTC (and local time when timezone is given)',
  })
  @ApiOperation({ summary: 'Find bookable times' })
  async findSlots(@Query() query: SlotsQueryDto): Promise<SlotResponse[]> {
    const zone = query.timezone ?? this.config.firmTimeZone;
    const slots = await this.slots.find({
      typeId: query.type,
      consultantId: query.consultantId,
      from: query.from ? parseBound(query.from, zone, 'from') : undefined,
      to: query.to ? parseBound(query.to, zone, 'to') : undefined,
      timezone: query.timezone,
    });
    return slots.map((item) => SlotResponse.from(item));
  }

  @Post('bookings')
  @ApiCreatedResponse({
    type: BookingCreatedResponse,
    description:
      'Booked; or, when the firm asks for email confirmation, `pending` until the client confirms by the emailed link',
  })
  @ApiErrors(
    [
      409,
      'CONSULTATION_SLOT_TAKEN: someone else booked this time first; CONSULTATION_BOOKING_LIMIT_PER_EMAIL: this email already has the most open bookings allowed',
    ],
    [
      429,
      'CONSULTATION_BOOKING_LIMIT_PER_ADDRESS: too many bookings from this address this hour (Retry-After says how long)',
    ],
  )
  @ApiOperation({ summary: 'Book a consultation' })
  async book(
    @Body() dto: CreateBookingDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BookingCreatedResponse> {
    const turn = await this.addressLimit.take(request.ip ?? 'unknown').catch((error: unknown) => {
      const wait = (error as { retryAfterSeconds?: number }).retryAfterSeconds;
      if (wait !== undefined) {
        response.setHeader('Retry-After', String(wait));
      }
      throw error;
    });
    try {
      return await this.bookOnce(dto);
    } catch (error) {
      await turn.giveBack();
      throw error;
    }
  }

  private async bookOnce(dto: CreateBookingDto): Promise<BookingCreatedResponse> {
    const { consultation, manageUrl, meetingLink } = await this.bookings.book({
      typeId: dto.type,
      startsAt: new Date(dto.startsAt),
      consultantId: dto.consultantId,
      name: dto.name,
      email: dto.email,
      phone: dto.phone,
      timezone: dto.timezone,
      topic: dto.topic,
      language: dto.language,
      mode: dto.mode,
      prescreen: dto.prescreen ? { ...dto.prescreen } : null,
    });
    return BookingCreatedResponse.from(consultation, manageUrl, meetingLink);
  }

  @Get('bookings/:token')
  @ApiOkResponse({ type: ManagedBookingResponse })
  @ApiErrors([404, 'A wrong, replaced or used-up link'])
  @ApiOperation({ summary: 'Get a booking by its manage link' })
  async booking(@Param('token') token: string): Promise<ManagedBookingResponse> {
    return ManagedBookingResponse.from(await this.bookings.findByToken(token));
  }

  @Get('bookings/:token/invite.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'The booking as an iCalendar file: the same event (UID, SEQUENCE) as the emailed invites',
  })
  @ApiErrors([404, 'A wrong, replaced or used-up link'])
  @ApiOperation({ summary: 'Download a booking as iCalendar' })
  async calendar(
    @Param('token') token: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const ics = await this.bookings.calendarByToken(token);
    response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    response.setHeader('Content-Disposition', 'attachment; filename="consultation.ics"');
    response.setHeader('Cache-Control', 'no-store');
    return ics;
  }

  @Post('bookings/:token/confirm')
  @HttpCode(200)
  @ApiOkResponse({
    type: ManagedBookingResponse,
    description: 'Confirmed (or already confirmed): the time is the client’s',
  })
  @ApiErrors(
    [404, 'A wrong, replaced or used-up link'],
    [409, 'CONSULTATION_CONFIRMATION_EXPIRED: not confirmed in time; the time was released'],
  )
  @ApiOperation({ summary: 'Confirm a booking' })
  async confirm(@Param('token') token: string): Promise<ManagedBookingResponse> {
    return ManagedBookingResponse.from(await this.bookings.confirmByToken(token));
  }

  @Post('bookings/:token/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedBookingResponse, description: 'Cancelled; the link stops working' })
  @ApiErrors(
    [404, 'A wrong, replaced or used-up link'],
    [409, 'CONSULTATION_TOO_LATE_TO_CHANGE: past the cancellation cutoff'],
  )
  @ApiOperation({ summary: 'Cancel a booking' })
  async cancel(@Param('token') token: string): Promise<ManagedBookingResponse> {
    return ManagedBookingResponse.from(await this.bookings.cancelByToken(token));
  }

  @Post('bookings/:token/reschedule')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedBookingResponse })
  @ApiErrors(
    [404, 'A wrong, replaced or used-up link'],
    [409, 'CONSULTATION_SLOT_TAKEN, or CONSULTATION_TOO_LATE_TO_CHANGE'],
  )
  @ApiOperation({ summary: 'Move a booking to another time' })
  async reschedule(
    @Param('token') token: string,
    @Body() dto: RescheduleBookingDto,
  ): Promise<ManagedBookingResponse> {
    return ManagedBookingResponse.from(await this.bookings.rescheduleByToken(token, new Date(dto.startsAt)));
  }
}
