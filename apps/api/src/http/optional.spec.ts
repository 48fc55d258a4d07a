import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage, IS_OPTIONAL, IsString, validate, ValidationTypes } from 'class-validator';
import { NULLABLE_CONTEXT, Nullable, Optional } from './optional';

function dtoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return dtoFiles(path);
    }
    return name.endsWith('.dto.ts') ? [path] : [];
  });
}

/** Where @nestjs/swagger keeps @ApiProperty options (DECORATORS.API_MODEL_PROPERTIES, not exported). */
const API_MODEL_PROPERTIES = 'swagger/apiModelProperties';

type Class = abstract new (...args: never[]) => object;

/** Every request DTO class the API declares (their names end in Dto), after loading every dto file. */
async function allDtoClasses(): Promise<Class[]> {
  for (const file of dtoFiles(join(__dirname, '..'))) {
    await import(file);
  }
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Class, unknown[]> };
  return [...storage.validationMetadatas.keys()].filter(
    (target) => typeof target === 'function' && target.name.endsWith('Dto'),
  );
}

describe('Optional and Nullable', () => {
  class Example {
    @Optional()
    @IsString()
    name?: string;

    @Nullable()
    @IsString()
    notes?: string | null;
  }
  const check = async (value: object) =>
    (await validate(Object.assign(new Example(), value))).map((error) => error.property);

  it('Optional lets a field be left out but validates an explicit null', async () => {
    expect(await check({})).toEqual([]);
    expect(await check({ name: null })).toEqual(['name']);
  });

  it('Nullable lets a field be left out or null', async () => {
    expect(await check({ notes: null })).toEqual([]);
    expect(await check({ notes: 5 })).toEqual(['notes']);
  });
});

describe('every request DTO', () => {
  it('says explicitly whether a field may be null: no bare IsOptional, and Nullable only where documented nullable', async () => {
    const classes = await allDtoClasses();
    expect(classes.length).toBeGreaterThan(20);
    const bare: string[] = [];
    const undocumented: string[] = [];
    for (const dto of classes) {
      const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
      for (const metadata of metadatas) {
        if (metadata.type !== ValidationTypes.CONDITIONAL_VALIDATION || metadata.name !== IS_OPTIONAL) {
          continue;
        }
        const where = `${dto.name}.${metadata.propertyName}`;
        if (
          metadata.context !== NULLABLE_CONTEXT &&
          (metadata.context as { nullable?: boolean })?.nullable !== true
        ) {
          bare.push(where);
          continue;
        }
        const documented = Reflect.getMetadata(API_MODEL_PROPERTIES, dto.prototype, metadata.propertyName) as
          { nullable?: boolean } | undefined;
        if (documented?.nullable !== true) {
          undocumented.push(where);
        }
      }
    }
    // A bare @IsOptional() (or PartialType without { skipNullProperties: false }) lets null reach NOT NULL columns.
    expect([...new Set(bare)].sort()).toEqual([]);
    expect([...new Set(undocumented)].sort()).toEqual([]);
  });
});
