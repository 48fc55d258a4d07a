import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { normalizeIp } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '@app/auth';
import { AppConfig } from '@app/config';
import { CurrentPortalSession, PortalAuthService, PortalRoute } from '@app/portal';
import { tooManyRequests } from '../http/too-many-requests';
import { ApiErrors, ApiPortalRoute, ApiPublicRoute } from '../openapi/api-docs.decorators';
import { PublicRateLimited } from '../public/public-throttler.guard';
import { RequestPortalLinkDto, VerifyPortalLinkDto } from './dto/portal.dto';
import { PortalSignInResponse } from './dto/portal.response';
import { PortalLinkLimits } from './portal-link-limits';

const HOLD_REASONS = {
  address: 'Too many sign-in links asked for from your network.',
  email: 'Too many sign-in links asked for this email.',
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Client portal sign-in by emailed link, and sign-out. */
@ApiTags('portal')
@Controller('portal/auth')
export class PortalAuthController {
  constructor(
    private readonly auth: PortalAuthService,
    private readonly limits: PortalLinkLimits,
    private readonly config: AppConfig,
  ) {}

  @Post('request-link')
  @Public()
  @ApiPublicRoute()
  @PublicRateLimited()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ask for a sign-in link by email',
    description:
      'Always 202, after the same time, whether or not an invited client has this email; the link (15 minutes, ' +
      'single use) is emailed only when one has, and asking again voids the previous link.',
  })
  @ApiAcceptedResponse({ description: 'If an invited client has this email, a link is on its way' })
  @ApiErrors(400, [
    429,
    'TOO_MANY_REQUESTS: too many links asked for this email or from this address (Retry-After says how long)',
  ])
  async requestLink(
    @Body() dto: RequestPortalLinkDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const started = performance.now();
    const address = req.ip ? normalizeIp(req.ip) : 'unknown';
    const held = await this.limits.take(address, dto.email);
    if (held) {
      throw tooManyRequests(res, held.retryAfterMs / 1000, HOLD_REASONS[held.reason]);
    }
    await this.auth.requestLink(dto.email);
    // Known and unknown emails answer after the same time: the lookup and the outbox write fit within it.
    const left = this.config.portal.linkAnswerMs - (performance.now() - started);
    if (left > 0) {
      await sleep(left);
    }
  }

  @Post('verify')
  @Public()
  @ApiPublicRoute()
  @PublicRateLimited()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with the token of an emailed link; starts a portal session' })
  @ApiOkResponse({ type: PortalSignInResponse })
  @ApiErrors(
    400,
    [
      401,
      'PORTAL_LINK_EXPIRED, PORTAL_LINK_USED, PORTAL_LINK_REPLACED (a newer link was sent) or PORTAL_LINK_INVALID',
    ],
    [429, 'TOO_MANY_REQUESTS: too many requests from this address'],
  )
  async verify(@Body() dto: VerifyPortalLinkDto, @Req() req: Request): Promise<PortalSignInResponse> {
    const signIn = await this.auth.verify(dto.token, {
      ipAddress: req.ip ?? null,
      userAgent: req.get('user-agent') ?? null,
    });
    return PortalSignInResponse.from(signIn);
  }

  @Post('sign-out')
  @PortalRoute()
  @ApiPortalRoute()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of the portal: ends the session of this token' })
  @ApiNoContentResponse({ description: 'The token no longer works' })
  async signOut(@CurrentPortalSession() session: { sessionId: string; clientId: string }): Promise<void> {
    await this.auth.signOut(session);
  }
}
