import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { StaffRole } from '@app/auth';
import { IsIanaTimeZone } from '@app/config';
import { SearchPageQueryDto } from '../../http/page-query.dto';
import { Nullable, Optional } from '../../http/optional';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'amelie@firm.ca' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Amélie Tremblay' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: StaffRole, enumName: 'StaffRole' })
  @IsEnum(StaffRole, { message: `role must be one of ${Object.values(StaffRole).join(', ')}` })
  role: StaffRole;

  @ApiProperty({ minLength: 10, description: 'At least 10 characters' })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ example: 'America/Toronto' })
  @Optional()
  @IsIanaTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ description: 'Takes consultations (defaults to true for consultants)' })
  @Optional()
  @IsBoolean()
  isBookable?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['en', 'fr'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsIn(['en', 'fr', 'es', 'pt', 'hi', 'pa', 'zh', 'ar', 'tl', 'uk'], { each: true })
  languages?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: 'R712345', description: 'CICC licence number' })
  @Nullable()
  @Matches(/^R\d{6}$/, { message: 'rcicLicenceNumber must be R followed by 6 digits' })
  rcicLicenceNumber?: string | null;
}

export class UpdateUserDto extends PartialType(CreateUserDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ description: 'false deactivates the account: its tokens stop working at once' })
  @Optional()
  @IsBoolean()
  isActive?: boolean;
}

/** What a staff member may change on their own profile. */
export class UpdateOwnProfileDto extends PartialType(PickType(CreateUserDto, ['name', 'timezone', 'languages'] as const), { skipNullProperties: false }) {}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'newPassword must be at least 10 characters' })
  @MaxLength(200)
  newPassword: string;
}

export class ListUsersQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ enum: StaffRole, enumName: 'StaffRole' })
  @Optional()
  @IsEnum(StaffRole)
  role?: StaffRole;
}
