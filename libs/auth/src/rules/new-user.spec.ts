import { StaffRole } from '../staff-role';
import { checkNewUserFields } from './new-user';

describe('checkNewUserFields', () => {
  it('trims and accepts a complete account', () => {
    expect(
      checkNewUserFields({
        email: ' a@firm.ca ',
        name: ' Amélie ',
        role: 'consultant',
        password: 'x'.repeat(12),
      }),
    ).toEqual({
      values: { email: 'a@firm.ca', name: 'Amélie', role: StaffRole.Consultant, password: 'x'.repeat(12) },
    });
  });

  it('names every bad field with the API messages', () => {
    expect(
      checkNewUserFields({ email: 'nope', name: '', role: 'owner', password: 'short' }).problems,
    ).toEqual({
      email: ['email must be an email address'],
      name: ['name must be 1 to 200 characters'],
      role: ['role must be one of admin, consultant, assistant'],
      password: ['password must be at least 12 characters'],
    });
  });
});
