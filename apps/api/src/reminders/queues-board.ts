import { createBullBoard } from '@bull-board/api';
import { BullAdapter } from '@bull-board/api/bullAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bull';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bull';
import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import { StaffRole, StaffSessionsService, type StaffUser } from '@app/auth';
import { EMAILS_QUEUE } from '@app/notifications';
import { REMINDERS_QUEUE } from '@app/reminders';
import { sendError } from '../http/all-exceptions.filter';
import {
  cookieValue,
  QUEUES_BOARD_PATH,
  QUEUES_SESSION_COOKIE,
  QueuesBoardSessions,
} from './queues-board.session';

/**
 * bull-board at /admin/queues (outside the /api prefix), for admins only. Two ways in:
 * - `Authorization: Bearer <access token>` of an active admin (scripts, curl);
 * - a browser: POST /api/auth/queues-session with the bearer token sets an HttpOnly, SameSite=Strict cookie
 *   scoped to /admin/queues, valid one hour or until that staff session ends; then open /admin/queues. No token
 *   ever travels in a URL.
 * Anyone else gets 401 (not signed in) or 404 (signed in, not an admin), as the API answers.
 */
export function mountQueuesBoard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUES_BOARD_PATH);
  createBullBoard({
    queues: [REMINDERS_QUEUE, EMAILS_QUEUE].map(
      (name) => new BullAdapter(app.get<Queue>(getQueueToken(name))),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'PermitDesk queues' } },
  });
  const sessions = app.get(QueuesBoardSessions);
  const staffSessions = app.get(StaffSessionsService);
  app.use(QUEUES_BOARD_PATH, adminOnly(sessions, staffSessions), serverAdapter.getRouter());
}

function bearerUser(req: Request, res: Response): Promise<StaffUser | null> {
  return new Promise((resolve) => {
    // passport types the middleware it returns as `any`.
    const authenticate = passport.authenticate(
      'jwt',
      { session: false },
      (error: unknown, user: StaffUser | false) => resolve(error || !user ? null : user),
    ) as (req: Request, res: Response, next: () => void) => void;
    authenticate(req, res, () => resolve(null));
  });
}

function adminOnly(sessions: QueuesBoardSessions, staffSessions: StaffSessionsService) {
  return (req: Request, res: Response, next: NextFunction) => {
    void (async () => {
      let staff: StaffUser | null;
      if (req.headers.authorization) {
        staff = await bearerUser(req, res);
      } else {
        const cookie = sessions.verify(cookieValue(req.headers.cookie, QUEUES_SESSION_COOKIE));
        staff = cookie ? await staffSessions.findSignedIn(cookie.userId, cookie.sessionId) : null;
      }
      res.setHeader('Cache-Control', 'no-store');
      if (!staff) {
        res.status(401).json({
          statusCode: 401,
          code: 'UNAUTHORIZED',
          message: 'Sign in as an admin: send a bearer token, or POST /api/auth/queues-session first',
          fields: null,
          errorId: null,
        });
        return;
      }
      if (staff.role !== StaffRole.Admin) {
        res
          .status(404)
          .json({ statusCode: 404, code: 'NOT_FOUND', message: 'Not found', fields: null, errorId: null });
        return;
      }
      next();
    })().catch((error: unknown) => sendError(res, error));
  };
}
