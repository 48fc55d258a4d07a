import { Controller, Delete, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentStaff, Public, Roles, StaffRole, type StaffUser } from '@app/auth';
import { CalendarFeedsService, type CalendarFeedStatus, type NewCalendarFeed } from '@app/consultations';
import { UuidParam } from '../http/uuid-param';
import { PublicRateLimited } from '../public/public-throttler.guard';
import { ApiErrors, ApiStaffRoute, ApiPublicRoute } from '../openapi/api-docs.decorators';

export class CalendarFeedResponse {
  @ApiProperty({ format: 'uuid' }) consultantId: string;
  @ApiProperty({ description: 'A subscription address exists (its token is never shown again)' })
  active: boolean;
  @ApiProperty({ type: Date, nullable: true }) createdAt: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'Last time a calendar fetched it (to the minute)' })
  lastFetchedAt: Date | null;

  static from(status: CalendarFeedStatus): CalendarFeedResponse {
    return Object.assign(new CalendarFeedResponse(), {
      consultantId: status.consultantId,
      active: status.active,
      createdAt: status.createdAt,
      lastFetchedAt: status.lastFetchedAt,
    });
  }
}

export class NewCalendarFeedResponse extends CalendarFeedResponse {
  @ApiProperty({
    example: 'https://permitdesk.example.ca/api/calendar/3q2…Xw.ics',
    description: 'Shown only now: subscribe to it in a calendar',
  })
  url: string;

  @ApiProperty({
    example: 'webcal://permitdesk.example.ca/api/calendar/3q2…Xw.ics',
    description: 'The same address for Apple Calendar and Outlook',
  })
  webcalUrl: string;

  static fromNew(feed: NewCalendarFeed): NewCalendarFeedResponse {
    return Object.assign(new NewCalendarFeedResponse(), CalendarFeedResponse.from(feed), {
      url: feed.url,
      webcalUrl: feed.webcalUrl,
    });
  }
}

/** A consultant's private calendar subscription: their own, or anyone's for an admin (others: 404). */
@ApiTags('consultations')
@ApiStaffRoute()
@Controller('consultants')
@Roles(StaffRole.Admin, StaffRole.Consultant)
@ApiErrors([404, 'No such consultant, or not one the caller may manage'])
export class ConsultantCalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get(':id/calendar-feed')
  @ApiOkResponse({ type: CalendarFeedResponse })
  @ApiOperation({ summary: 'Get the status of a consultant’s calendar subscription' })
  @ApiErrors(400)
  async status(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<CalendarFeedResponse> {
    return CalendarFeedResponse.from(await this.feeds.status(id, staff));
  }

  /** Creates the subscription address, or replaces it (the old one stops working). The address is shown once. */
  @Post(':id/calendar-feed')
  @ApiCreatedResponse({ type: NewCalendarFeedResponse })
  @ApiOperation({ summary: 'Create or replace a consultant’s calendar subscription address' })
  @ApiErrors(400)
  async regenerate(
    @UuidParam() id: string,
    @CurrentStaff() staff: StaffUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<NewCalendarFeedResponse> {
    res.setHeader('Cache-Control', 'no-store');
    return NewCalendarFeedResponse.fromNew(await this.feeds.regenerate(id, staff));
  }

  @Delete(':id/calendar-feed')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked: the address answers 404 from now on' })
  @ApiOperation({ summary: 'Revoke a consultant’s calendar subscription' })
  @ApiErrors(400)
  async revoke(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<void> {
    await this.feeds.revoke(id, staff);
  }
}

/** The subscription itself: no login (calendars cannot sign in), the unguessable token is the key. */
@ApiTags('public')
@Controller('calendar')
@Public()
@ApiPublicRoute()
@PublicRateLimited()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedsService) {}

  @Get(':token.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description:
      "The consultant's consultations, from 30 days ago to their booking horizon (at least 90 days ahead)",
  })
  @ApiErrors([404, 'A wrong or revoked address'], 429)
  @ApiOperation({ summary: 'Fetch a consultant’s calendar as iCalendar' })
  async feed(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const ics = await this.feeds.render(token);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'inline; filename="consultations.ics"');
    res.setHeader('Cache-Control', 'private, no-cache');
    return ics;
  }
}
