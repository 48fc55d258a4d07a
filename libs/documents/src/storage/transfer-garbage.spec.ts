import { TransferGarbage } from './transfer-garbage';

describe('TransferGarbage', () => {
  it('collects once every so many bytes, whatever the sizes of the pieces', () => {
    const collect = jest.fn();
    const garbage = new TransferGarbage(collect, 100);
    for (const piece of [30, 30, 30]) {
      garbage.passed(piece);
    }
    expect(collect).not.toHaveBeenCalled();
    garbage.passed(30);
    expect(collect).toHaveBeenCalledTimes(1);
    garbage.passed(99);
    expect(collect).toHaveBeenCalledTimes(1);
    garbage.passed(1);
    expect(collect).toHaveBeenCalledTimes(2);
  });
});
