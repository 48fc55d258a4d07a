import { Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { clearCookie, setCookie } from '../http/cookies';
import {
  QUEUES_BOARD_PATH,
  QUEUES_SESSION_COOKIE,
  QUEUES_SESSION_TTL_SECONDS,
  QueuesBoardSessions,
} from './queues-board.session';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

class QueuesSessionResponse {
  @ApiProperty({ example: '/admin/queues' }) url: string;
  @ApiProperty() expiresAt: Date;
}

/** Opens the queue board (bull-board) in a browser for an admin signed in with a bearer token. */
@ApiTags('auth')
@ApiStaffRoute()
@ApiErrors([404, 'Not an admin'])
@Controller('auth/queues-session')
export class QueuesBoardController {
  constructor(
    private readonly sessions: QueuesBoardSessions,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles(StaffRole.Admin)
  @HttpCode(200)
  @ApiOkResponse({
    type: QueuesSessionResponse,
    description: 'Sets an HttpOnly cookie valid on /admin/queues for one hour, or until this session ends',
  })
  @ApiOperation({ summary: 'Open the queue board in this browser' })
  open(
    @CurrentStaff() staff: StaffUser,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): QueuesSessionResponse {
    // Tied to the staff session of this token: it ends when that session ends (sign-out, password change...).
    const session = this.sessions.issue(staff.id, staff.sessionId ?? '');
    setCookie(res, this.config, req, QUEUES_SESSION_COOKIE, session.value, {
      path: QUEUES_BOARD_PATH,
      maxAgeSeconds: QUEUES_SESSION_TTL_SECONDS,
    });
    return { url: QUEUES_BOARD_PATH, expiresAt: session.expiresAt };
  }

  @Delete()
  @Roles(StaffRole.Admin)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Clears the queue board cookie' })
  @ApiOperation({ summary: 'Close the queue board session' })
  close(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    clearCookie(res, this.config, req, QUEUES_SESSION_COOKIE, { path: QUEUES_BOARD_PATH });
  }
}
