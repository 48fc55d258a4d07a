import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class SavePortalIntakeDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: {
      familyName: 'Sharma',
      dateOfBirth: '1990-04-12',
      addresses: [{ city: 'Pune', country: 'IN' }],
    },
    description:
      'Every answer so far, keyed by question key; a repeatable group is a list of objects. Replaces the saved ' +
      'answers. Checked against the form: types and shapes on a draft, required answers too on submit.',
  })
  @IsObject({ message: 'answers must be an object of answers by question key' })
  answers: Record<string, unknown>;
}
