import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { encryptedColumnOf, type EncryptedColumn } from '@app/shared';
import { IntakeResponseEntity } from './entities/intake-response.entity';

/** What the intake needs to know of a file: its kind (which form), its number and people (the email). */
export interface IntakeFileRow {
  id: string;
  clientId: string;
  fileNumber: string;
  stream: string;
  applicationType: string;
  clientName: string;
  consultantName: string | null;
  consultantEmail: string | null;
}

const FILE_SELECT = `SELECT f.id, f.client_id AS "clientId", f.file_number AS "fileNumber", f.stream::text AS stream,
  f.application_type::text AS "applicationType", c.first_name || ' ' || c.last_name AS "clientName",
  u.name AS "consultantName", u.email AS "consultantEmail"
FROM work_permit_files f
JOIN clients c ON c.id = f.client_id
LEFT JOIN users u ON u.id = f.consultant_id`;

@Injectable()
export class IntakeRepository {
  constructor(
    @InjectRepository(IntakeResponseEntity) private readonly responses: Repository<IntakeResponseEntity>,
  ) {}

  /** The file only if it belongs to this client; locked for the transaction when `manager` is given. */
  async findFileOfClient(
    clientId: string,
    fileId: string,
    manager?: EntityManager,
  ): Promise<IntakeFileRow | null> {
    const rows: IntakeFileRow[] = await (manager ?? this.responses.manager).query(
      `${FILE_SELECT}\nWHERE f.id = $1 AND f.client_id = $2${manager ? '\nFOR UPDATE OF f' : ''}`,
      [fileId, clientId],
    );
    return rows[0] ?? null;
  }

  /** A file already known to be visible to the caller (staff scope checked by the files service). */
  async findFile(fileId: string, manager?: EntityManager): Promise<IntakeFileRow | null> {
    const rows: IntakeFileRow[] = await (manager ?? this.responses.manager).query(
      `${FILE_SELECT}\nWHERE f.id = $1${manager ? '\nFOR UPDATE OF f' : ''}`,
      [fileId],
    );
    return rows[0] ?? null;
  }

  /** The response of a file of this client (the client in the query). */
  findOfClient(
    clientId: string,
    fileId: string,
    manager?: EntityManager,
  ): Promise<IntakeResponseEntity | null> {
    return (manager ?? this.responses.manager).findOne(IntakeResponseEntity, { where: { fileId, clientId } });
  }

  findOfFile(fileId: string, manager?: EntityManager): Promise<IntakeResponseEntity | null> {
    return (manager ?? this.responses.manager).findOne(IntakeResponseEntity, { where: { fileId } });
  }

  save(manager: EntityManager, response: IntakeResponseEntity): Promise<IntakeResponseEntity> {
    return manager.save(IntakeResponseEntity, response);
  }

  /** The intake responses' encrypted answers, for key rotation (a concurrent save wins). */
  encryptedAnswers(): EncryptedColumn {
    return encryptedColumnOf(this.responses, 'answersEncrypted');
  }
}
