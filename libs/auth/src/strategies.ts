import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import { AppConfig } from '@app/config';
import type { StaffUser } from './staff-role';
import { accessTokenKey } from './access-token-key';
import { StaffSessionsService, type AccessTokenPayload } from './staff-sessions.service';
import { UsersService } from './users.service';

export const LOGIN_FAILED = 'Email or password is incorrect';

@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly users: UsersService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<StaffUser> {
    const user = await this.users.verifyCredentials(email, password);
    if (!user) {
      throw new UnauthorizedException(LOGIN_FAILED);
    }
    return { id: user.id, email: user.email, name: user.name, role: user.role };
  }
}

@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly sessions: StaffSessionsService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // passport-jwt hands the key to jsonwebtoken, which takes a KeyObject; its typings only list string | Buffer.
      secretOrKey: accessTokenKey(config.jwt.secret) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /** One statement per request: the user is active and the token's session is still open. */
  async validate(payload: Partial<AccessTokenPayload>): Promise<StaffUser> {
    const staff = await this.sessions.findSignedIn(payload.sub, payload.sid);
    if (!staff) {
      throw new UnauthorizedException('Your session has ended; sign in again');
    }
    return staff;
  }
}
