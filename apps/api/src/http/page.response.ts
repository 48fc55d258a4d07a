import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

/** Swagger shape of `{items, nextCursor}` for a given item class. */
export function PageResponse<T>(item: Type<T>) {
  class PageOf {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` to get the next page; null on the last page',
    })
    nextCursor: string | null;
  }
  Object.defineProperty(PageOf, 'name', { value: `${item.name.replace(/Response$/, '')}Page` });
  return PageOf;
}
