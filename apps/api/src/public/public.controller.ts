import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '@app/auth';
import { AppConfig } from '@app/config';
import { AvailabilityService, BookingService, ConsultationTypesService, parseBound, SlotsService } from '@app/consultations';
import { ErrorResponse } from '../http/error.response';
import { CreateBookingDto, RescheduleBookingDto, SlotsQueryDto } from './dto/public.dto';
import {
  BookingCreatedResponse,
  ManagedBookingResponse,
  PublicConsultantResponse,
  PublicConsultationTypeResponse,
  SlotResponse,
} from './dto/public.response';
import { PublicRateLimited } from './public-throttler.guard';

/** What the public booking page calls: no login, rate-limited per address. */
@ApiTags('public')
@Controller('public')
@Public()
@PublicRateLimited()
@ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'Too many requests from this address; wait a minute' })
@ApiBadRequestResponse({ type: ErrorResponse, description: 'VALIDATION_FAILED naming the field' })
export class PublicController {
  constructor(
    private readonly types: ConsultationTypesService,
    private readonly availability: AvailabilityService,
    private readonly slots: SlotsService,
    private readonly bookings: BookingService,
    private readonly config: AppConfig,
  ) {}

  @Get('consultation-types')
  @ApiOkResponse({ type: [PublicConsultationTypeResponse], description: 'Active types, with English and French names and price' })
  async consultationTypes(): Promise<PublicConsultationTypeResponse[]> {
    return (await this.types.listActive()).map(PublicConsultationTypeResponse.from);
  }

  @Get('consultants')
  @ApiOkResponse({ type: [PublicConsultantResponse], description: 'Consultants who take bookings' })
  async consultants(): Promise<PublicConsultantResponse[]> {
    return (await this.availability.listBookable()).map(PublicConsultantResponse.from);
  }

  @Get('slots')
  @ApiOkResponse({ type: [SlotResponse], description: 'Bookable start times, earliest first, in UTC (and local time when timezone is given)' })
  async findSlots(@Query() query: SlotsQueryDto): Promise<SlotResponse[]> {
    const zone = query.timezone ?? this.config.firmTimeZone;
    const slots = await this.slots.find({
      typeId: query.type,
      consultantId: query.consultantId,
      from: query.from ? parseBound(query.from, zone, 'from') : undefined,
      to: query.to ? parseBound(query.to, zone, 'to') : undefined,
      timezone: query.timezone,
    });
    return slots.map(SlotResponse.from);
  }

  @Post('bookings')
  @ApiCreatedResponse({ type: BookingCreatedResponse })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONSULTATION_SLOT_TAKEN: someone else booked this time first' })
  async book(@Body() dto: CreateBookingDto): Promise<BookingCreatedResponse> {
    const { consultation, manageUrl } = await this.bookings.book({
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
    return BookingCreatedResponse.from(consultation, manageUrl);
  }

  @Get('bookings/:token')
  @ApiOkResponse({ type: ManagedBookingResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'A wrong, replaced or used-up link' })
  async booking(@Param('token') token: string): Promise<ManagedBookingResponse> {
    return ManagedBookingResponse.from(await this.bookings.findByToken(token));
  }

  @Post('bookings/:token/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedBookingResponse, description: 'Cancelled; the link stops working' })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'A wrong, replaced or used-up link' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONSULTATION_TOO_LATE_TO_CHANGE: past the cancellation cutoff' })
  async cancel(@Param('token') token: string): Promise<ManagedBookingResponse> {
    return ManagedBookingResponse.from(await this.bookings.cancelByToken(token));
  }

  @Post('bookings/:token/reschedule')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedBookingResponse })
  @ApiNotFoundResponse({ type: ErrorResponse, description: 'A wrong, replaced or used-up link' })
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONSULTATION_SLOT_TAKEN, or CONSULTATION_TOO_LATE_TO_CHANGE' })
  async reschedule(@Param('token') token: string, @Body() dto: RescheduleBookingDto): Promise<ManagedBookingResponse> {
    return ManagedBookingResponse.from(await this.bookings.rescheduleByToken(token, new Date(dto.startsAt)));
  }
}
