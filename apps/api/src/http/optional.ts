import { IsOptional, ValidateIf, type ValidationOptions } from 'class-validator';

/** Marks, in class-validator's metadata, a property declared with Nullable(): the one place null may pass. */
export const NULLABLE_CONTEXT = { nullable: true } as const;

/**
 * The field may be left out (undefined); an explicit `null` is still validated, so it fails IsString, IsInt...
 * Use it for every optional field whose column is NOT NULL, and for query values. class-validator's bare
 * `@IsOptional()` lets null through as well, which reached NOT NULL columns as a 500; a unit test refuses it.
 */
export function Optional(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}

/**
 * The field may be left out or set to `null` (clears it); anything else is validated. Only for fields whose
 * column is nullable; document them with `nullable: true` in @ApiProperty.
 */
export function Nullable(options?: ValidationOptions): PropertyDecorator {
  return IsOptional({ ...options, context: NULLABLE_CONTEXT });
}
