import { ApiProperty } from '@nestjs/swagger';
import type { FirmProfile } from '@app/firm';

/** The logo's public address; it changes with the logo, so a browser never shows an old one. */
export function logoUrl(profile: Pick<FirmProfile, 'logoUpdatedAt'>): string | null {
  return profile.logoUpdatedAt ? `/api/public/firm/logo?v=${profile.logoUpdatedAt.getTime()}` : null;
}

/** What anyone may read: the booking page's header and the sign-in page's name. */
export class PublicFirmResponse {
  @ApiProperty({ type: String, nullable: true, example: 'Maple Leaf Immigration' }) name: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '1055 W Georgia St, Suite 1500\nVancouver, BC V6E 3P3',
  })
  address: string | null;
  @ApiProperty({ type: String, nullable: true, example: '+1 604 555 0100' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'info@mapleleaf.example' }) publicEmail:
    string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '/api/public/firm/logo?v=1796400000000',
    description: 'The logo (PNG or JPEG); null: none',
  })
  logoUrl: string | null;

  static from(profile: FirmProfile): PublicFirmResponse {
    return Object.assign(new PublicFirmResponse(), {
      name: profile.name,
      address: profile.address,
      phone: profile.phone,
      publicEmail: profile.publicEmail,
      logoUrl: logoUrl(profile),
    });
  }
}

/** The settings page's view: the public fields and when they were last saved. */
export class FirmProfileResponse extends PublicFirmResponse {
  @ApiProperty({ type: Date, nullable: true, description: 'Null until an admin first saves' })
  updatedAt: Date | null;

  static override from(profile: FirmProfile): FirmProfileResponse {
    return Object.assign(new FirmProfileResponse(), PublicFirmResponse.from(profile), {
      updatedAt: profile.updatedAt,
    });
  }
}
