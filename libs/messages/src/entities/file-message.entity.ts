import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { UserEntity } from '@app/auth';
import { ClientEntity } from '@app/clients';
import { DocumentEntity } from '@app/documents';
import { WorkPermitFileEntity } from '@app/work-permits';

/**
 * One message on a file, between its client and the firm. Written by a staff member or by the client in the
 * portal, never both; the body is encrypted at rest (FieldEncryption, context `file_messages.body`).
 */
@Entity('file_messages')
@Index('idx_file_messages__file_id__created_at__id', ['fileId', 'createdAt', 'id'])
@Check('ck_file_messages__one_author', '(author_user_id IS NULL) <> (author_client_id IS NULL)')
@Check('ck_file_messages__client_author', 'author_client_id IS NULL OR author_client_id = client_id')
export class FileMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => WorkPermitFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_file_messages__file_id' })
  file?: WorkPermitFileEntity;

  @Column({ type: 'uuid' })
  fileId: string;

  /** The file's client (the other side of every message on the file). */
  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_file_messages__client_id' })
  client?: ClientEntity;

  @Column({ type: 'uuid' })
  clientId: string;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'fk_file_messages__author_user_id' })
  authorUser?: UserEntity | null;

  /** The staff member who wrote it, or null when the client did. */
  @Column({ type: 'uuid', nullable: true })
  authorUserId: string | null;

  @ManyToOne(() => ClientEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_client_id', foreignKeyConstraintName: 'fk_file_messages__author_client_id' })
  authorClient?: ClientEntity | null;

  /** The client, when they wrote it in the portal. */
  @Column({ type: 'uuid', nullable: true })
  authorClientId: string | null;

  @Column({ type: 'text' })
  bodyEncrypted: string;

  /** Documents of the same file sent with the message. */
  @ManyToMany(() => DocumentEntity)
  @JoinTable({
    name: 'file_message_attachments',
    joinColumn: {
      name: 'message_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_file_message_attachments__message_id',
    },
    inverseJoinColumn: {
      name: 'document_id',
      referencedColumnName: 'id',
      foreignKeyConstraintName: 'fk_file_message_attachments__document_id',
    },
  })
  attachments?: DocumentEntity[];

  @Column({ type: 'timestamptz' })
  createdAt: Date;
}
