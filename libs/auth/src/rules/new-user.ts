import { isEmail } from 'class-validator';
import type { FieldErrors } from '@app/shared';
import { StaffRole } from '../staff-role';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';

/** What a new staff account needs, as a command line or a form gives it (untrusted, possibly missing). */
export interface NewUserFields {
  email?: unknown;
  name?: unknown;
  role?: unknown;
  password?: unknown;
}

/**
 * The shape checks of a new account, with the API's messages (its CreateUserDto applies the same rules through
 * decorators): for callers without a request DTO, such as the CLI. The password policy itself is applied by
 * UsersService.create. Returns the trimmed values, or the problems by field.
 */
export function checkNewUserFields(
  fields: NewUserFields,
):
  | { values: { email: string; name: string; role: StaffRole; password: string }; problems?: undefined }
  | { values?: undefined; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const email = typeof fields.email === 'string' ? fields.email.trim() : fields.email;
  const name = typeof fields.name === 'string' ? fields.name.trim() : fields.name;
  if (typeof email !== 'string' || !isEmail(email)) {
    problems.email = ['email must be an email address'];
  } else if (email.length > 254) {
    problems.email = ['email must be shorter than or equal to 254 characters'];
  }
  if (typeof name !== 'string') {
    problems.name = ['name must be a string'];
  } else if (name.length < 1 || name.length > 200) {
    problems.name = ['name must be 1 to 200 characters'];
  }
  const roles: unknown[] = Object.values(StaffRole);
  if (!roles.includes(fields.role)) {
    problems.role = [`role must be one of ${Object.values(StaffRole).join(', ')}`];
  }
  const password = fields.password;
  if (typeof password !== 'string') {
    problems.password = ['password must be a string'];
  } else if (password.length < PASSWORD_MIN_LENGTH) {
    problems.password = [`password must be at least ${PASSWORD_MIN_LENGTH} characters`];
  } else if (password.length > PASSWORD_MAX_LENGTH) {
    problems.password = [`password must be at most ${PASSWORD_MAX_LENGTH} characters`];
  }
  if (Object.keys(problems).length > 0) {
    return { problems };
  }
  return {
    values: {
      email: email as string,
      name: name as string,
      role: fields.role as StaffRole,
      password: password as string,
    },
  };
}
