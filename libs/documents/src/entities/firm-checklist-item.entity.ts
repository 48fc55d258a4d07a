import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** The files a firm's checklist item goes on: one stream's, or every file (`ANY`). */
export enum FirmChecklistStream {
  Tfwp = 'TFWP',
  Imp = 'IMP',
  Any = 'ANY',
}

/** An item the firm adds to the checklist of every file of a stream, after the IRCC items. */
@Entity('firm_checklist_items')
@Index('uq_firm_checklist_items__key', ['key'], { unique: true })
@Check('chk_firm_checklist_items__key', `key ~ '^[a-z0-9][a-z0-9_]{0,79}$' AND key <> 'other'`)
export class FirmChecklistItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: FirmChecklistStream, enumName: 'firm_checklist_stream' })
  stream: FirmChecklistStream;

  /** The documents' `kind` on this item; never changes once created. */
  @Column({ type: 'varchar', length: 80 })
  key: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 200 })
  titleFr: string;

  @Column({ type: 'text', nullable: true })
  help: string | null;

  @Column({ type: 'text', nullable: true })
  helpFr: string | null;

  @Column({ type: 'boolean' })
  required: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
