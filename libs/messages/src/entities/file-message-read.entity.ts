import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '@app/auth';
import { ClientEntity } from '@app/clients';
import { WorkPermitFileEntity } from '@app/work-permits';

/**
 * How far one reader has read a file's messages: one row per (file, staff member) and one per (file, client).
 * A message is unread for them when it is from the other side and newer than `readUpTo`.
 */
@Entity('file_message_reads')
@Index('uq_file_message_reads__file_id__user_id', ['fileId', 'userId'], { unique: true })
@Index('uq_file_message_reads__file_id__client_id', ['fileId', 'clientId'], { unique: true })
@Check('ck_file_message_reads__one_reader', '(user_id IS NULL) <> (client_id IS NULL)')
export class FileMessageReadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => WorkPermitFileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_file_message_reads__file_id' })
  file?: WorkPermitFileEntity;

  @Column({ type: 'uuid' })
  fileId: string;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_file_message_reads__user_id' })
  user?: UserEntity | null;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => ClientEntity, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'fk_file_message_reads__client_id' })
  client?: ClientEntity | null;

  @Column({ type: 'uuid', nullable: true })
  clientId: string | null;

  /** The creation time of the newest message the reader has seen. */
  @Column({ type: 'timestamptz' })
  readUpTo: Date;
}
