import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SignPortalAgreementDto {
  @ApiProperty({
    example: 'Priya Sharma',
    description: 'The client’s full name as it appears in the agreement (case and accents aside)',
  })
  @IsString({ message: 'typedName must be your full name' })
  @IsNotEmpty({ message: 'typedName must be your full name' })
  @MaxLength(200)
  typedName: string;

  @ApiProperty({ enum: [true], description: 'The client agrees to sign electronically; must be `true`' })
  @Equals(true, { message: 'consent must be true to sign the agreement' })
  consent: true;
}
