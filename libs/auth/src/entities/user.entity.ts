import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { StaffRole } from '../staff-role';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('uq_users__email', { unique: true })
  @Column({ type: 'citext' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'enum', enum: StaffRole, enumName: 'staff_role' })
  role: StaffRole;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @Column({ type: 'text', default: 'America/Toronto' })
  timezone: string;

  @Column({ type: 'boolean', default: false })
  isBookable: boolean;

  @Column({ type: 'text', array: true, default: () => "'{en}'" })
  languages: string[];

  @Column({ type: 'text', nullable: true })
  rcicLicenceNumber: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
