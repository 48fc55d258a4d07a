import { ApiProperty } from '@nestjs/swagger';
import { StaffRole, type UserEntity } from '@app/auth';

export class UserResponse {
  @ApiProperty({ format: 'uuid', example: '0b7e6a52-3c1f-4d2a-9e57-2f8d1c4b6a90' }) id: string;
  @ApiProperty({ example: 'amelie.tremblay@permitdesk.example.ca' }) email: string;
  @ApiProperty({ example: 'Amélie Tremblay' }) name: string;
  @ApiProperty({ enum: StaffRole, enumName: 'StaffRole' }) role: StaffRole;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ example: 'America/Vancouver' }) timezone: string;
  @ApiProperty({ description: 'Takes consultations' }) isBookable: boolean;
  @ApiProperty({ type: [String], example: ['en', 'fr'] }) languages: string[];
  @ApiProperty({ type: String, nullable: true, example: 'R712345' }) rcicLicenceNumber: string | null;
  @ApiProperty({ example: '2026-03-02T17:45:00.000Z' }) createdAt: Date;

  static from(user: UserEntity): UserResponse {
    return Object.assign(new UserResponse(), {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      isActive: user.isActive,
      timezone: user.timezone,
      isBookable: user.isBookable,
      languages: user.languages,
      rcicLicenceNumber: user.rcicLicenceNumber,
      createdAt: user.createdAt,
    });
  }
}
