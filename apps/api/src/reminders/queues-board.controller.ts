import { Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { QUEUES_BOARD_PATH, QUEUES_SESSION_COOKIE, QUEUES_SESSION_TTL_SECONDS, QueuesBoardSessions } from './queues-board.session';

class QueuesSessionResponse {
  @ApiProperty({ example: '/admin/queues' }) url: string;
  @ApiProperty() expiresAt: Date;
}

/** Opens the queue board (bull-board) in a browser for an admin signed in with a bearer token. */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth/queues-session')
export class QueuesBoardController {
  constructor(
    private readonly sessions: QueuesBoardSessions,
    private readonly config: AppConfig,
  ) {}

  @Post()
  @Roles(StaffRole.Admin)
  @HttpCode(200)
  @ApiOkResponse({ type: QueuesSessionResponse, description: 'Sets an HttpOnly cookie valid on /admin/queues for one hour, or until this session ends' })
  open(@CurrentStaff() staff: StaffUser, @Req() req: Request, @Res({ passthrough: true }) res: Response): QueuesSessionResponse {
    // Tied to the staff session of this token: it ends when that session ends (sign-out, password change...).
    const session = this.sessions.issue(staff.id, staff.sessionId ?? '');
    res.cookie(QUEUES_SESSION_COOKIE, session.value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure || this.config.appUrl.startsWith('https:'),
      path: QUEUES_BOARD_PATH,
      maxAge: QUEUES_SESSION_TTL_SECONDS * 1000,
    });
    return { url: QUEUES_BOARD_PATH, expiresAt: session.expiresAt };
  }

  @Delete()
  @Roles(StaffRole.Admin)
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Clears the queue board cookie' })
  close(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(QUEUES_SESSION_COOKIE, { path: QUEUES_BOARD_PATH, httpOnly: true, sameSite: 'strict' });
  }
}
