import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength } from 'class-validator';
import type { PortalLanguage } from '@app/portal';
import { Optional } from '../../http/optional';

export class RequestPortalLinkDto {
  @ApiProperty({ example: 'priya@example.com' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;
}

export class VerifyPortalLinkDto {
  @ApiProperty({ description: 'The token of the emailed link (`/portal/sign-in?token=...`)' })
  @IsString()
  @MaxLength(200)
  token: string;
}

export class PortalLanguageQueryDto {
  @ApiPropertyOptional({
    enum: ['en', 'fr'],
    description: 'Words in English or French; default: the client’s preferred language',
  })
  @Optional()
  @IsIn(['en', 'fr'], { message: 'lang must be en or fr' })
  lang?: PortalLanguage;
}
