import { ApplicationType } from '../entities/work-permit-file.entity';
import { columnsFromInput } from './file-columns';

describe('columns from a request', () => {
  it('sets only the fields given, null clearing them', () => {
    expect(columnsFromInput({ jobTitle: 'Cook' })).toEqual({ jobTitle: 'Cook' });
    expect(columnsFromInput({ permitExpiresOn: null, consultantId: null })).toEqual({
      permitExpiresOn: null,
      consultantId: null,
    });
    expect(columnsFromInput({})).toEqual({});
  });

  it('trims text and collapses inner spaces', () => {
    expect(columnsFromInput({ jobTitle: '  Line   cook ', employer: { name: ' Maple  Inc. ' } })).toEqual({
      jobTitle: 'Line cook',
      employerName: 'Maple Inc.',
    });
  });

  it('clears the whole employer with null, or changes the parts given', () => {
    expect(columnsFromInput({ employer: null })).toEqual({
      employerName: null,
      employerBusinessNumber: null,
    });
    expect(columnsFromInput({ employer: { businessNumber: '123456789' } })).toEqual({
      employerBusinessNumber: '123456789',
    });
  });

  it('stores the wage as numeric text with its period', () => {
    expect(columnsFromInput({ wage: { amount: 24, period: 'hour' } })).toEqual({
      wage: '24.00',
      wagePeriod: 'hour',
    });
    expect(columnsFromInput({ wage: null })).toEqual({ wage: null, wagePeriod: null });
  });

  it('passes the plain fields through', () => {
    expect(
      columnsFromInput({
        applicationType: ApplicationType.Extension,
        nocCode: '21232',
        province: 'ON',
        irccApplicationNumber: 'W301234567',
      }),
    ).toEqual({
      applicationType: 'extension',
      nocCode: '21232',
      province: 'ON',
      irccApplicationNumber: 'W301234567',
    });
  });
});
