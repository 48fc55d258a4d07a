import { StaffRole } from '@app/auth';
import { mayBeAssigned } from './assignees';

const file = { consultantId: 'c-1' };
const staff = (id: string, role: StaffRole, isActive = true) => ({ id, role, isActive });

describe('who may be assigned a deadline of a file', () => {
  it("takes the file's consultant, any assistant, any admin", () => {
    expect(mayBeAssigned(staff('c-1', StaffRole.Consultant), file)).toBe(true);
    expect(mayBeAssigned(staff('a-1', StaffRole.Assistant), file)).toBe(true);
    expect(mayBeAssigned(staff('x-1', StaffRole.Admin), file)).toBe(true);
  });

  it('refuses another consultant, an inactive member and an unknown one', () => {
    expect(mayBeAssigned(staff('c-2', StaffRole.Consultant), file)).toBe(false);
    expect(mayBeAssigned(staff('c-2', StaffRole.Consultant), { consultantId: null })).toBe(false);
    expect(mayBeAssigned(staff('a-1', StaffRole.Assistant, false), file)).toBe(false);
    expect(mayBeAssigned(staff('c-1', StaffRole.Consultant, false), file)).toBe(false);
    expect(mayBeAssigned(null, file)).toBe(false);
  });
});
