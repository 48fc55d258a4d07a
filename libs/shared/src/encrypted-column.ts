import type { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { EncryptedColumn, EncryptedCell } from './field-encryption';

/**
 * One encrypted column of an entity, as key rotation reads and rewrites it (see reencryptColumn): the next cells that
 * hold a value, in id order after `afterId`, and a replace that writes only while the cell still holds what was read,
 * so a concurrent change wins. `property` is the entity's property; the table and column names come from its
 * TypeORM metadata. The repository of the entity's feature owns it: `encryptedSecrets() { return encryptedColumnOf(…) }`.
 */
export function encryptedColumnOf<E extends ObjectLiteral & { id: string }>(
  repository: Repository<E>,
  property: keyof E & string,
): EncryptedColumn {
  const column = repository.metadata.findColumnWithPropertyName(property);
  if (!column) {
    throw new Error(`${repository.metadata.name} has no column ${property}`);
  }
  const table = repository.metadata.tableName;
  const name = column.databaseName;
  return {
    cellsAfter: (afterId, limit): Promise<EncryptedCell[]> =>
      repository.manager.query(
        `SELECT id, ${name} AS value FROM ${table}
         WHERE ${name} IS NOT NULL AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id ASC LIMIT $2`,
        [afterId, limit],
      ),
    replace: async (id, from, to) => {
      const result = await repository.update(
        { id, [property]: from } as FindOptionsWhere<E>,
        { [property]: to } as unknown as QueryDeepPartialEntity<E>,
      );
      return (result.affected ?? 0) > 0;
    },
  };
}
