import { checkPolicy, DEFAULT_REMINDER_POLICY, normaliseOffsets } from './reminder-policy';

describe('reminder policy', () => {
  it('defaults follow the design: permit 120/90/60/30/14/7, LMIA 60/30/14/7, biometrics and medical 21/7/2, ...', () => {
    expect(checkPolicy(DEFAULT_REMINDER_POLICY)).toEqual({});
    expect(DEFAULT_REMINDER_POLICY.offsets).toMatchObject({
      permit_expiry: [120, 90, 60, 30, 14, 7],
      lmia_expiry: [60, 30, 14, 7],
      biometrics: [21, 7, 2],
      medical: [21, 7, 2],
      pfl_response: [14, 7, 2, 1],
      passport_expiry: [180, 90],
    });
    expect(DEFAULT_REMINDER_POLICY.sendHour).toBe(8);
  });

  it('names every bad field', () => {
    const bad = {
      ...DEFAULT_REMINDER_POLICY,
      sendHour: 25,
      offsets: {
        ...DEFAULT_REMINDER_POLICY.offsets,
        medical: [7, 7],
        custom: [-1],
        biometrics: undefined as unknown as number[],
      },
    };
    expect(Object.keys(checkPolicy(bad)).sort()).toEqual([
      'offsets.biometrics',
      'offsets.custom',
      'offsets.medical',
      'sendHour',
    ]);
  });

  it('sorts offsets largest first without repeats', () => {
    expect(normaliseOffsets([1, 30, 7, 30])).toEqual([30, 7, 1]);
  });
});
