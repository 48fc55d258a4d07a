import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { StaffUser } from './staff-role';

@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  issueAccessToken(staff: StaffUser): string {
    return this.jwt.sign({ sub: staff.id, role: staff.role });
  }
}
