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
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, StaffRole } from '@app/auth';
import { IsIanaTimeZone } from '@app/config';
import { SearchPageQueryDto } from '../../http/page-query.dto';
import { Nullable, Optional } from '../../http/optional';
import { trim } from '../../http/transforms';

const PASSWORD_RULES =
  `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, any characters; refused when it is a common password ` +
  'or built from the email address or name (400 USER_PASSWORD_REFUSED naming the field)';

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

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: PASSWORD_RULES,
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters` })
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

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'R712345',
    description: 'CICC licence number',
  })
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
export class UpdateOwnProfileDto extends PartialType(
  PickType(CreateUserDto, ['name', 'timezone', 'languages'] as const),
  { skipNullProperties: false },
) {}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword: string;

  @ApiProperty({
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: PASSWORD_RULES,
  })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `newPassword must be at least ${PASSWORD_MIN_LENGTH} characters`,
  })
  @MaxLength(PASSWORD_MAX_LENGTH, {
    message: `newPassword must be at most ${PASSWORD_MAX_LENGTH} characters`,
  })
  newPassword: string;
}

export class ListUsersQueryDto extends SearchPageQueryDto {
  @ApiPropertyOptional({ enum: StaffRole, enumName: 'StaffRole' })
  @Optional()
  @IsEnum(StaffRole)
  role?: StaffRole;
}
